package fleetroll.cli;

import fleetroll.audit.HostOutcome;
import fleetroll.format.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * "audit: 120/300 done, 2 failed, 4.1s" on stderr, redrawn in place, at most 10 times a second.
 * Only on a terminal: in a pipe or a log it would be noise.
 */
final class AuditProgress implements Consumer<HostOutcome> {
    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long lastDrawNanos;

    AuditProgress(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    @Override
    public void accept(HostOutcome outcome) {
        int n = done.incrementAndGet();
        if (!outcome.succeeded()) {
            failed.incrementAndGet();
        }
        long now = System.nanoTime();
        if (enabled && (n == total || now - lastDrawNanos > 100_000_000L)) {
            lastDrawNanos = now;
            draw(n);
        }
    }

    private synchronized void draw(int n) {
        err.print("\r\033[Kaudit: " + n + "/" + total + " done, " + failed.get() + " failed, "
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
