package fleetroll.monitor;

import fleetroll.store.HumanHash;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a host's stored records into its monitor row. Pure: no I/O and no clock. The override's
 * PUPPET_BRANCH comes from {@code overrideBranch} (the caller reads the content store) and "now"
 * is a parameter, so that tests pin every age.
 */
public final class RowBuilder {
    private RowBuilder() {}

    public static MonitorRow build(
            HostRecords records, Function<String, Optional<String>> overrideBranch, Instant now) {
        return new MonitorRow(facts(records, overrideBranch), now);
    }

    /** The part of a row that does not depend on the time it is looked at. */
    public static HostFacts facts(HostRecords records, Function<String, Optional<String>> overrideBranch) {
        Observation latest = records.latest();
        Observation shown = records.latestSuccessful(); // a failed newest attempt keeps the last good values
        AuditStatus audit;
        if (latest == null) {
            audit = AuditStatus.NEVER_AUDITED;
        } else if (latest.ok()) {
            audit = AuditStatus.OK;
        } else {
            audit = shown == null ? AuditStatus.NEVER_SUCCEEDED : AuditStatus.NEWEST_FAILED;
        }
        HostFacts.WorkerTimes worker =
                records.tcWorker().map(RowBuilder::workerTimes).orElse(null);
        Instant newestAt = latest == null ? null : time(latest.ts());
        String failure = audit.newestFailed() ? failure(latest) : null;
        ObservedState o = shown == null ? null : shown.observed();
        if (o == null) {
            return new HostFacts(
                    records,
                    audit,
                    newestAt,
                    failure,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Applied.UNKNOWN,
                    worker);
        }
        Instant shownAt = time(shown.ts());
        String overrideSha = o.overridePresent() ? o.overrideSha256() : null;
        return new HostFacts(
                records,
                audit,
                newestAt,
                failure,
                shownAt,
                Os.ofUname(o.osType()),
                o.rolePresent() ? o.role() : null,
                o.vaultPresent() ? o.vaultSha256() : null,
                humanHash(o.vaultPresent() ? o.vaultSha256() : null),
                overrideSha,
                humanHash(overrideSha),
                overrideSha == null ? null : overrideBranch.apply(overrideSha).orElse(null),
                o.uptimeS() == null || shownAt == null ? null : shownAt.minusSeconds(o.uptimeS()),
                o.puppetLastRunEpoch() == null ? null : Instant.ofEpochSecond(o.puppetLastRunEpoch()),
                o.puppetSuccess(),
                o.puppetGitSha(),
                applied(o),
                worker);
    }

    /**
     * APPLIED: "-" without an override. With Puppet's run metadata (written by the wrapper, the
     * ground truth), Y when it names this override's sha and the run succeeded. Without it, Y when
     * the last run succeeded and is newer than the override file. Else N.
     */
    static Applied applied(ObservedState o) {
        if (!o.overridePresent()) {
            return Applied.NO_OVERRIDE;
        }
        boolean succeeded = Boolean.TRUE.equals(o.puppetSuccess());
        // Only the metadata source fills these; the report and summary sources leave them null.
        boolean hasMetadata = o.puppetGitSha() != null
                || o.puppetGitBranch() != null
                || o.puppetOverrideShaApplied() != null
                || o.puppetVaultShaApplied() != null;
        if (hasMetadata) {
            return succeeded && o.overrideSha256() != null && o.overrideSha256().equals(o.puppetOverrideShaApplied())
                    ? Applied.YES
                    : Applied.NO;
        }
        Long runEpoch = o.puppetLastRunEpoch();
        Long fileEpoch = o.overrideMeta() == null ? null : o.overrideMeta().mtimeEpoch();
        return succeeded && runEpoch != null && fileEpoch != null && runEpoch > fileEpoch ? Applied.YES : Applied.NO;
    }

    static HostFacts.WorkerTimes workerTimes(WorkerRecord w) {
        return new HostFacts.WorkerTimes(
                time(w.ts()),
                time(w.lastDateActive()),
                time(w.quarantineUntil()),
                time(w.latestTaskStarted()),
                time(w.latestTaskResolved()));
    }

    /** "timed_out: ssh: connect to host ... timed out": the kind, then the last line of stderr. */
    static String failure(Observation o) {
        String kind = o.error() == null || o.error().isBlank() ? "failed" : o.error();
        String detail = o.stderr() == null
                ? ""
                : o.stderr().strip().lines().reduce((a, b) -> b).orElse("").strip();
        return detail.isEmpty() ? kind : kind + ": " + detail;
    }

    private static String humanHash(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return HumanHash.ofSha256Hex(sha256);
    }

    /**
     * An instant from an ISO-8601 text as fleetroll, Python fleetroll or Taskcluster wrote it
     * ("...Z", "...+00:00", or no offset meaning UTC); null when absent or unreadable, so that a
     * bad value shows as "-" instead of breaking the whole table.
     */
    static Instant time(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        String s = iso.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
