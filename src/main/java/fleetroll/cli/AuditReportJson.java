package fleetroll.cli;

import fleetroll.audit.AuditReport;
import fleetroll.audit.HostOutcome;
import fleetroll.store.Observation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** host-audit --json: the stored observation for one host, or {results, total, successful, failed}. */
final class AuditReportJson {
    private AuditReportJson() {}

    static void write(AuditReport report, PrintWriter out, boolean pretty) {
        Object value;
        if (report.total() == 1) {
            value = report.outcomes().get(0).observation();
        } else {
            List<Observation> results =
                    report.outcomes().stream().map(HostOutcome::observation).toList();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("results", results);
            summary.put("total", report.total());
            summary.put("successful", report.successful());
            summary.put("failed", report.failed());
            value = summary;
        }
        JsonReportPrinter.print(value, out, pretty);
    }
}
