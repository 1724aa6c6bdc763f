package fleetroll.cli;

import fleetroll.change.HostChange;
import fleetroll.format.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** "set override: 120/300 done, 2 not ok, 4.1s" on stderr, redrawn in place; only on a terminal. */
final class ChangeProgress implements Consumer<HostChange> {
    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger notOk = new AtomicInteger();
    private volatile long lastDrawNanos;

    ChangeProgress(PrintWriter err, String label, int total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled;
    }

    @Override
    public void accept(HostChange change) {
        int n = done.incrementAndGet();
        if (!change.succeeded()) {
            notOk.incrementAndGet();
        }
        long now = System.nanoTime();
        if (enabled && (n == total || now - lastDrawNanos > 100_000_000L)) {
            lastDrawNanos = now;
            draw(n);
        }
    }

    private synchronized void draw(int n) {
        err.print("\r\033[K" + label + ": " + n + "/" + total + " done, " + notOk.get() + " not ok, "
                + Durations.elapsed(Duration.ofNanos(System.nanoTime() - startNanos)));
        err.flush();
    }

    synchronized void finish() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
