package fleetroll.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.store.FileMeta;
import fleetroll.store.Json;
import fleetroll.store.ObservedState;
import fleetroll.store.Sha256;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a parsed probe answer into the observed state that is stored and shown. */
public final class ObservedStateReader {
    private static final Pattern PUPPET_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) ?(Z|z|[+-]\\d{2}:?\\d{2})?");

    private ObservedStateReader() {}

    public static ObservedState read(ProbeReport report) throws ProbeFormatException {
        boolean rolePresent = "1".equals(report.get("ROLE_PRESENT"));
        boolean overridePresent = "1".equals(report.get("OVR_PRESENT"));
        boolean vaultPresent = "1".equals(report.get("VLT_PRESENT"));
        String overrideSha = null;
        if (overridePresent) {
            overrideSha = Sha256.hex(report.overrideContent());
            String remoteSha = report.get("OVR_SHA256");
            if (remoteSha != null && !remoteSha.isEmpty() && !remoteSha.equals(overrideSha)) {
                throw new ProbeFormatException("the override changed during the audit; audit again");
            }
        }
        PuppetRun puppet = puppetRun(report);
        String os = report.get("OS");
        return new ObservedState(
                os == null || os.isEmpty() ? null : os,
                rolePresent,
                rolePresent ? report.get("ROLE") : null,
                overridePresent,
                overridePresent ? meta(report.get("OVR_META")) : null,
                overrideSha,
                vaultPresent,
                vaultPresent ? meta(report.get("VLT_META")) : null,
                vaultPresent ? emptyToNull(report.get("VLT_SHA256")) : null,
                parseLong(report.get("UPTIME_S")),
                puppet.lastRunEpoch,
                puppet.success,
                puppet.gitSha,
                puppet.gitBranch,
                puppet.overrideSha,
                puppet.vaultSha);
    }

    /** "644 root root 123 1700000000" from stat; null fields when stat gave nothing. */
    static FileMeta meta(String statLine) {
        if (statLine == null || statLine.isBlank()) {
            return new FileMeta(null, null, null, null, null);
        }
        String[] f = statLine.strip().split("\\s+");
        return new FileMeta(
                f.length > 0 ? f[0] : null,
                f.length > 1 ? f[1] : null,
                f.length > 2 ? f[2] : null,
                f.length > 3 ? parseLong(f[3]) : null,
                f.length > 4 ? parseLong(f[4]) : null);
    }

    private record PuppetRun(
            Long lastRunEpoch, Boolean success, String gitSha, String gitBranch, String overrideSha, String vaultSha) {
        static final PuppetRun NONE = new PuppetRun(null, null, null, null, null, null);
    }

    private static PuppetRun puppetRun(ProbeReport report) {
        String source = String.valueOf(report.get("PP_SOURCE"));
        return switch (source) {
            case "metadata" -> fromMetadata(report.puppetMetadata());
            case "report" ->
                new PuppetRun(
                        epochOf(report.get("PP_TIME")),
                        successOfStatus(report.get("PP_STATUS")),
                        null,
                        null,
                        null,
                        null);
            case "summary" -> {
                Long failures = parseLong(report.get("PP_FAILURES"));
                yield new PuppetRun(
                        parseLong(report.get("PP_LAST_RUN")),
                        failures == null ? null : failures == 0,
                        null,
                        null,
                        null,
                        null);
            }
            default -> PuppetRun.NONE;
        };
    }

    /** {@code last_run_metadata.json}, schema_version 1, written by the Puppet wrapper. */
    private static PuppetRun fromMetadata(byte[] json) {
        if (json == null) {
            return PuppetRun.NONE;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            Boolean success = null;
            if (node.path("success").isBoolean()) {
                success = node.path("success").asBoolean();
            } else if (node.path("exit_code").isNumber()) {
                int exit = node.path("exit_code").asInt(); // puppet --detailed-exitcodes: 0 and 2 are success
                success = exit == 0 || exit == 2;
            }
            return new PuppetRun(
                    epochOf(text(node, "ts")),
                    success,
                    text(node, "git_sha"),
                    text(node, "git_branch"),
                    text(node, "override_sha"),
                    text(node, "vault_sha"));
        } catch (IOException e) {
            return PuppetRun.NONE; // a half-written metadata file: no Puppet facts this time
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : emptyToNull(value.asText());
    }

    private static Boolean successOfStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return !status.strip().toLowerCase(Locale.ROOT).equals("failed");
    }

    /**
     * A time as Puppet and its wrapper write it: ISO 8601 ({@code 2024-01-15T10:23:45.123+00:00},
     * {@code ...Z}) or Ruby's Time format of older reports ({@code 2024-01-15 10:23:45.123456789
     * +00:00}, {@code +0000}). Without an offset the time is UTC.
     */
    static Long epochOf(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PUPPET_TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String offset = m.group(3) == null || m.group(3).equalsIgnoreCase("Z") ? "+00:00" : m.group(3);
        if (offset.length() == 5) { // +0000
            offset = offset.substring(0, 3) + ":" + offset.substring(3);
        }
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + offset).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
