package fleetroll.cli;

import fleetroll.change.ChangePlan;
import fleetroll.change.ChangeReport;
import fleetroll.change.ContentChecks;
import fleetroll.change.FileContents;
import fleetroll.change.HostChange;
import fleetroll.change.ManagedFile;
import fleetroll.change.SetRequest;
import fleetroll.change.UnsetRequest;
import fleetroll.config.FleetrollHome;
import fleetroll.format.Durations;
import fleetroll.format.FileText;
import fleetroll.format.Plurals;
import fleetroll.hosts.HostTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human output of host-set-*, host-unset-*: dry-run plans and per-host results. Never vault contents. */
final class ChangeText {
    /** A dry run names this many hosts; the rest are counted. */
    static final int HOSTS_SHOWN = 10;

    private ChangeText() {}

    static void writeDryRun(
            SetRequest request,
            ChangePlan plan,
            ContentChecks checks,
            String targetSource,
            FleetrollHome home,
            PrintWriter out) {
        ManagedFile file = request.file();
        FileContents contents = request.contents();
        out.println("DRY RUN: nothing was sent to any host. Run again with --confirm to write.");
        out.println();
        row(
                out,
                "Action",
                "set " + file.label() + " on " + Plurals.count(plan.targets().size(), "host"));
        hostRows(out, targetSource, plan.targets());
        row(out, "Path", request.destination().describe());
        row(
                out,
                "Contents",
                contents.displayName() + ", " + contents.size() + " bytes"
                        + (file.isSecret() ? " (not shown: vault contents are secret)" : ""));
        row(out, "sha256", contents.sha256());
        row(out, "Human hash", contents.humanHash());
        row(
                out,
                "File",
                "mode " + request.mode() + ", owner " + request.ownership().owner() + ", group "
                        + request.ownership().group().orElse("root (macOS: wheel)"));
        row(
                out,
                "If different",
                request.force()
                        ? "replaced (--force)"
                        : "refused: a host whose " + file.label() + " has other contents keeps it (--force replaces)");
        row(out, "Backup", backupText(request.backup(), request.backupSuffix(), false));
        row(out, "Reason", request.reason().orElse("(none; --reason records one)"));
        row(out, "Validation", checks.summary());
        checks.problems().forEach(p -> out.println("    " + p));
        if (!file.isSecret()) {
            out.println();
            out.println("--- " + file.label() + " contents ---");
            out.print(FileText.printable(contents.bytes(), "not shown"));
            out.println("--- end ---");
        }
        writeAuditsAndLog(plan, home, out, () -> {
            group(out, "already hold these contents (permissions are checked)", plan.withState(ChangePlan.Seen.SAME));
            group(
                    out,
                    "hold other contents" + (request.force() ? ", replaced (--force)" : ", refused without --force"),
                    plan.withState(ChangePlan.Seen.DIFFERENT));
            group(out, "have no " + file.label(), plan.withState(ChangePlan.Seen.ABSENT));
            group(out, "never audited", plan.withState(ChangePlan.Seen.NEVER_AUDITED));
        });
    }

    static void writeUnsetDryRun(
            UnsetRequest request, ChangePlan plan, String targetSource, FleetrollHome home, PrintWriter out) {
        out.println("DRY RUN: nothing was sent to any host. Run again with --confirm to remove.");
        out.println();
        row(
                out,
                "Action",
                "remove " + request.file().label() + " from "
                        + Plurals.count(plan.targets().size(), "host"));
        hostRows(out, targetSource, plan.targets());
        row(out, "Path", request.destination().describe());
        row(out, "Backup", backupText(request.backup(), request.backupSuffix(), true));
        row(out, "Reason", request.reason().orElse("(none; --reason records one)"));
        writeAuditsAndLog(plan, home, out, () -> {
            group(out, "with an " + request.file().label() + ", to remove", plan.withState(ChangePlan.Seen.DIFFERENT));
            group(out, "without one (reported absent)", plan.withState(ChangePlan.Seen.ABSENT));
            group(out, "never audited", plan.withState(ChangePlan.Seen.NEVER_AUDITED));
        });
    }

    /**
     * The end of a dry run: what the latest audits saw, as {@code groups} writes it, unless --path
     * names a file that audits do not look at; then where each host will be recorded.
     */
    private static void writeAuditsAndLog(ChangePlan plan, FleetrollHome home, PrintWriter out, Runnable groups) {
        out.println();
        out.println("Latest audits:");
        if (plan.observationsApply()) {
            groups.run();
        } else {
            out.println("  (audits look at the default path only; they say nothing about --path)");
        }
        out.println();
        out.println("Each host will be recorded in " + home.auditLog() + ".");
        out.flush();
    }

