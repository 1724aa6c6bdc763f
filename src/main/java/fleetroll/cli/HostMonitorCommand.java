package fleetroll.cli;

import fleetroll.BadInputException;
import fleetroll.format.Plurals;
import fleetroll.hosts.HostTarget;
import fleetroll.monitor.Column;
import fleetroll.monitor.FilterState;
import fleetroll.monitor.FleetLoader;
import fleetroll.monitor.FleetSnapshot;
import fleetroll.monitor.FollowMonitor;
import fleetroll.monitor.HostFacts;
import fleetroll.monitor.InteractiveMonitor;
import fleetroll.monitor.JsonRenderer;
import fleetroll.monitor.MonitorRow;
import fleetroll.monitor.OnceRenderer;
import fleetroll.monitor.SnapshotFeed;
import fleetroll.monitor.TableFilter;
import fleetroll.monitor.TableScreen;
import fleetroll.query.FilterHistory;
import fleetroll.query.FilterHistoryFile;
import fleetroll.query.Query;
import fleetroll.query.QueryException;
import fleetroll.query.SavedFilters;
import fleetroll.store.LocalState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
                    + " audit failed and the values are those of the last successful one.",
            "A query keeps the hosts for which every term COLUMN OP VALUE holds (OP: = != ~ !~ < > <= >=;"
                    + " times as 30m, 2h 05m) and may sort them: sort:COLUMN[:desc][,COLUMN...]."
                    + " Press / in the table to type one, f to pick a saved one; ? lists the columns."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-monitor configs/host-lists/linux.list",
            "  fleetroll host-monitor --once --filter 'healthy=n' linux.list   # unhealthy hosts",
            "  fleetroll host-monitor --filter 'os=L ovr_sha!= pp_last>20h sort:pp_last:desc' linux.list",
            "  fleetroll host-monitor --once --hostname-only --filter 'tc_quar=yes' linux.list > quar.list",
            "  fleetroll host-monitor --once --filter-file configs/filters/stale.yaml linux.list",
            "  fleetroll host-monitor --once --color=always linux.list | less -R",
            "  fleetroll host-monitor --json --once host1.example.org | jq '.[].observation.observed.role'",
            "  fleetroll host-monitor linux.list > monitor.log                 # table, then one line per audit",
            "%nQuote a query for the shell: | < > ? mean something to it.",
            "%nExit status: 0 done, 1 the store could not be read, 2 bad input (a query that does not parse),"
                    + " 130 interrupted."
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
            names = "--filter",
            paramLabel = "QUERY",
            description = "Show only the hosts the query keeps, in its sort order: e.g. 'os=L pp_last>20h"
                    + " sort:pp_last:desc'. The interactive view starts with it (/ edits it).")
    String filter;

    @Option(
            names = "--filter-file",
            paramLabel = "FILE",
            description = "As --filter, with the query of a saved filter (YAML: query:, description:).")
    Path filterFile;

    @Option(
            names = "--hostname-only",
            description = "With --once: print only the names of the hosts shown, one a line, for a host list.")
    boolean hostnameOnly;

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
        if (hostnameOnly && (!once || json)) {
            throw new BadInputException("--hostname-only goes with --once, and not with --json");
        }
        Query query = query();
        List<HostTarget> hosts = targets.resolve();
        boolean noColorEnv = !context.env().getOrDefault("NO_COLOR", "").isEmpty();
        boolean colour =
                color == ColorWhen.ALWAYS || color == ColorWhen.AUTO && context.stdoutIsTerminal() && !noColorEnv;
        if (!once && !json && context.stdoutIsTerminal()) {
            return interactive(context, hosts, query, colour);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LocalState state = LocalState.open(context.home())) {
            FleetLoader loader = new FleetLoader(state, hosts);
            FleetSnapshot snapshot = loader.loadAll();
            if (once) {
                List<MonitorRow> rows =
                        OnceRenderer.rows(snapshot, query, context.clock().instant());
                if (json) {
                    JsonRenderer.write(rows.stream().map(MonitorRow::facts).toList(), out);
                } else if (hostnameOnly) {
                    OnceRenderer.writeHostNames(rows, out);
                } else {
                    OnceRenderer.write(rows, out, colour);
                    reportFailures(rows, spec.commandLine().getErr());
                }
                return ExitCodes.OK;
            }
            AtomicBoolean stop = new AtomicBoolean();
            try (InterruptHandler interrupt = InterruptHandler.install(() -> stop.set(true))) {
                FollowMonitor.run(loader, snapshot, query, context.clock(), out, json, colour, stop::get);
            }
            return InterruptHandler.wasInterrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    /** --filter or --filter-file, read before anything else runs: a bad query is bad input, exit 2. */
    private Query query() {
        if (filter != null && filterFile != null) {
            throw new BadInputException("give --filter or --filter-file, not both");
        }
        if (filterFile != null) {
            return SavedFilters.read(filterFile, Column.queryParser()).query(); // names the file when broken
        }
        if (filter == null) {
            return Query.EMPTY;
        }
        try {
            return Column.queryParser().parse(filter);
        } catch (QueryException e) {
            throw new BadInputException("--filter: " + e.getMessage(), e);
        }
    }

    /**
     * The full-screen view. The queries applied in it are added to the history file however it
     * ends: q, Ctrl-C or an error here, SIGTERM or SIGHUP in a shutdown hook.
     */
    private int interactive(CommandContext context, List<HostTarget> hosts, Query query, boolean colour)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        FilterHistoryFile historyFile = FilterHistoryFile.in(context.home());
        FilterHistory history;
        try {
            history = historyFile.load();
        } catch (UncheckedIOException e) {
            err.println("fleetroll: " + e.getMessage() + "; starting with an empty filter history");
            history = FilterHistory.EMPTY;
        }
        // The operator's ./configs/filters/ is that of the directory the monitor was started in.
        SavedFilters saved = SavedFilters.standard(context.home(), Path.of(""), Column.queryParser());
        AtomicReference<FilterState> filters = new AtomicReference<>(FilterState.start(TableFilter.of(query), history));
        AtomicBoolean historySaved = new AtomicBoolean();
        Runnable saveHistory = () -> {
            List<String> session = filters.get().session();
            if (!session.isEmpty() && historySaved.compareAndSet(false, true)) {
                historyFile.append(session);
            }
        };
        Thread hook = new Thread(
                () -> {
                    try {
                        saveHistory.run();
                    } catch (UncheckedIOException e) {
                        // the JVM is going down; there is no terminal left to tell
                    }
                },
                "fleetroll-filter-history");
        Runtime.getRuntime().addShutdownHook(hook);
        TableScreen screen = new TableScreen("fleetroll " + VersionProvider.version(), targets.source());
        try (SnapshotFeed feed = SnapshotFeed.start(() -> LocalState.open(context.home()), hosts)) {
            boolean interrupted = InteractiveMonitor.run(feed, screen, context.clock(), colour, filters, saved::load);
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook saves the history
            }
            try {
                saveHistory.run();
            } catch (UncheckedIOException e) {
                err.println("fleetroll: cannot save the filter history: " + e.getMessage());
            }
        }
    }

    /** Why the "!" rows failed, on stderr, so that stdout stays one line per host. */
    private static void reportFailures(List<MonitorRow> rows, PrintWriter err) {
        List<HostFacts> failed = rows.stream()
                .map(MonitorRow::facts)
                .filter(f -> f.audit().newestFailed())
                .toList();
        if (failed.isEmpty()) {
            return;
        }
        err.println("fleetroll: the newest audit of " + Plurals.count(failed.size(), "host")
                + " failed (marked !; values shown are from the last successful audit):");
        failed.stream().limit(FAILURES_LISTED).forEach(f -> err.println("  " + f.host() + ": " + f.newestFailure()));
        if (failed.size() > FAILURES_LISTED) {
            err.println("  … and " + (failed.size() - FAILURES_LISTED) + " more");
        }
        err.flush();
    }
}
