package fleetroll.cli;

import fleetroll.change.ChangeReport;
import fleetroll.change.ChangeRequest;
import fleetroll.change.ChangeService;
import fleetroll.change.HostChange;
import fleetroll.change.SetRequest;
import fleetroll.change.UnsetRequest;
import fleetroll.config.Actor;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.util.List;

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
        return ChangeFinish.finish(report, options.noAudit, transport, state, actor, context, settings, err);
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
