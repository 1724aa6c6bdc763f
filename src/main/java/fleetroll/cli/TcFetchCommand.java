package fleetroll.cli;

import fleetroll.hosts.HostTarget;
import fleetroll.store.LocalState;
import fleetroll.taskcluster.ClientSettings;
import fleetroll.taskcluster.HostPlan;
import fleetroll.taskcluster.RoleMapping;
import fleetroll.taskcluster.TcCredentials;
import fleetroll.taskcluster.TcFetchReport;
import fleetroll.taskcluster.WorkerClient;
import fleetroll.taskcluster.WorkerFetchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "tc-fetch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fetch the Taskcluster worker of each host and store it for host-monitor.",
            "Each host's worker type comes from its role at its last successful host-audit (built-in table,"
                    + " config.yaml taskcluster: worker_types:, or WORKER_TYPE_OVERRIDE in its override);"
                    + " each worker type is listed once through the GraphQL API and workers match hosts by"
                    + " workerId = short host name."
        },
        footer = {
            "%nExamples:",
            "  fleetroll tc-fetch t-linux64-ms-238.test.releng.mdc1.mozilla.com",
            "  fleetroll tc-fetch -v configs/host-lists/linux.list",
            "  fleetroll tc-fetch -q mac.list && fleetroll host-monitor --once mac.list",
            "  fleetroll tc-fetch --json linux.list | jq '.hosts[] | select(.worker == null)'",
            "%nMapping: $FLEETROLL_HOME/config.yaml",
            "  taskcluster:",
            "    worker_types:",
            "      gecko_t_linux_new: gecko-t-linux-new-2404     # provisioner releng-hardware",
            "      bitbar_role: proj-autophone/gecko-t-bitbar    # PROVISIONER/WORKER_TYPE",
            "%nEnvironment:",
            "  TASKCLUSTER_ROOT_URL   default " + ClientSettings.DEFAULT_ROOT_URL,
            "  TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN, else ~/.tc_token (JSON",
            "  clientId, accessToken): loaded for later writes; never printed, never sent.",
            "%nExit status: 0 every worker type fetched, 1 some failed, 2 bad input."
        })
final class TcFetchCommand implements Callable<Integer> {
    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targets;

    @Option(
            names = "-v",
            description =
                    "-v: show the role mapping and each host's match; -vv: also each request and answer (stderr).")
    boolean[] verbosity = new boolean[0];

    @Option(
            names = {"-q", "--quiet"},
            description = "Print one summary line (with --json: compact JSON); no progress.")
    boolean quiet;

    @Option(names = "--json", description = "Print the result of each host and worker type as JSON.")
    boolean json;

    @Option(
            names = "--request-timeout",
            paramLabel = "DURATION",
            description = "Deadline of one HTTP request; a request past it is tried again (default 30s).")
    String requestTimeout;

    @Override
    public Integer call() throws InterruptedException {
        CommandContext context = parent.context().withConfigLoaded();
        List<HostTarget> hosts = targets.resolve();
        RoleMapping mapping = RoleMapping.fromConfig(context.config());
        Duration timeout = requestTimeout == null
                ? ClientSettings.DEFAULT_REQUEST_TIMEOUT
                : DurationArgument.parse("--request-timeout", requestTimeout);
        ClientSettings settings = ClientSettings.fromEnvironment(context.env(), timeout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int verbose = quiet ? 0 : verbosity.length;

        TcCredentials.Lookup credentials = TcCredentials.load(context.env(), homeDir(context));
        credentials.warning().ifPresent(w -> err.println("fleetroll: warning: " + w));

        TcFetchReport report;
        List<HostPlan> plans;
        try (LocalState state = LocalState.open(context.home());
                WorkerClient client = new WorkerClient(settings, "fleetroll/" + VersionProvider.version())) {
            WorkerFetchService service = new WorkerFetchService(state, mapping, client, context.clock());
            plans = service.plan(hosts);
            TcFetchProgress progress = new TcFetchProgress(
                    err, WorkerFetchService.pools(plans).size(), context.stderrIsTerminal() && !quiet, verbose >= 2);
            report = service.run(plans, progress);
            progress.finish();
        }
        if (json) {
            TcFetchJson.write(report, settings, out, !quiet);
        } else if (quiet) {
            TcFetchText.writeQuiet(report, out);
            TcFetchText.writeFailures(report, err);
        } else {
            TcFetchText.write(report, settings, verbose >= 1 ? credentials.description() : null, out);
        }
        return report.allPoolsFetched() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** ~ for ~/.tc_token: $HOME, so that tests and sudo -E users get the home they mean. */
    private static Path homeDir(CommandContext context) {
        String home = context.env().get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
