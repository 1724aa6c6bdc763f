package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.taskcluster.PoolFetch;
import fleetroll.taskcluster.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcFetchProgressTest {
    private static final WorkerPool POOL = WorkerPool.parse("gecko-t-linux-talos-1804");

    @Test
    void redrawsOneLineOnATerminalAndClearsItAtTheEnd() {
        StringWriter err = new StringWriter();
        TcFetchProgress progress = new TcFetchProgress(new PrintWriter(err), 2, true, false);

        progress.poolDone(new PoolFetch.Fetched(POOL, List.of(), 1, List.of(), Duration.ZERO));
        progress.poolDone(new PoolFetch.Failed(WorkerPool.parse("x"), "HTTP 503 after 3 tries", Duration.ZERO));
        progress.finish();

        assertThat(err.toString())
                .startsWith("\r\033[Ktc-fetch: 1/2 worker types, 0 failed, ")
                .contains("\r\033[Ktc-fetch: 2/2 worker types, 1 failed, ")
                .endsWith("\r\033[K")
                .doesNotContain("\n");
    }

    @Test
    void writesNothingOffATerminalWithoutTrace() {
        StringWriter err = new StringWriter();
        TcFetchProgress progress = new TcFetchProgress(new PrintWriter(err), 1, false, false);

        progress.requestSent(POOL, 1, 1, "https://tc/graphql", null);
        progress.poolDone(new PoolFetch.Fetched(POOL, List.of(), 1, List.of(), Duration.ZERO));
        progress.finish();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void traceLinesClearTheProgressLineFirst() {
        StringWriter err = new StringWriter();
        TcFetchProgress progress = new TcFetchProgress(new PrintWriter(err), 1, true, true);

        progress.retrying(POOL, 1, 1, "HTTP 503", Duration.ofSeconds(1));

        assertThat(err.toString())
                .startsWith(
                        "\r\033[Ktc-fetch: retry   releng-hardware/gecko-t-linux-talos-1804 page 1 in 1.0s (HTTP 503)\n")
                .contains("\r\033[Ktc-fetch: 0/1 worker types, 0 failed");
    }
}