    private static void group(PrintWriter out, String title, List<ChangePlan.HostState> states) {
        if (states.isEmpty()) {
            return;
        }
        out.println("  " + title + " (" + states.size() + "):");
        int shown = 0;
        for (ChangePlan.HostState state : states) {
            if (shown++ == HOSTS_SHOWN * 2) {
                out.println("    ... and " + (states.size() - HOSTS_SHOWN * 2) + " more");
                break;
            }
            out.println("    " + state.target().host()
                    + state.sha256().map(sha -> "  " + ShaLabel.of(sha)).orElse(""));
        }
    }

    static void writeSetReport(SetRequest request, ChangeReport report, FleetrollHome home, PrintWriter out) {
        writeLines(report, out);
        FileContents contents = request.contents();
        out.println("Set " + request.file().label() + " " + contents.shortSha() + " " + contents.humanHash() + " on "
                + Plurals.count(report.total(), "host") + " in " + Durations.elapsed(report.elapsed()) + ": "
                + counts(report)
                + (report.interrupted() ? " (run stopped before the end)" : ""));
        out.println("Recorded in " + home.auditLog());
        out.flush();
    }

    static void writeUnsetReport(UnsetRequest request, ChangeReport report, FleetrollHome home, PrintWriter out) {
        writeLines(report, out);
        out.println("Removed " + request.file().label() + " from " + Plurals.count(report.total(), "host") + " in "
                + Durations.elapsed(report.elapsed()) + ": " + counts(report)
                + (report.interrupted() ? " (run stopped before the end)" : ""));
        out.println("Recorded in " + home.auditLog());
        out.flush();
    }

    private static void writeLines(ChangeReport report, PrintWriter out) {
        int width = report.changes().stream()
                .mapToInt(c -> c.target().host().length())
                .max()
                .orElse(0);
        for (HostChange change : report.changes()) {
            String detail = detail(change);
            out.println(
                    String.format("%-" + width + "s  %-9s%s", change.target().host(), change.status(), detail)
                            .stripTrailing());
        }
    }

    /** The one fact an operator needs next to the status. */
    static String detail(HostChange change) {
        return switch (change.outcome()) {
            case HostChange.Outcome.Changed c ->
                c.backupPath().map(p -> "  backup " + p).orElse("");
            case HostChange.Outcome.Unchanged u -> "  already these contents; owner and mode set";
            case HostChange.Outcome.Refused r ->
                "  holds other contents"
                        + r.existingSha256()
                                .filter(fleetroll.store.Sha256::isHex)
                                .map(sha -> " (" + ShaLabel.of(sha) + ")")
                                .orElse("")
                        + "; --force replaces them";
            case HostChange.Outcome.Removed r ->
                r.backupPath().map(p -> "  backup " + p).orElse("  (no backup)");
            case HostChange.Outcome.Absent a -> "  there was none";
            case HostChange.Outcome.Failed f -> "  " + f.kind().code() + ": " + oneLine(f.detail());
        };
    }

    private static String counts(ChangeReport report) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : report.countsByStatus().entrySet()) {
            parts.add(e.getValue() + " " + e.getKey());
        }
        return parts.isEmpty() ? "nothing done" : String.join(", ", parts);
    }

    private static String backupText(boolean backup, String suffix, boolean removal) {
        if (!backup) {
            return removal ? "none: the file is deleted (--no-backup)" : "none (--no-backup)";
        }
        return (removal ? "the file is moved to " : "the replaced file stays as ") + "<path>.bak." + suffix
                + "; the newest 30 are kept";
    }

    private static void hostRows(PrintWriter out, String targetSource, List<HostTarget> hosts) {
        row(out, "Hosts", hostPreview(hosts));
        if (!targetSource.equals(
                String.join(" ", hosts.stream().map(HostTarget::destination).toList()))) {
            row(out, "Given as", targetSource);
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-13s %s%n", label + ":", value);
    }

    static String hostPreview(List<HostTarget> hosts) {
        List<String> names =
                hosts.stream().limit(HOSTS_SHOWN).map(HostTarget::host).toList();
        String shown = String.join(" ", names);
        return hosts.size() > HOSTS_SHOWN ? shown + " ... and " + (hosts.size() - HOSTS_SHOWN) + " more" : shown;
    }

    private static String oneLine(String text) {
        String line = text.strip().lines().reduce((a, b) -> a + " / " + b).orElse("");
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
