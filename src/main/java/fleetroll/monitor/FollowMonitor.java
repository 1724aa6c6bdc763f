package fleetroll.monitor;

import fleetroll.query.Query;
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
 * (a table row with the widths of the first table, or a JSON line). With a query, only hosts it
 * keeps at that moment are printed. Runs until {@code stop} says so or stdout is closed.
 */
public final class FollowMonitor {
    static final Duration POLL = Duration.ofMillis(500);

    private FollowMonitor() {}

    public static void run(
            FleetLoader loader,
            FleetSnapshot first,
            Query query,
            Clock clock,
            PrintWriter out,
            boolean json,
            boolean colour,
            BooleanSupplier stop)
            throws InterruptedException {
        OnceRenderer renderer = null;
        List<MonitorRow> shown = OnceRenderer.rows(first, query, clock.instant());
        if (json) {
            JsonRenderer.write(shown.stream().map(MonitorRow::facts).toList(), out);
        } else {
            renderer = OnceRenderer.write(shown, out, colour);
        }
        while (!stop.getAsBoolean() && !out.checkError()) {
            Thread.sleep(POLL.toMillis());
            var update = loader.refresh();
            if (update.isEmpty()) {
                continue;
            }
            List<Observation> added = update.get().added();
            Map<String, HostFacts> byHost = new HashMap<>();
            update.get().snapshot().hosts().forEach(f -> byHost.putIfAbsent(f.host(), f));
            for (Observation o : added) {
                MonitorRow row = new MonitorRow(byHost.get(o.host()), clock.instant());
                if (query.matches(row)) {
                    out.println(json ? JsonRenderer.line(o) : renderer.line(row));
                }
            }
            out.flush();
        }
    }
}
