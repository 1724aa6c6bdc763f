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
        HostFacts.WorkerTimes worker = records.worker() == null ? null : workerTimes(records.worker());
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
                HumanHash.ofSha256HexOrNull(o.vaultPresent() ? o.vaultSha256() : null),
                overrideSha,
                HumanHash.ofSha256HexOrNull(overrideSha),
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

    /**
     * "2026-03-01T12:00:00.123456+00:00" or "...Z", the two forms that fleetroll and Taskcluster
     * write, read without DateTimeFormatter: a row has up to seven timestamps, 10,000 rows are
     * read at start, and the formatter's general parsing took a quarter of the start-up time.
     * Null for any other form, which the general parser then reads.
     */
    static Instant fastTime(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, i + 3);
            int om = digits(s, i + 4, i + 6);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null; // "2026-02-30": let the general parser reject it
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
        Instant fast = fastTime(iso);
        if (fast != null) {
            return fast;
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
