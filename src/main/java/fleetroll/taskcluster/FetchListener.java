package fleetroll.taskcluster;

import java.time.Duration;

/**
 * What {@link WorkerClient} and {@link WorkerFetchService} report as they go, for -vv and the
 * progress line. Called from fetching threads; implementations must be thread-safe.
 */
public interface FetchListener {
    FetchListener NONE = new FetchListener() {};

    /** A request is about to be sent. {@code cursor} is null for the first page. */
    default void requestSent(WorkerPool pool, int page, int attempt, String url, String cursor) {}

    /** An answer arrived (any status); {@code summary} says what it held or why it is unusable. */
    default void responseReceived(WorkerPool pool, int page, int attempt, String summary, Duration took) {}

    /** The request failed in a way worth another try, which starts after {@code wait}. */
    default void retrying(WorkerPool pool, int page, int attempt, String why, Duration wait) {}

    /** One pool is done, fetched or not. */
    default void poolDone(PoolFetch fetch) {}
}
