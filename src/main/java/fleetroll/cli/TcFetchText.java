package fleetroll.cli;

import fleetroll.format.Durations;
import fleetroll.format.Plurals;
import fleetroll.store.WorkerRecord;
import fleetroll.taskcluster.ClientSettings;
import fleetroll.taskcluster.HostFetchResult;
import fleetroll.taskcluster.HostPlan;
import fleetroll.taskcluster.PoolFetch;
import fleetroll.taskcluster.TcFetchReport;
import fleetroll.taskcluster.WorkerPool;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tc-fetch's human output: worker types, then the hosts not stored and why; -v adds mapping and matches. */
final class TcFetchText {
    private static final int MAX_SHOWN_ERRORS = 3;

    private TcFetchText() {}

    /** @param credentials what credentials were found, shown with -v; null without -v */
    static void write(TcFetchReport report, ClientSettings settings, String credentials, PrintWriter out) {
        boolean verbose = credentials != null;
        List<HostFetchResult> hosts = report.hosts();
        if (report.pools().isEmpty()) {
            out.println("No host has a worker type to fetch (" + Plurals.count(hosts.size(), "host") + " skipped).");
        } else {
            out.println("Fetched " + (report.pools().size() - report.failedPools()) + " of "
                    + report.pools().size()
                    + " worker types from " + settings.rootUrl() + " in " + Durations.elapsed(report.elapsed())
                    + "; stored " + report.count(HostFetchResult.Matched.class) + " of " + hosts.size() + " hosts.");
        }
        if (verbose) {
            out.println();
            out.println("Credentials: " + credentials);
            writeMapping(report, out);
        }
        if (!report.pools().isEmpty()) {
            out.println();
            out.println("Worker types:");
            Map<WorkerPool, Integer> hostsPerPool = hostsPerPool(report);
            int width = report.pools().stream()
                    .mapToInt(p -> p.pool().toString().length())
                    .max()
                    .orElse(0);
            for (PoolFetch fetch : report.pools()) {
                String name = pad(fetch.pool().toString(), width);
                int n = hostsPerPool.getOrDefault(fetch.pool(), 0);
                switch (fetch) {
                    case PoolFetch.Fetched ok -> {
                        out.println("  " + name + "  ok: "
                                + Plurals.count(ok.workers().size(), "worker") + " in "
                                + Plurals.count(ok.pages(), "page") + ", " + Plurals.count(n, "host") + " asked for");
                        writeErrors(ok.errors(), out);
                    }
                    case PoolFetch.Failed failed ->
                        out.println("  " + name + "  FAILED: " + failed.reason() + " (" + Plurals.count(n, "host")
                                + " not fetched)");
                }
            }
        }
        if (verbose) {
            writeMatches(report, out);
        } else {
            writeNotStored(report, out);
        }
        out.flush();
    }

    static void writeQuiet(TcFetchReport report, PrintWriter out) {
        long pools = report.pools().size();
        List<String> notStored = new ArrayList<>();
        count(notStored, report.count(HostFetchResult.NotInPool.class), "not in pool");
        count(notStored, report.count(HostFetchResult.PoolFailed.class), "in a failed worker type");
        count(notStored, report.count(HostFetchResult.Skipped.class), "skipped");
        long graphqlErrors = report.pools().stream()
                .mapToLong(p -> p instanceof PoolFetch.Fetched ok ? ok.errors().size() : 0)
                .sum();
        out.println((report.allPoolsFetched() ? "ok" : "FAILED") + ": " + (pools - report.failedPools()) + "/" + pools
                + " worker types fetched, " + report.count(HostFetchResult.Matched.class) + "/"
                + report.hosts().size() + " hosts stored"
                + (notStored.isEmpty() ? "" : " (" + String.join(", ", notStored) + ")")
                + (graphqlErrors == 0 ? "" : ", " + Plurals.count(graphqlErrors, "GraphQL error"))
                + " in " + Durations.elapsed(report.elapsed()));
        out.flush();
    }

