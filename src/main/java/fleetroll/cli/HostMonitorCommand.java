package fleetroll.cli;

import fleetroll.hosts.HostTarget;
import fleetroll.monitor.FleetLoader;
import fleetroll.monitor.FleetSnapshot;
import fleetroll.monitor.FollowMonitor;
import fleetroll.monitor.HostFacts;
import fleetroll.monitor.InteractiveMonitor;
import fleetroll.monitor.JsonRenderer;
import fleetroll.monitor.OnceRenderer;
import fleetroll.monitor.SnapshotFeed;
import fleetroll.monitor.TableScreen;
import fleetroll.store.LocalState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "host-monitor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what is applied on each host and whether it is healthy, from the local store.",
            "On a terminal: a full-screen table that updates itself as host-audit and tc-fetch store new"
                    + " data (? for help, q to quit). Otherwise: the table, then one line per new audit.",
            "Columns: HOST OS ROLE VLT_SHA OVR_SHA UPTIME PP_LAST PP_SHA APPLIED TC_ACT TC_T_DUR TC_QUAR DATA"
                    + " HEALTHY. '-' no value, '?' never successfully audited, '!' before a host: its newest"
                    + " audit failed and the values are those of the last successful one."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-monitor configs/host-lists/linux.list",
            "  fleetroll host-monitor --once linux.list | grep ' N$'          # unhealthy hosts",
            "  fleetroll host-monitor --once --color=always linux.list | less -R",
            "  fleetroll host-monitor --json --once host1.example.org | jq '.[].observation.observed.role'",
            "  fleetroll host-monitor linux.list > monitor.log                 # table, then one line per audit",
            "%nExit status: 0 done, 1 the store could not be read, 2 bad input, 130 interrupted."
        })
final class HostMonitorCommand implements Callable<Integer> {
    /** --once names at most this many hosts whose newest audit failed; the rest are counted. */
    private static final int FAILURES_LISTED = 10;

    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targets;

    @Option(names = "--once", description = "Print the table (sorted by host) once and exit.")
    boolean once;

    @Option(
            names = "--json",
            description = "Print JSON: {host: {observation, tc_worker}}; without --once, then one JSON line"
                    + " per new observation.")
    boolean json;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            description = "auto (default): colour on a terminal unless NO_COLOR is set; always; never.")
    ColorWhen color = ColorWhen.AUTO;

    enum ColorWhen {
        AUTO,
        ALWAYS,
        NEVER
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandContext context = parent.context();
        List<HostTarget> hosts = targets.resolve();
        boolean noColorEnv = !context.env().getOrDefault("NO_COLOR", "").isEmpty();
        if (!once && !json && context.stdoutIsTerminal()) {
            boolean colour = color == ColorWhen.ALWAYS || color == ColorWhen.AUTO && !noColorEnv;
            TableScreen screen = new TableScreen("fleetroll " + VersionProvider.version(), targets.source());
            try (SnapshotFeed feed = SnapshotFeed.start(() -> LocalState.open(context.home()), hosts)) {
                boolean interrupted = InteractiveMonitor.run(feed, screen, context.clock(), colour);
                return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
        }
        boolean colour =
                color == ColorWhen.ALWAYS || color == ColorWhen.AUTO && context.stdoutIsTerminal() && !noColorEnv;
        PrintWriter out = spec.commandLine().getOut();
        try (LocalState state = LocalState.open(context.home())) {
            FleetLoader loader = new FleetLoader(state, hosts);
            FleetSnapshot snapshot = loader.loadAll();
            if (once) {
                if (json) {
                    JsonRenderer.write(snapshot, out);
                } else {
                    OnceRenderer.write(snapshot, context.clock().instant(), out, colour);
                    reportFailures(snapshot, spec.commandLine().getErr());
                }
                return ExitCodes.OK;
            }
            AtomicBoolean stop = new AtomicBoolean();
            try (InterruptHandler interrupt = InterruptHandler.install(() -> stop.set(true))) {
                FollowMonitor.run(loader, snapshot, context.clock(), out, json, colour, stop::get);
            }
            return InterruptHandler.wasInterrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    /** Why the "!" rows failed, on stderr, so that stdout stays one line per host. */
    private static void reportFailures(FleetSnapshot snapshot, PrintWriter err) {
        List<HostFacts> failed =
                snapshot.hosts().stream().filter(f -> f.audit().newestFailed()).toList();
        if (failed.isEmpty()) {
            return;
        }
        err.println("fleetroll: the newest audit of " + failed.size() + (failed.size() == 1 ? " host" : " hosts")
                + " failed (marked !; values shown are from the last successful audit):");
        failed.stream().limit(FAILURES_LISTED).forEach(f -> err.println("  " + f.host() + ": " + f.newestFailure()));
        if (failed.size() > FAILURES_LISTED) {
            err.println("  … and " + (failed.size() - FAILURES_LISTED) + " more");
        }
        err.flush();
    }
}
