package fleetroll.cli;

import fleetroll.audit.AuditReport;
import fleetroll.audit.HostOutcome;
import fleetroll.format.Durations;
import fleetroll.format.FileText;
import fleetroll.format.Plurals;
import fleetroll.remote.FailureKind;
import fleetroll.store.FileMeta;
import fleetroll.store.ObservedState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** host-audit's human output: a block for one host, a summary for several. Never vault contents. */
final class AuditReportText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private AuditReportText() {}

    static void write(AuditReport report, PrintWriter out, Instant now) {
        if (report.total() == 1) {
            writeOne(report.outcomes().get(0), report, out, now);
        } else {
            writeSummary(report, out);
        }
        out.flush();
    }

    static void writeQuiet(AuditReport report, PrintWriter out) {
        out.println((report.allSucceeded() ? "ok" : "FAILED") + ": " + report.successful() + "/" + report.total()
                + " hosts audited" + failureCounts(report) + " in " + Durations.elapsed(report.elapsed()));
        out.flush();
    }

    private static String failureCounts(AuditReport report) {
        if (report.allSucceeded()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        report.failuresByKind().forEach((kind, n) -> parts.add(n + " " + kind.code()));
        return " (" + report.failed() + " failed: " + String.join(", ", parts) + ")";
    }

    private static void writeOne(HostOutcome outcome, AuditReport report, PrintWriter out, Instant now) {
        String host = outcome.target().host();
        if (outcome instanceof HostOutcome.Failed failed) {
            out.println(host + ": FAILED, " + failed.kind().description() + " ["
                    + failed.kind().code() + "]");
            if (!failed.detail().isBlank()) {
                failed.detail().lines().forEach(l -> out.println("  " + l));
            }
            return;
        }
        HostOutcome.Probed probed = (HostOutcome.Probed) outcome;
        ObservedState o = probed.observation().observed();
        out.println(
                host + ": ok (" + WHEN.format(probed.observation().observedAt().atOffset(ZoneOffset.UTC)) + ", "
                        + Durations.elapsed(report.elapsed()) + ")");
        row(out, "os", o.osType());
        row(out, "uptime", o.uptimeS() == null ? "-" : Durations.compact(Duration.ofSeconds(o.uptimeS())));
        row(out, "role", o.rolePresent() ? o.role() : "(no /etc/puppet_role)");
        row(out, "override", o.overridePresent() ? file(o.overrideSha256(), o.overrideMeta()) : "absent");
        row(out, "vault", o.vaultPresent() ? file(o.vaultSha256(), o.vaultMeta()) : "absent");
        row(out, "puppet", puppet(o, now));
        if (probed.overrideContent() != null) {
            out.println("--- override contents ---");
            out.print(printable(probed.overrideContent(), o.overrideSha256()));
            out.println("--- end ---");
        }
    }

    private static void writeSummary(AuditReport report, PrintWriter out) {
        out.println("Audited " + report.total() + " hosts in " + Durations.elapsed(report.elapsed()) + ": "
                + report.successful() + " ok, " + report.failed() + " failed"
                + (report.interrupted() ? " (run stopped before the end)" : ""));
        Map<FailureKind, List<HostOutcome.Failed>> failures = new LinkedHashMap<>();
        for (HostOutcome outcome : report.outcomes()) {
            if (outcome instanceof HostOutcome.Failed failed) {
                failures.computeIfAbsent(failed.kind(), k -> new ArrayList<>()).add(failed);
            }
        }
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failed:");
            failures.forEach((kind, hosts) -> {
                out.println("  " + kind.code() + " (" + hosts.size() + "): " + kind.description());
                for (HostOutcome.Failed f : hosts) {
                    String detail = f.detail().lines().reduce((a, b) -> b).orElse("");
                    out.println("    " + f.target().host() + (detail.isBlank() ? "" : "  " + abbreviate(detail)));
                }
            });
        }
        Map<String, List<HostOutcome.Probed>> bySha = new LinkedHashMap<>();
        int withoutOverride = 0;
        for (HostOutcome outcome : report.outcomes()) {
            if (outcome instanceof HostOutcome.Probed probed) {
                String sha = probed.observation().observed().overrideSha256();
                if (sha == null) {
                    withoutOverride++;
                } else {
                    bySha.computeIfAbsent(sha, k -> new ArrayList<>()).add(probed);
                }
            }
        }
        out.println();
        out.println("Overrides: " + bySha.size() + " distinct, " + withoutOverride + " hosts without one");
        int i = 1;
        for (Map.Entry<String, List<HostOutcome.Probed>> entry : bySha.entrySet()) {
            List<HostOutcome.Probed> hosts = entry.getValue();
            out.println("[" + i++ + "] " + ShaLabel.of(entry.getKey()) + "  " + Plurals.count(hosts.size(), "host")
                    + ": "
                    + String.join(
                            " ", hosts.stream().map(h -> h.target().host()).toList()));
            out.println("--- contents ---");
            out.print(printable(hosts.get(0).overrideContent(), entry.getKey()));
            out.println("--- end ---");
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-9s %s%n", label, value == null ? "-" : value);
    }

    private static String file(String sha, FileMeta meta) {
        StringBuilder s = new StringBuilder();
        if (sha != null) {
            s.append(ShaLabel.of(sha));
        }
        if (meta != null) {
            s.append("  mode ")
                    .append(meta.mode())
                    .append(' ')
                    .append(meta.owner())
                    .append(':')
                    .append(meta.group());
            if (meta.size() != null) {
                s.append("  ").append(meta.size()).append(" bytes");
            }
            if (meta.mtimeEpoch() != null) {
                s.append("  modified ")
                        .append(WHEN.format(
                                Instant.ofEpochSecond(meta.mtimeEpoch()).atOffset(ZoneOffset.UTC)));
            }
        }
        return s.toString();
    }

    private static String puppet(ObservedState o, Instant now) {
        if (o.puppetLastRunEpoch() == null) {
            return "no record of a run";
        }
        Instant last = Instant.ofEpochSecond(o.puppetLastRunEpoch());
        StringBuilder s = new StringBuilder("last run " + WHEN.format(last.atOffset(ZoneOffset.UTC)) + " ("
                + Durations.compact(Duration.between(last, now)) + " ago), "
                + (o.puppetSuccess() == null ? "result unknown" : o.puppetSuccess() ? "succeeded" : "FAILED"));
        if (o.puppetGitSha() != null) {
            s.append(", git ")
                    .append(o.puppetGitSha(), 0, Math.min(7, o.puppetGitSha().length()));
            if (o.puppetGitBranch() != null) {
                s.append(" (").append(o.puppetGitBranch()).append(')');
            }
        }
        return s.toString();
    }

    /** The override as text, or the command that prints bytes that are not text. */
    private static String printable(byte[] content, String sha) {
        return FileText.printable(content, "fleetroll show-override " + sha.substring(0, 12) + " prints them");
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
