package fleetroll.audit;

import java.util.Map;

/**
 * A parsed probe answer: the KEY=VALUE lines, the override bytes exactly as the host holds them
 * (null without an override), the vault bytes when the host sent them (null otherwise), and the
 * Puppet run metadata JSON when present.
 */
public record ProbeReport(
        Map<String, String> values, byte[] overrideContent, byte[] vaultContent, byte[] puppetMetadata) {
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public String toString() {
        // vaultContent is a secret: never part of a string that could reach a log.
        return "ProbeReport[" + values.keySet() + ", override="
                + (overrideContent == null ? "none" : overrideContent.length + " bytes") + ", vault="
                + (vaultContent == null ? "not sent" : "sent, not shown") + "]";
    }
}