    /** With -q the report is one line, so each failed worker type gets its error line on stderr. */
    static void writeFailures(TcFetchReport report, PrintWriter err) {
        for (PoolFetch fetch : report.pools()) {
            if (fetch instanceof PoolFetch.Failed failed) {
                err.println("fleetroll: " + failed.pool() + ": " + failed.reason());
            }
        }
        err.flush();
    }

    private static void writeMapping(TcFetchReport report, PrintWriter out) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (HostFetchResult result : report.hosts()) {
            if (result.plan() instanceof HostPlan.Assigned a) {
                String line = (a.role() == null ? "(no role)" : a.role()) + " -> " + a.pool() + " ("
                        + a.source().label() + ")";
                lines.merge(line, 1, Integer::sum);
            }
        }
        out.println();
        out.println("Role mapping:");
        if (lines.isEmpty()) {
            out.println("  (no host has a worker type)");
        }
        lines.forEach((line, n) -> out.println("  " + line + ": " + Plurals.count(n, "host")));
    }

    private static void writeMatches(TcFetchReport report, PrintWriter out) {
        out.println();
        out.println("Hosts:");
        int width = width(report.hosts());
        for (HostFetchResult result : report.hosts()) {
            String host = pad(result.target().host(), width);
            out.println("  " + host + "  "
                    + switch (result) {
                        case HostFetchResult.Matched m -> "stored: " + describe(m.record());
                        case HostFetchResult.NotInPool n ->
                            "NOT IN POOL: no worker " + n.target().shortName() + " in "
                                    + n.plan().pool();
                        case HostFetchResult.PoolFailed f ->
                            "not fetched: " + f.plan().pool() + " failed";
                        case HostFetchResult.Skipped s -> "skipped: " + s.plan().reason();
                    });
        }
    }

    private static void writeNotStored(TcFetchReport report, PrintWriter out) {
        List<HostFetchResult> notStored = report.hosts().stream()
                .filter(r -> !(r instanceof HostFetchResult.Matched))
                .toList();
        if (notStored.isEmpty()) {
            return;
        }
        out.println();
        out.println("Not stored (" + notStored.size() + "):");
        int width = width(notStored);
        for (HostFetchResult result : notStored) {
            String host = pad(result.target().host(), width);
            out.println("  " + host + "  "
                    + switch (result) {
                        case HostFetchResult.Matched m -> "stored"; // filtered out above
                        case HostFetchResult.NotInPool n ->
                            "not in " + n.plan().pool() + " (no workerId "
                                    + n.target().shortName() + ")";
                        case HostFetchResult.PoolFailed f -> f.plan().pool() + " could not be fetched";
                        case HostFetchResult.Skipped s -> "skipped: " + s.plan().reason();
                    });
        }
    }

    private static String describe(WorkerRecord r) {
        return r.workerType() + " " + r.workerGroup() + "/" + r.workerId() + ", state " + dash(r.state())
                + ", last active " + dash(r.lastDateActive()) + ", quarantined until " + dash(r.quarantineUntil())
                + ", latest task "
                + (r.latestTaskId() == null
                        ? "-"
                        : r.latestTaskId() + "/" + r.latestRunId() + " " + dash(r.latestTaskState()));
    }

    private static void writeErrors(List<String> errors, PrintWriter out) {
        for (int i = 0; i < Math.min(errors.size(), MAX_SHOWN_ERRORS); i++) {
            out.println("      GraphQL error: " + errors.get(i));
        }
        if (errors.size() > MAX_SHOWN_ERRORS) {
            out.println("      ... and " + (errors.size() - MAX_SHOWN_ERRORS) + " more (--json lists them all)");
        }
    }

    private static Map<WorkerPool, Integer> hostsPerPool(TcFetchReport report) {
        Map<WorkerPool, Integer> counts = new LinkedHashMap<>();
        for (HostFetchResult result : report.hosts()) {
            if (result.plan() instanceof HostPlan.Assigned a) {
                counts.merge(a.pool(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void count(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    private static int width(List<HostFetchResult> results) {
        return results.stream().mapToInt(r -> r.target().host().length()).max().orElse(0);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
