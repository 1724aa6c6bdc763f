package fleetroll.cli;

import fleetroll.format.Durations;
import fleetroll.format.Plurals;
import fleetroll.taskcluster.FetchListener;
import fleetroll.taskcluster.PoolFetch;
import fleetroll.taskcluster.WorkerClient;
import fleetroll.taskcluster.WorkerPool;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * tc-fetch's stderr while it runs: "tc-fetch: 3/7 worker types, 1 failed, 2.1s" redrawn in place
 * on a terminal, and with -vv one line per request, answer and retry. Trace lines clear the
 * progress line first so that the two never mix.
 */
final class TcFetchProgress implements FetchListener {
    private final PrintWriter err;
    private final int total;
    private final boolean progress;
    private final boolean trace;
    private final long startNanos = System.nanoTime();
    private int done;
    private int failed;

    TcFetchProgress(PrintWriter err, int total, boolean progress, boolean trace) {
        this.err = err;
        this.total = total;
        this.progress = progress && total > 0;
        this.trace = trace;
    }

    @Override
    public synchronized void requestSent(WorkerPool pool, int page, int attempt, String url, String cursor) {
        if (trace) {
            line("request " + pool + " page " + page + (attempt > 1 ? " try " + attempt : "") + ": POST " + url
                    + " limit " + WorkerClient.PAGE_LIMIT + (cursor == null ? "" : " cursor " + abbreviate(cursor)));
        }
    }

    @Override
    public synchronized void responseReceived(WorkerPool pool, int page, int attempt, String summary, Duration took) {
        if (trace) {
            line("answer  " + pool + " page " + page + (attempt > 1 ? " try " + attempt : "") + ": " + summary + " ("
                    + took.toMillis() + "ms)");
        }
    }

    @Override
    public synchronized void retrying(WorkerPool pool, int page, int attempt, String why, Duration wait) {
        if (trace) {
            line("retry   " + pool + " page " + page + " in " + Durations.elapsed(wait) + " (" + why + ")");
        }
    }

    @Override
    public synchronized void poolDone(PoolFetch fetch) {
        done++;
        if (fetch instanceof PoolFetch.Failed) {
            failed++;
        }
        if (trace) {
            line("done    " + fetch.pool() + ": "
                    + switch (fetch) {
                        case PoolFetch.Fetched ok ->
                            Plurals.count(ok.workers().size(), "worker") + " in " + Plurals.count(ok.pages(), "page");
                        case PoolFetch.Failed f -> "FAILED: " + f.reason();
                    });
        } else {
            draw();
        }
    }

    /** Clears the progress line before the report is printed. */
    synchronized void finish() {
        if (progress) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void line(String text) {
        if (progress) {
            err.print("\r\033[K");
        }
        err.println("tc-fetch: " + text);
        draw();
    }

    private void draw() {
        if (progress) {
            err.print("\r\033[Ktc-fetch: " + done + "/" + total + " worker types, " + failed + " failed, "
                    + Durations.elapsed(Duration.ofNanos(System.nanoTime() - startNanos)));
        }
        err.flush();
    }

    private static String abbreviate(String cursor) {
        return cursor.length() <= 24 ? cursor : cursor.substring(0, 24) + "…";
    }
}
