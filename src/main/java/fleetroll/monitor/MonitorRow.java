package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import fleetroll.query.CellValue;
import fleetroll.query.QueryRow;
import java.time.Duration;
import java.time.Instant;

/**
 * One host's line of the monitor, typed, as of {@code now}: ages are {@link Duration}s from now,
 * flags are enums, and a null accessor result means "no value". Sorting and filtering work on
 * these values (see {@link Column}); only renderers turn them into text.
 */
public record MonitorRow(HostFacts facts, Instant now) implements QueryRow {
    /** HEALTHY needs an audit and a Taskcluster activity younger than this. */
    public static final Duration HEALTHY_WITHIN = Duration.ofHours(1);

    public HostTarget target() {
        return facts.records().target();
    }

    /** The full host name as requested (the table strips the suffix all hosts share). */
    public String host() {
        return facts.host();
    }

    public String shortName() {
        return target().shortName();
    }

    public AuditStatus audit() {
        return facts.audit();
    }

    /** True when observed values are shown: some audit of the host succeeded. */
    public boolean observed() {
        return facts.observed();
    }

    /** Why the newest attempt failed ("timed_out: ..."), or null when it did not. */
    public String newestFailure() {
        return facts.newestFailure();
    }

    /** Age of the newest attempt, successful or not; null when never audited. */
    public Duration newestAttemptAge() {
        return age(facts.newestAttemptAt());
    }

    public Os os() {
        return facts.os();
    }

    public String role() {
        return facts.role();
    }

    public String vaultSha256() {
        return facts.vaultSha256();
    }

    public String vaultHumanHash() {
        return facts.vaultHumanHash();
    }

    public String overrideSha256() {
        return facts.overrideSha256();
    }

    public String overrideHumanHash() {
        return facts.overrideHumanHash();
    }

    /** PUPPET_BRANCH of the override as stored in the content store; null when it names none. */
    public String overrideBranch() {
        return facts.overrideBranch();
    }

    /** Time since boot, counted on from the audit that reported it. */
    public Duration uptime() {
        return age(facts.bootedAt());
    }

    /** Time since the last Puppet run. */
    public Duration puppetAge() {
        return age(facts.puppetRunAt());
    }

    /** Did the last Puppet run succeed? Null when not reported. */
    public Boolean puppetSucceeded() {
        return facts.puppetSuccess();
    }

    public String puppetGitSha() {
        return facts.puppetGitSha();
    }

    public Applied applied() {
        return facts.applied();
    }

    /** Time since Taskcluster last saw the worker active. */
    public Duration tcActiveAge() {
        return facts.worker() == null ? null : age(facts.worker().lastActive());
    }

    /** Duration of the latest task; while it runs, the time since it started. */
    public Duration taskDuration() {
        HostFacts.WorkerTimes w = facts.worker();
        if (w == null || w.taskStarted() == null) {
            return null;
        }
        Instant end = w.taskResolved() == null ? now : w.taskResolved();
        return nonNegative(Duration.between(w.taskStarted(), end));
    }

    public boolean taskRunning() {
        HostFacts.WorkerTimes w = facts.worker();
        return w != null && w.taskStarted() != null && w.taskResolved() == null;
    }

    /** True while quarantined, false when not; null without a worker record. */
    public Boolean quarantined() {
        HostFacts.WorkerTimes w = facts.worker();
        if (w == null) {
            return null;
        }
        return w.quarantineUntil() != null && w.quarantineUntil().isAfter(now);
    }

    /** Age of the audit whose values are shown (the newest successful one). */
    public Duration dataAge() {
        return age(facts.shownAt());
    }

    /**
     * How stale the row is: the older of the age of the audit shown and that of the Taskcluster
     * record, either alone when the other is missing; null with neither.
     */
    public Duration staleness() {
        Duration audit = observed() ? dataAge() : null;
        Duration tc = tcDataAge();
        if (audit == null) {
            return tc;
        }
        return tc == null || audit.compareTo(tc) >= 0 ? audit : tc;
    }

    /** For queries: the typed cell of the column with this name ({@link Column#value}). */
    @Override
    public CellValue value(String canonicalColumn) {
        Column column = Column.byName(canonicalColumn);
        return column == null ? CellValue.MISSING : column.value(this);
    }

    /** Age of the Taskcluster record. */
    public Duration tcDataAge() {
        return facts.worker() == null ? null : age(facts.worker().fetchedAt());
    }

    /**
     * HEALTHY: Y when the newest audit succeeded less than an hour ago, the last Puppet run
     * succeeded, APPLIED is not N, and the worker was active within the hour and is not
     * quarantined. A failed check gives N; a check without data gives ? (unless another failed).
     */
    public Health healthy() {
        Health audited = switch (facts.audit()) {
            case NEVER_AUDITED -> Health.UNKNOWN;
            case NEWEST_FAILED, NEVER_SUCCEEDED -> Health.NO;
            case OK -> Health.of(dataAge().compareTo(HEALTHY_WITHIN) < 0);
        };
        Health puppet = puppetSucceeded() == null ? Health.UNKNOWN : Health.of(puppetSucceeded());
        Health applied = switch (applied()) {
            case YES, NO_OVERRIDE -> Health.YES;
            case NO -> Health.NO;
            case UNKNOWN -> Health.UNKNOWN;
        };
        Duration active = tcActiveAge();
        Health worker = active == null ? Health.UNKNOWN : Health.of(active.compareTo(HEALTHY_WITHIN) < 0);
        Boolean quarantined = quarantined();
        Health quarantine = quarantined == null ? Health.UNKNOWN : Health.of(!quarantined);
        return audited.and(puppet).and(applied).and(worker).and(quarantine);
    }

    private Duration age(Instant then) {
        return then == null ? null : nonNegative(Duration.between(then, now));
    }

    // A clock a little behind the host's (or Taskcluster's) shows 0s, not a negative age.
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
