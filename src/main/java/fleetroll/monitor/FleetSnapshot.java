package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import java.time.Instant;
import java.util.List;

/**
 * Everything the monitor knows about the requested hosts at one moment, in request order.
 * Immutable: the loader publishes a new one when the store changes, and the UI thread reads
 * whichever is newest without locks. {@code version} 0 is "nothing loaded yet".
 */
public record FleetSnapshot(List<HostFacts> hosts, String suffix, Instant newestData, long version) {
    public static final FleetSnapshot EMPTY = new FleetSnapshot(List.of(), "", null, 0);

    public FleetSnapshot {
        hosts = List.copyOf(hosts);
    }

    public static FleetSnapshot of(List<HostFacts> hosts, long version) {
        List<HostTarget> targets = hosts.stream().map(f -> f.records().target()).toList();
        return new FleetSnapshot(hosts, HostSuffix.common(targets), newest(hosts), version);
    }

    public boolean loaded() {
        return version > 0;
    }

    /** Rows of every host as of {@code now}, in request order. */
    public List<MonitorRow> rows(Instant now) {
        MonitorRow[] rows = new MonitorRow[hosts.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new MonitorRow(hosts.get(i), now);
        }
        return List.of(rows);
    }

    // The newest audit attempt or Taskcluster fetch of any host: "how fresh is what I see?"
    private static Instant newest(List<HostFacts> hosts) {
        Instant newest = null;
        for (HostFacts f : hosts) {
            newest = later(newest, f.newestAttemptAt());
            if (f.worker() != null) {
                newest = later(newest, f.worker().fetchedAt());
            }
        }
        return newest;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
