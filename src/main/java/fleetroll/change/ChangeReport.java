package fleetroll.change;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every host's change, in input order, for one action, with the audit record written for each;
 * how long it took; whether it was stopped.
 */
public record ChangeReport(
        String action,
        List<HostChange> changes,
        List<Map<String, Object>> records,
        Duration elapsed,
        boolean interrupted) {
    public ChangeReport {
        changes = List.copyOf(changes);
        records = List.copyOf(records);
        if (records.size() != changes.size()) {
            throw new IllegalArgumentException("one record per host: " + records.size() + " for " + changes.size());
        }
    }

    public int total() {
        return changes.size();
    }

    public long successful() {
        return changes.stream().filter(HostChange::succeeded).count();
    }

    public long failed() {
        return total() - successful();
    }

    public boolean allSucceeded() {
        return failed() == 0;
    }

    /** Host count per status, in a fixed order: "changed" -> 3, "failed" -> 1; zeros left out. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("changed", "unchanged", "removed", "absent", "refused", "failed")) {
            long n = changes.stream().filter(c -> c.status().equals(status)).count();
            if (n > 0) {
                counts.put(status, n);
            }
        }
        return counts;
    }
}
