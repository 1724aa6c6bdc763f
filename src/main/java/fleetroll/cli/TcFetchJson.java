package fleetroll.cli;

import fleetroll.taskcluster.ClientSettings;
import fleetroll.taskcluster.HostFetchResult;
import fleetroll.taskcluster.HostPlan;
import fleetroll.taskcluster.PoolFetch;
import fleetroll.taskcluster.TcFetchReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tc-fetch --json: {fetched_at, root_url, hosts: [...], worker_types: [...], counts}. Each host has
 * result matched | not_in_pool | fetch_failed | skipped, and "worker" is the stored record.
 */
final class TcFetchJson {
    private TcFetchJson() {}

    static void write(TcFetchReport report, ClientSettings settings, PrintWriter out, boolean pretty) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("fetched_at", report.fetchedAt());
        value.put("root_url", settings.rootUrl().toString());
        List<Map<String, Object>> hosts = new ArrayList<>();
        report.hosts().forEach(h -> hosts.add(host(h)));
        value.put("hosts", hosts);
        List<Map<String, Object>> pools = new ArrayList<>();
        report.pools().forEach(p -> pools.add(pool(p)));
        value.put("worker_types", pools);
        value.put("total", report.hosts().size());
        value.put("matched", report.count(HostFetchResult.Matched.class));
        value.put("not_in_pool", report.count(HostFetchResult.NotInPool.class));
        value.put("fetch_failed", report.count(HostFetchResult.PoolFailed.class));
        value.put("skipped", report.count(HostFetchResult.Skipped.class));
        value.put("ok", report.allPoolsFetched());
        JsonReportPrinter.print(value, out, pretty);
    }

    private static Map<String, Object> host(HostFetchResult result) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("host", result.target().host());
        h.put("short_name", result.target().shortName());
        switch (result.plan()) {
            case HostPlan.Assigned a -> {
                h.put("role", a.role());
                h.put("provisioner", a.pool().provisionerId());
                h.put("worker_type", a.pool().workerType());
                h.put("mapping", a.source().label());
            }
            case HostPlan.Unassigned u -> h.put("role", u.role());
        }
        switch (result) {
            case HostFetchResult.Matched m -> {
                h.put("result", "matched");
                h.put("worker", m.record());
            }
            case HostFetchResult.NotInPool n -> {
                h.put("result", "not_in_pool");
                h.put(
                        "reason",
                        "no worker " + n.target().shortName() + " in "
                                + n.plan().pool());
            }
            case HostFetchResult.PoolFailed f -> {
                h.put("result", "fetch_failed");
                h.put("reason", f.reason());
            }
            case HostFetchResult.Skipped s -> {
                h.put("result", "skipped");
                h.put("reason", s.plan().reason());
            }
        }
        return h;
    }

    private static Map<String, Object> pool(PoolFetch fetch) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("provisioner", fetch.pool().provisionerId());
        p.put("worker_type", fetch.pool().workerType());
        p.put("elapsed_ms", fetch.elapsed().toMillis());
        switch (fetch) {
            case PoolFetch.Fetched ok -> {
                p.put("ok", true);
                p.put("workers", ok.workers().size());
                p.put("pages", ok.pages());
                p.put("errors", ok.errors());
            }
            case PoolFetch.Failed failed -> {
                p.put("ok", false);
                p.put("error", failed.reason());
            }
        }
        return p;
    }
}
