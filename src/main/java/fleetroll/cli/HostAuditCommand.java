package fleetroll.cli;

import fleetroll.audit.AuditReport;
import fleetroll.audit.AuditService;
import fleetroll.audit.HostOutcome;
import fleetroll.config.Actor;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "host-audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Audit hosts over SSH and store what was observed.",
            "One read-only probe per host, run under a single `sudo -n`: OS, uptime, role, override"
                    + " (contents and metadata), vault (metadata and sha256), last Puppet run."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-audit t-linux64-ms-238.test.releng.mdc1.mozilla.com",
            "  fleetroll host-audit --workers 50 configs/host-lists/linux.list",
            "  fleetroll host-audit --json -q host1 host2 | jq '.results[] | select(.ok | not)'",
            "  fleetroll host-audit --ssh-option \"-F lab/ssh_config\" host1",
            "%nExit status: 0 every host audited, 1 some host failed, 2 bad input, 130 interrupted.",
            "Each failed host's error is one of: connection_refused, timed_out, auth_rejected,"
                    + " sudo_denied, cancelled, other."
        })
final class HostAuditCommand implements Callable<Integer> {
    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targets;

    @ArgGroup(exclusive = false, heading = "%nSSH and fan-out:%n", order = 2)
    SshOptions ssh = new SshOptions();

    @Option(
            names = "--json",
            description = "Print JSON: one object for one host, else {results, total, successful, failed}.")
    boolean json;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print one summary line (with --json: compact JSON, no progress).")
    boolean quiet;

    @Override
    public Integer call() {
        CommandContext context = parent.context().withConfigLoaded();
        List<HostTarget> hosts = targets.resolve();
        SshSettings settings = ssh.settings(context.config());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FanOutRunner runner = new FanOutRunner(settings.workers(), settings.batchTimeout());
        AuditReport report;
        try (LocalState state = LocalState.open(context.home());
                InterruptHandler interrupt = InterruptHandler.install(runner::cancel)) {
            AuditService service = new AuditService(
                    new SshTransport(settings), state, Actor.fromEnvironment(context.env()), context.clock());
            HostProgress<HostOutcome> progress = new HostProgress<>(
                    err, "audit", "failed", HostOutcome::succeeded, hosts.size(), context.stderrIsTerminal() && !quiet);
            report = service.run(hosts, runner, progress);
            progress.finish();
        }
        if (json) {
            AuditReportJson.write(report, out, !quiet);
        } else if (quiet) {
            AuditReportText.writeQuiet(report, out);
        } else {
            AuditReportText.write(report, out, context.clock().instant());
        }
        if (report.interrupted()) {
            err.println("fleetroll: stopped before the end; hosts not audited are reported as cancelled");
            return InterruptHandler.wasInterrupted() ? ExitCodes.INTERRUPTED : ExitCodes.SOME_FAILED;
        }
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
