package fleetroll.cli;

import fleetroll.change.BackupSuffix;
import fleetroll.change.ChangePlan;
import fleetroll.change.ChangeReport;
import fleetroll.change.ChangeRequest;
import fleetroll.change.ContentChecks;
import fleetroll.change.SetRequest;
import fleetroll.change.UnsetRequest;
import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * --json of host-set-*, host-unset-*: a dry run prints its plan; a confirmed run prints
 * {results, total, successful, failed, interrupted}, each result the host's audit.jsonl record.
 * Never vault contents (nor override contents: show-override prints those).
 */
final class ChangeJson {
    private ChangeJson() {}

    static void writeDryRun(
            SetRequest request,
            ChangePlan plan,
            ContentChecks checks,
            String targetSource,
            FleetrollHome home,
            PrintWriter out) {
        Map<String, Object> value = common(request, plan, targetSource, home);
        value.put("source", request.contents().source());
        value.put("bytes", request.contents().size());
        value.put("sha256", request.contents().sha256());
        value.put("human_hash", request.contents().humanHash());
        value.put("mode", request.mode().octal());
        value.put("owner", request.ownership().owner());
        value.put("group", request.ownership().group().orElse(null));
        value.put("force", request.force());
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("ran", checks.ran());
        validation.put("passed", checks.passed());
        validation.put("problems", checks.problems());
        value.put("validation", validation);
        JsonReportPrinter.print(value, out, true);
    }

    static void writeUnsetDryRun(
            UnsetRequest request, ChangePlan plan, String targetSource, FleetrollHome home, PrintWriter out) {
        JsonReportPrinter.print(common(request, plan, targetSource, home), out, true);
    }

    /** What every dry run prints; Json.MAPPER sorts the keys, so the order of the puts is free. */
    private static Map<String, Object> common(
            ChangeRequest request, ChangePlan plan, String targetSource, FleetrollHome home) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("dry_run", true);
        value.put("action", request.action());
        value.put("targets", targetSource);
        value.put("host_count", plan.targets().size());
        value.put("hosts", plan.targets().stream().map(HostTarget::host).toList());
        value.put("audit_log", home.auditLog().toString());
        List<Map<String, Object>> states = plan.states().stream()
                .map(s -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("host", s.target().host());
                    state.put("latest_audit", plan.observationsApply() ? stateName(s.seen()) : "not_applicable");
                    state.put("sha256", s.sha256().orElse(null));
                    state.put("audited_at", s.auditedAt().orElse(null));
                    return state;
                })
                .toList();
        value.put("current", states);
        value.put("path_linux", request.destination().linuxPath());
        value.put("path_darwin", request.destination().darwinPath());
        value.put("backup", request.backup());
        value.put("backup_suffix", request.backupSuffix());
        value.put("backups_kept", BackupSuffix.KEEP);
        value.put("reason", request.reason().orElse(null));
        return value;
    }

    private static String stateName(ChangePlan.Seen seen) {
        return switch (seen) {
            case SAME -> "same";
            case DIFFERENT -> "different";
            case ABSENT -> "absent";
            case NEVER_AUDITED -> "never_audited";
        };
    }

    static void writeReport(ChangeReport report, PrintWriter out) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("action", report.action());
        value.put("results", report.records());
        value.put("total", report.total());
        value.put("successful", report.successful());
        value.put("failed", report.failed());
        value.put("interrupted", report.interrupted());
        JsonReportPrinter.print(value, out, true);
    }
}
