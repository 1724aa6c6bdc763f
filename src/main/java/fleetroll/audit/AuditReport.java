package fleetroll.audit;

import fleetroll.remote.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every host's outcome, in input order, and how long the run took. */
public record AuditReport(List<HostOutcome> outcomes, Duration elapsed, boolean interrupted) {
    public int total() {
        return outcomes.size();
    }

    public long successful() {
        return outcomes.stream().filter(HostOutcome::succeeded).count();
    }

    public long failed() {
        return total() - successful();
    }

    public boolean allSucceeded() {
        return failed() == 0;
    }

    /** Failure counts by kind, in the enum's order. */
    public Map<FailureKind, Long> failuresByKind() {
        Map<FailureKind, Long> counts = new TreeMap<>();
        for (HostOutcome outcome : outcomes) {
            if (outcome instanceof HostOutcome.Failed failed) {
                counts.merge(failed.kind(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
