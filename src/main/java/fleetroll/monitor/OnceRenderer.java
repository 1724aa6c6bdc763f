package fleetroll.monitor;

import fleetroll.query.Query;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table as text, for {@code --once} and the start of the streaming output: a header, then
 * one line per host sorted by host (or by the query's sort), every column padded to its widest
 * cell and nothing clipped. Host names stay whole, so that lines can be grepped and cut into host
 * lists; {@link #writeHostNames} prints nothing else.
 */
public final class OnceRenderer {
    private static final List<Column> COLUMNS = List.of(Column.values());

    private final TableLayout layout;
    private final boolean colour;

    private OnceRenderer(TableLayout layout, boolean colour) {
        this.layout = layout;
        this.colour = colour;
    }

    /** The rows of {@code snapshot} that {@code query} keeps: sorted by host, then by the query's sort. */
    public static List<MonitorRow> rows(FleetSnapshot snapshot, Query query, Instant now) {
        // Keep first, then sort: the same order as sorting first (keeping is decided row by row
        // and both sorts are stable), and a query that keeps 20 of 10,000 hosts sorts 20.
        List<MonitorRow> rows = new ArrayList<>(query.keep(snapshot.rows(now)));
        rows.sort(SortOrder.HOST.comparator());
        return query.sort(rows);
    }

    /** Writes the header and the rows of {@code snapshot}, sorted by host. */
    public static void write(FleetSnapshot snapshot, Instant now, PrintWriter out, boolean colour) {
        write(rows(snapshot, Query.EMPTY, now), out, colour);
    }

    /**
     * Writes the header and {@code rows}, in the order given, and returns the renderer it used:
     * its widths fit {@code rows}, so that lines printed later line up with the table.
     */
    public static OnceRenderer write(List<MonitorRow> rows, PrintWriter out, boolean colour) {
        // Each cell's text is made once and used twice: for the widths, then for the line.
        List<String[]> texts = new ArrayList<>(rows.size());
        for (MonitorRow row : rows) {
            texts.add(TableLayout.texts(row, ""));
        }
        OnceRenderer renderer = new OnceRenderer(TableLayout.unclipped(texts, ""), colour);
        StringBuilder block = new StringBuilder(rows.size() * 200);
        block.append(renderer.header()).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (colour) {
                block.append(renderer.line(rows.get(i), texts.get(i)));
            } else {
                renderer.layout.appendPlain(texts.get(i), block);
            }
            block.append('\n');
        }
        out.print(block);
        out.flush();
        return renderer;
    }

    /** {@code --hostname-only}: the full name of each row, one a line, for a host list file. */
    public static void writeHostNames(List<MonitorRow> rows, PrintWriter out) {
        StringBuilder block = new StringBuilder(rows.size() * 32);
        for (MonitorRow row : rows) {
            block.append(row.host()).append('\n');
        }
        out.print(block);
        out.flush();
    }

    public String header() {
        return stripTrailing(Ansi.encode(layout.header(COLUMNS), colour));
    }

    public String line(MonitorRow row) {
        return line(row, TableLayout.texts(row, ""));
    }

    private String line(MonitorRow row, String[] texts) {
        return stripTrailing(Ansi.encode(layout.row(row, texts), colour));
    }

    // Padding after the last column is noise in files and diffs.
    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
