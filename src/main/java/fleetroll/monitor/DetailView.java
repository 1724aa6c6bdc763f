package fleetroll.monitor;

import fleetroll.format.Durations;
import fleetroll.store.FileMeta;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The detail view of one host: every observed field of the audit shown, the Taskcluster record,
 * the override contents, and the last audits with their times and errors. Pure.
 */
public final class DetailView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final int LABEL = 20;

    private DetailView() {}

    /** {@code detail} is null while the history is being read. */
    public static List<Line> lines(MonitorRow row, HostDetail detail) {
        Instant now = row.now();
        HostRecords records = row.facts().records();
        List<Line> lines = new ArrayList<>();
        field(lines, "host", row.host() + (row.host().equals(row.shortName()) ? "" : "  (" + row.shortName() + ")"));
        Observation newest = records.latest();
        if (newest == null) {
            field(lines, "audits", "never audited", Style.BAD);
        } else {
            field(
                    lines,
                    "newest audit",
                    when(newest.ts(), now) + (newest.ok() ? "  ok" : "  FAILED " + RowBuilder.failure(newest)),
                    newest.ok() ? Style.PLAIN : Style.BAD);
        }
        field(
                lines,
                "healthy",
                row.healthy().code(),
                switch (row.healthy()) {
                    case YES -> Style.GOOD;
                    case NO -> Style.BAD;
                    case UNKNOWN -> Style.PLAIN;
                });
        field(lines, "applied", row.applied().code());
        Observation shown = records.latestSuccessful();
        if (shown != null && shown.observed() != null) {
            observed(lines, shown, row, now);
        } else if (newest != null) {
            field(lines, "observed", "no successful audit yet");
        }
        worker(lines, records.worker());
        lines.add(Line.EMPTY);
        if (row.overrideSha256() != null) {
            String name = row.overrideBranch() != null ? row.overrideBranch() + ", " : "";
            lines.add(Line.of("override contents (" + name + row.overrideHumanHash() + "):", Style.BOLD));
            if (detail == null) {
                lines.add(Line.plain("  loading…"));
            } else if (detail.overrideText() == null) {
                lines.add(Line.plain("  not in the local content store"));
            } else {
                detail.overrideText().lines().forEach(l -> lines.add(Line.plain("  " + printable(l))));
            }
            lines.add(Line.EMPTY);
        }
        lines.add(Line.of("last " + FleetLoader.DETAIL_HISTORY + " audits:", Style.BOLD));
        if (detail == null) {
            lines.add(Line.plain("  loading…"));
        } else if (detail.error() != null) {
            lines.add(Line.of("  cannot read: " + detail.error(), Style.BAD));
        } else if (detail.history().isEmpty()) {
            lines.add(Line.plain("  none"));
        } else {
            for (Observation o : detail.history()) {
                String what = o.ok() ? "ok" : "FAILED " + RowBuilder.failure(o);
                lines.add(Line.of("  " + when(o.ts(), now) + "  " + printable(what), o.ok() ? Style.PLAIN : Style.BAD));
            }
        }
        return lines;
    }

    private static void observed(List<Line> lines, Observation shown, MonitorRow row, Instant now) {
        ObservedState o = shown.observed();
        if (!shown.ok() || row.audit() != AuditStatus.OK) {
            field(lines, "values from", when(shown.ts(), now) + "  (the newest successful audit)");
        }
        field(lines, "os", String.valueOf(o.osType()));
        field(lines, "role", o.rolePresent() ? o.role() : "- (no /etc/puppet_role)");
        field(lines, "uptime", Durations.compact(row.uptime()));
        if (o.overridePresent()) {
            field(lines, "override", o.overrideSha256() + "  " + nullToDash(row.overrideHumanHash()));
            field(lines, "  branch", nullToDash(row.overrideBranch()));
            field(lines, "  file", meta(o.overrideMeta(), now));
        } else {
            field(lines, "override", "- (none)");
        }
        if (o.vaultPresent()) {
            field(lines, "vault", o.vaultSha256() + "  " + nullToDash(row.vaultHumanHash()));
            field(lines, "  file", meta(o.vaultMeta(), now));
        } else {
            field(lines, "vault", "- (none)");
        }
        String run = o.puppetLastRunEpoch() == null ? "-" : when(Instant.ofEpochSecond(o.puppetLastRunEpoch()), now);
        String result = o.puppetSuccess() == null ? "" : o.puppetSuccess() ? "  ok" : "  FAILED";
        field(
                lines,
                "puppet last run",
                run + result,
                Boolean.FALSE.equals(o.puppetSuccess()) ? Style.BAD : Style.PLAIN);
        field(lines, "  git", nullToDash(o.puppetGitSha()) + "  branch " + nullToDash(o.puppetGitBranch()));
        field(lines, "  override applied", nullToDash(o.puppetOverrideShaApplied()));
        field(lines, "  vault applied", nullToDash(o.puppetVaultShaApplied()));
    }

    private static void worker(List<Line> lines, WorkerRecord w) {
        if (w == null) {
            field(lines, "taskcluster", "- (no record; run tc-fetch)");
            return;
        }
        Instant fetched = RowBuilder.time(w.ts());
        field(
                lines,
                "taskcluster",
                nullToDash(w.provisioner()) + "/" + nullToDash(w.workerType()) + "  group "
                        + nullToDash(w.workerGroup()) + "  id " + nullToDash(w.workerId()) + "  state "
                        + nullToDash(w.state()));
        field(lines, "  fetched", fetched == null ? nullToDash(w.ts()) : WHEN.format(fetched.atOffset(ZoneOffset.UTC)));
        field(lines, "  last active", nullToDash(w.lastDateActive()));
        field(lines, "  first claim", nullToDash(w.firstClaim()));
        field(lines, "  quarantine until", nullToDash(w.quarantineUntil()));
        field(
                lines,
                "  latest task",
                nullToDash(w.latestTaskId()) + " run " + (w.latestRunId() == null ? "-" : w.latestRunId())
                        + "  " + nullToDash(w.latestTaskState()) + "  started " + nullToDash(w.latestTaskStarted())
                        + "  resolved " + nullToDash(w.latestTaskResolved()));
    }

    private static String meta(FileMeta m, Instant now) {
        if (m == null) {
            return "-";
        }
        String mtime = m.mtimeEpoch() == null ? "-" : when(Instant.ofEpochSecond(m.mtimeEpoch()), now);
        return "mode " + nullToDash(m.mode()) + "  " + nullToDash(m.owner()) + ":" + nullToDash(m.group()) + "  "
                + (m.size() == null ? "-" : m.size()) + " bytes  modified " + mtime;
    }

    private static String when(String ts, Instant now) {
        Instant at = RowBuilder.time(ts);
        return at == null ? nullToDash(ts) : when(at, now);
    }

    private static String when(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        return WHEN.format(at.atOffset(ZoneOffset.UTC)) + " (" + Durations.compact(ago) + " ago)";
    }

    private static void field(List<Line> lines, String label, String value) {
        field(lines, label, value, Style.PLAIN);
    }

    private static void field(List<Line> lines, String label, String value, Style style) {
        lines.add(new Line(List.of(Span.plain(TableLayout.pad(label, LABEL)), new Span(printable(value), style))));
    }

    private static String nullToDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Control characters from a host (stderr, files) must not reach the terminal as commands. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                sb.append("    ");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append('·');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
