package fleetroll.cli;

import fleetroll.audit.AuditReport;
import fleetroll.audit.AuditService;
import fleetroll.audit.HostOutcome;
import fleetroll.change.ChangeReport;
import fleetroll.change.ChangeRequest;
import fleetroll.change.ChangeService;
import fleetroll.change.HostChange;
import fleetroll.change.SetRequest;
import fleetroll.change.UnsetRequest;
import fleetroll.config.Actor;
import fleetroll.format.Plurals;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The --confirm half of host-set-* and host-unset-*: send the change to every host (a progress
 * line on stderr; Ctrl-C stops it and keeps what finished), print the records, then audit the
 * changed hosts again and pick the exit status.
 */
final class ConfirmedChange {
    private ConfirmedChange() {}

    static int run(
            ChangeRequest request,
            List<HostTarget> hosts,
            LocalState state,
            CommandContext context,
            ChangeOptions options,
            SshSettings settings,
            PrintWriter out,
            PrintWriter err) {
        SshTransport transport = new SshTransport(settings);
        String actor = Actor.fromEnvironment(context.env());
        FanOutRunner runner = new FanOutRunner(settings.workers(), settings.batchTimeout());
        ChangeReport report;
        try (InterruptHandler interrupt = InterruptHandler.install(runner::cancel)) {
            HostProgress<HostChange> progress = new HostProgress<>(
                    err,
                    progressLabel(request),
                    "not ok",
                    HostChange::succeeded,
                    hosts.size(),
                    context.stderrIsTerminal() && !options.json);
            ChangeService service = new ChangeService(transport, state, actor, context.clock());
            report = switch (request) {
                case SetRequest set -> service.set(set, hosts, runner, progress);
                case UnsetRequest unset -> service.unset(unset, hosts, runner, progress);
            };
            progress.finish();
        }
        if (options.json) {
            ChangeJson.writeReport(report, out); // the same records for either kind
        } else {
            switch (request) {
                case SetRequest set -> ChangeText.writeSetReport(set, report, state.home(), out);
                case UnsetRequest unset -> ChangeText.writeUnsetReport(unset, report, state.home(), out);
            }
        }
        return finish(
                report, options.noAudit, new AuditService(transport, state, actor, context.clock()), settings, err);
    }

    /** After the records: audit the touched hosts again (unless --no-audit), pick the exit status. */
    private static int finish(
            ChangeReport report, boolean noAudit, AuditService audits, SshSettings settings, PrintWriter err) {
        if (report.interrupted()) {
            err.println("fleetroll: stopped before the end; hosts not done are reported failed (cancelled);"
                    + " run host-audit on them to see their state");
            err.flush();
            return InterruptHandler.wasInterrupted() ? ExitCodes.INTERRUPTED : ExitCodes.SOME_FAILED;
        }
        List<HostTarget> touched = report.changes().stream()
                .filter(HostChange::touchedHost)
                .map(HostChange::target)
                .toList();
        if (!noAudit && !touched.isEmpty()) {
            reaudit(touched, audits, settings, err);
        }
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /**
     * So that the monitor shows the new state at once. The change already happened: a failed
     * audit does not change the exit status; it is reported, so that stale rows are known.
     */
    private static void reaudit(List<HostTarget> touched, AuditService audits, SshSettings settings, PrintWriter err) {
        FanOutRunner runner = new FanOutRunner(settings.workers(), settings.batchTimeout());
        AuditReport audit;
        try (InterruptHandler interrupt = InterruptHandler.install(runner::cancel)) {
            audit = audits.run(touched, runner, outcome -> {});
        }
        if (audit.allSucceeded()) {
            err.println("fleetroll: audited the " + Plurals.count(audit.total(), "changed host") + " again");
        } else {
            String failed = audit.outcomes().stream()
                    .filter(o -> o instanceof HostOutcome.Failed)
                    .map(o -> o.target().host() + " ("
                            + ((HostOutcome.Failed) o).kind().code() + ")")
                    .collect(Collectors.joining(", "));
            err.println("fleetroll: audited the changed hosts again; " + audit.failed() + " of " + audit.total()
                    + " failed, so the monitor shows their old state: " + failed);
        }
        err.flush();
    }

    /** "set override", "set vault" or "unset override". */
    private static String progressLabel(ChangeRequest request) {
        String verb = switch (request) {
            case SetRequest set -> "set ";
            case UnsetRequest unset -> "unset ";
        };
        return verb + request.file().label();
    }
}
