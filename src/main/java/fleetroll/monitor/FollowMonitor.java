package fleetroll.monitor;

import fleetroll.store.Observation;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The output when stdout is not a terminal and --once was not given: the table (or the JSON
 * object), then one line per new audit attempt of a requested host as other processes store it
 * (a table row with the widths of the first table, or a JSON line). Runs until {@code stop}
 * says so or stdout is closed.
 */
public final class FollowMonitor {
    static final Duration POLL = Duration.ofMillis(500);

    private FollowMonitor() {}

    public static void run(
            FleetLoader loader,
            FleetSnapshot first,
            Clock clock,
            PrintWriter out,
            boolean json,
            boolean colour,
            BooleanSupplier stop)
            throws InterruptedException {
        OnceRenderer renderer = null;
        if (json) {
            JsonRenderer.write(first, out);
        } else {
            OnceRenderer.write(first, clock.instant(), out, colour);
            renderer = OnceRenderer.measuring(first.rows(clock.instant()), colour);
        }
        while (!stop.getAsBoolean() && !out.checkError()) {
            Thread.sleep(POLL.toMillis());
            var update = loader.refresh();
            if (update.isEmpty()) {
                continue;
            }
            List<Observation> added = update.get().added();
            if (json) {
                added.forEach(o -> out.println(JsonRenderer.line(o)));
            } else {
                Map<String, HostFacts> byHost = new HashMap<>();
                update.get().snapshot().hosts().forEach(f -> byHost.putIfAbsent(f.host(), f));
                for (Observation o : added) {
                    out.println(renderer.line(new MonitorRow(byHost.get(o.host()), clock.instant())));
                }
            }
            out.flush();
        }
    }
}
