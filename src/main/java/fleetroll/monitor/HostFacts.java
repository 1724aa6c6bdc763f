package fleetroll.monitor;

import java.time.Instant;

/**
 * What one host's stored records say, independent of the moment they are looked at. Building it
 * parses timestamps and hashes, so it is done once per change of the records, off the UI thread;
 * a {@link MonitorRow} then only subtracts instants from "now". Null means "no such value".
 */
public record HostFacts(
        HostRecords records,
        AuditStatus audit,
        Instant newestAttemptAt,
        String newestFailure,
        Instant shownAt,
        Os os,
        String role,
        String vaultSha256,
        String vaultHumanHash,
        String overrideSha256,
        String overrideHumanHash,
        String overrideBranch,
        Instant bootedAt,
        Instant puppetRunAt,
        Boolean puppetSuccess,
        String puppetGitSha,
        Applied applied,
        WorkerTimes worker) {

    /** The Taskcluster times of a worker record, parsed; null fields were absent or unreadable. */
    public record WorkerTimes(
            Instant fetchedAt,
            Instant lastActive,
            Instant quarantineUntil,
            Instant taskStarted,
            Instant taskResolved) {}

    public String host() {
        return records.host();
    }

    /** True when an audit succeeded at some point, so that observed values can be shown. */
    public boolean observed() {
        return shownAt != null;
    }
}
