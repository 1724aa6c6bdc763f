package fleetroll.taskcluster;

import java.time.Duration;
import java.util.List;

/** How fetching one worker pool ended: every page read, or a failure after retries. */
public sealed interface PoolFetch {
    WorkerPool pool();

    Duration elapsed();

    /** Every page was read. {@code errors} are GraphQL errors that came with data, in page order. */
    record Fetched(WorkerPool pool, List<TcWorker> workers, int pages, List<String> errors, Duration elapsed)
            implements PoolFetch {}

    /** Not fetched; {@code reason} is one line such as "HTTP 503 after 3 tries". */
    record Failed(WorkerPool pool, String reason, Duration elapsed) implements PoolFetch {}
}
