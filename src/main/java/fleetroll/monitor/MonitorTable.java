package fleetroll.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive table as of one moment: the rows the filter keeps, sorted, and the widths that
 * fit them. Built once per second or change (10,000 rows), then drawn many times, a window at a
 * time.
 *
 * @param total how many hosts there are before filtering: the header shows {@code hosts=shown/total}
 */
public record MonitorTable(
        FleetSnapshot snapshot,
        SortOrder sort,
        TableFilter filter,
        Instant now,
        List<MonitorRow> rows,
        int total,
        TableLayout layout) {

    public static MonitorTable build(FleetSnapshot snapshot, SortOrder sort, Instant now) {
        return build(snapshot, sort, TableFilter.NONE, now);
    }

    /**
     * The rows {@code filter} keeps, sorted by {@code sort}, then by the query's sort, which keeps
     * ties in that order: what {@link TableFilter#apply} gives for all rows sorted by {@code sort}.
     */
    public static MonitorTable build(FleetSnapshot snapshot, SortOrder sort, TableFilter filter, Instant now) {
        List<MonitorRow> all = snapshot.rows(now);
        // Keep first, then sort: keeping is decided row by row and both sorts are stable, so the
        // order is the same as sorting all rows first, and a filter that keeps 20 of 10,000 rows
        // sorts 20 every second.
        List<MonitorRow> kept = new ArrayList<>(filter.keep(all));
        kept.sort(sort.comparator());
        List<MonitorRow> rows = filter.query().sort(kept);
        return new MonitorTable(
                snapshot,
                sort,
                filter,
                now,
                List.copyOf(rows),
                all.size(),
                TableLayout.measure(rows, snapshot.suffix(), TableLayout.SCREEN_CAPS));
    }

    /**
     * The row at {@code selected}, clamped to the rows there are (a selection can outlive the
     * rebuild that shortened the table), or null when there are none.
     */
    public MonitorRow rowAt(int selected) {
        return rows.isEmpty() ? null : rows.get(Math.clamp(selected, 0, rows.size() - 1));
    }

    /** Position of {@code host}'s row, or -1. */
    public int indexOf(String host) {
        if (host == null) {
            return -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).host().equals(host)) {
                return i;
            }
        }
        return -1;
    }
}
