package fleetroll.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A monitor-like row for tests: cells set by canonical column name, everything else missing. */
final class Row implements QueryRow {
    private final String host;
    private final Map<String, CellValue> cells = new HashMap<>();

    private Row(String host) {
        this.host = host;
        cells.put("HOST", CellValue.text(host));
    }

    static Row host(String host) {
        return new Row(host);
    }

    /** Text as the table shows it: "-" is missing, "?" never audited. */
    Row with(String column, String shown) {
        cells.put(column, CellValue.text(shown));
        return this;
    }

    Row with(String column, Duration duration) {
        cells.put(column, CellValue.elapsed(duration));
        return this;
    }

    /** A host never audited: every observed column shows "?". */
    Row neverAudited() {
        for (String column : new String[] {"OS", "ROLE", "VLT_SHA", "OVR_SHA", "UPTIME", "PP_LAST", "PP_SHA"}) {
            cells.put(column, CellValue.NEVER_AUDITED);
        }
        return this;
    }

    String hostName() {
        return host;
    }

    @Override
    public CellValue value(String canonicalColumn) {
        return cells.getOrDefault(canonicalColumn, CellValue.MISSING);
    }

    @Override
    public String toString() {
        return host;
    }
}
