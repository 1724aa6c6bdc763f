package fleetroll.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive table as of one moment: every row sorted, and the widths that fit them.
 * Built once per second or change (10,000 rows), then drawn many times, a window at a time.
 */
public record MonitorTable(
        FleetSnapshot snapshot, SortOrder sort, Instant now, List<MonitorRow> rows, TableLayout layout) {

    public static MonitorTable build(FleetSnapshot snapshot, SortOrder sort, Instant now) {
        List<MonitorRow> rows = new ArrayList<>(snapshot.rows(now));
        rows.sort(sort.comparator());
        return new MonitorTable(
                snapshot,
                sort,
                now,
                List.copyOf(rows),
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
