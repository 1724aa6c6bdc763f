package fleetroll.cli;

import fleetroll.format.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * "audit: 120/300 done, 2 failed, 4.1s" on stderr while hosts finish, redrawn in place at most 10
 * times a second. Only on a terminal: in a pipe or a log it would be noise.
 *
 * @param <T> a host's outcome, as the fan-out reports it
 */
final class HostProgress<T> implements Consumer<T> {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final String failedWord;
    private final Predicate<T> succeeded;
    private final int total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long lastDrawNanos;

    HostProgress(PrintWriter err, String label, String failedWord, Predicate<T> succeeded, int total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.failedWord = failedWord;
        this.succeeded = succeeded;
        this.total = total;
        this.enabled = enabled;
    }

    @Override
    public void accept(T outcome) {
        int n = done.incrementAndGet();
        if (!succeeded.test(outcome)) {
            failed.incrementAndGet();
        }
        long now = System.nanoTime();
        if (enabled && (n == total || now - lastDrawNanos > REDRAW_NANOS)) {
            lastDrawNanos = now;
            draw(n);
        }
    }

    private synchronized void draw(int n) {
        err.print("\r\033[K" + label + ": " + n + "/" + total + " done, " + failed.get() + " " + failedWord + ", "
                + Durations.elapsed(Duration.ofNanos(System.nanoTime() - startNanos)));
        err.flush();
    }

    /** Clears the progress line before the report is printed. */
    synchronized void finish() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
