package fleetroll.monitor;

import java.time.Duration;
import java.util.List;

/**
 * The colours of cells. Thresholds (green / yellow / red): DATA 5 min / 30 min, TC_ACT 5 min /
 * 1 h, PP_LAST 1 h / 6 h and red on FAIL; HEALTHY Y green, N red. ROLE and the human hashes of
 * VLT_SHA and OVR_SHA get a colour per distinct value. A newest audit that failed makes HOST red.
 */
public final class CellStyles {
    static final Duration DATA_GREEN = Duration.ofMinutes(5);
    static final Duration DATA_YELLOW = Duration.ofMinutes(30);
    static final Duration ACTIVE_GREEN = Duration.ofMinutes(5);
    static final Duration ACTIVE_YELLOW = Duration.ofHours(1);
    static final Duration PUPPET_GREEN = Duration.ofHours(1);
    static final Duration PUPPET_YELLOW = Duration.ofHours(6);

    private CellStyles() {}

    /** {@code text} (the cell as shown) split into styled spans. */
    public static List<Span> spans(Column column, MonitorRow row, String text) {
        return switch (column) {
            case HOST -> one(text, row.audit().newestFailed() ? Style.BAD : Style.PLAIN);
            case ROLE -> one(text, row.observed() && row.role() != null ? Style.forValue(row.role()) : Style.PLAIN);
            case VLT_SHA -> hashed(text, row.observed() ? row.vaultHumanHash() : null);
            case OVR_SHA -> hashed(text, row.observed() ? row.overrideHumanHash() : null);
            case PP_LAST -> one(text, puppet(row));
            case TC_ACT -> one(text, age(row.tcActiveAge(), ACTIVE_GREEN, ACTIVE_YELLOW));
            case DATA -> one(text, age(row.staleness(), DATA_GREEN, DATA_YELLOW));
            case APPLIED -> one(text, row.applied() == Applied.NO ? Style.BAD : Style.PLAIN);
            case TC_QUAR -> one(text, Boolean.TRUE.equals(row.quarantined()) ? Style.BAD : Style.PLAIN);
            case HEALTHY ->
                one(
                        text,
                        switch (row.healthy()) {
                            case YES -> Style.GOOD;
                            case NO -> Style.BAD;
                            case UNKNOWN -> Style.PLAIN;
                        });
            case OS, UPTIME, PP_SHA, TC_T_DUR -> one(text, Style.PLAIN);
        };
    }

    /** Green under {@code green}, yellow under {@code yellow}, red from there; plain without a value. */
    static Style age(Duration age, Duration green, Duration yellow) {
        if (age == null) {
            return Style.PLAIN;
        }
        if (age.compareTo(green) < 0) {
            return Style.GOOD;
        }
        return age.compareTo(yellow) < 0 ? Style.WARN : Style.BAD;
    }

    private static Style puppet(MonitorRow row) {
        if (!row.observed()) {
            return Style.PLAIN;
        }
        if (Boolean.FALSE.equals(row.puppetSucceeded())) {
            return Style.BAD;
        }
        return age(row.puppetAge(), PUPPET_GREEN, PUPPET_YELLOW);
    }

    // "1a2b3c4d freddie-arkansas": only the human hash is coloured, so equal contents stand out.
    private static List<Span> hashed(String text, String humanHash) {
        if (humanHash == null || !text.endsWith(humanHash)) {
            return one(text, Style.PLAIN);
        }
        int from = text.length() - humanHash.length();
        return List.of(Span.plain(text.substring(0, from)), new Span(humanHash, Style.forValue(humanHash)));
    }

    private static List<Span> one(String text, Style style) {
        return List.of(new Span(text, style));
    }
}
