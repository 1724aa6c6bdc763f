package fleetroll.cli;

import fleetroll.audit.AuditReport;
import fleetroll.audit.AuditService;
import fleetroll.audit.HostOutcome;
import fleetroll.change.ChangeReport;
import fleetroll.change.HostChange;
import fleetroll.format.Plurals;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The end of every confirmed change: audit the touched hosts again, pick the exit status. */
final class ChangeFinish {
    private ChangeFinish() {}

    static int finish(
            ChangeReport report,
            boolean noAudit,
            SshTransport transport,
            LocalState state,
            String actor,
            CommandContext context,
            SshSettings settings,
            PrintWriter err) {
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
            reaudit(touched, transport, state, actor, context, settings, err);
        }
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /**
     * So that the monitor shows the new state at once. The change already happened: a failed
     * audit does not change the exit status; it is reported, so that stale rows are known.
     */
    private static void reaudit(
            List<HostTarget> touched,
            SshTransport transport,
            LocalState state,
            String actor,
            CommandContext context,
            SshSettings settings,
            PrintWriter err) {
        FanOutRunner runner = new FanOutRunner(settings.workers(), settings.batchTimeout());
        AuditReport audit;
        try (InterruptHandler interrupt = InterruptHandler.install(runner::cancel)) {
            audit = new AuditService(transport, state, actor, context.clock()).run(touched, runner, outcome -> {});
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
}
