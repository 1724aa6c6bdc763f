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

    /** Sorted by {@code sort}, then filtered and sorted by {@code filter}, which keeps ties in that order. */
    public static MonitorTable build(FleetSnapshot snapshot, SortOrder sort, TableFilter filter, Instant now) {
        List<MonitorRow> all = new ArrayList<>(snapshot.rows(now));
        all.sort(sort.comparator());
        List<MonitorRow> rows = filter.apply(all);
        return new MonitorTable(
                snapshot,
                sort,
                filter,
                now,
                List.copyOf(rows),
                all.size(),
                TableLayout.measure(rows, snapshot.suffix(), TableLayout.SCREEN_CAPS));
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
