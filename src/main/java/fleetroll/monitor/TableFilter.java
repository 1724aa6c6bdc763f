package fleetroll.monitor;

import fleetroll.query.CellValue;
import fleetroll.query.Query;
import fleetroll.query.QueryError;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows the interactive table shows: the query (with its sort, if it has one), and the two
 * filters that need no typing, {@code o} (hosts with an override only) and {@code O} (one OS).
 * Immutable; keys make a new one.
 */
public record TableFilter(Query query, boolean overrideOnly, OsChoice os) {
    public static final TableFilter NONE = new TableFilter(Query.EMPTY, false, OsChoice.ALL);

    /** What {@code O} cycles through. */
    public enum OsChoice {
        ALL(null, "all"),
        LINUX(Os.LINUX, "Linux only"),
        MACOS(Os.MACOS, "macOS only");

        private final CellValue cell;
        private final String label;

        OsChoice(Os os, String label) {
            this.cell = os == null ? null : CellValue.text(os.code());
            this.label = label;
        }

        public String label() {
            return label;
        }

        public OsChoice next() {
            OsChoice[] all = values();
            return all[(ordinal() + 1) % all.length];
        }
    }

    public static TableFilter of(Query query) {
        return new TableFilter(query, false, OsChoice.ALL);
    }

    public boolean isEmpty() {
        return query.isEmpty() && !overrideOnly && os == OsChoice.ALL;
    }

    public boolean matches(MonitorRow row) {
        // Read through the columns, so that "has an override" and "Linux" mean what OVR_SHA and
        // OS show: a never-audited host (?) has neither.
        if (overrideOnly && !(Column.OVR_SHA.value(row) instanceof CellValue.Text)) {
            return false;
        }
        if (os.cell != null && !os.cell.equals(Column.OS.value(row))) {
            return false;
        }
        return query.matches(row);
    }

    /**
     * The rows shown, given all rows in the order of the {@code s} sort: in the query's sort
     * order when it has one, ties (and everything, without one) in the order given.
     */
    public List<MonitorRow> apply(List<MonitorRow> rows) {
        return isEmpty() ? rows : query.sort(keep(rows));
    }

    /** The rows that the query and the toggles keep, in the order given: {@link #apply} without the sort. */
    public List<MonitorRow> keep(List<MonitorRow> rows) {
        if (isEmpty()) {
            return rows;
        }
        List<MonitorRow> kept = new ArrayList<>(rows.size());
        for (MonitorRow row : rows) {
            if (matches(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    public TableFilter withQuery(Query newQuery) {
        return new TableFilter(newQuery, overrideOnly, os);
    }

    public TableFilter toggleOverrideOnly() {
        return new TableFilter(query, !overrideOnly, os);
    }

    public TableFilter nextOs() {
        return new TableFilter(query, overrideOnly, os.next());
    }

    /** For the header: "os=L pp_last>20h · override only · Linux only"; empty when nothing filters. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!query.isEmpty()) {
            // Operator input, drawn on the terminal: no control characters.
            parts.add(QueryError.printable(query.text().strip()));
        }
        if (overrideOnly) {
            parts.add("override only");
        }
        if (os != OsChoice.ALL) {
            parts.add(os.label());
        }
        return String.join(" · ", parts);
    }
}
