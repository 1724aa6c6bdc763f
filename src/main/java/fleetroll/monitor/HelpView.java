package fleetroll.monitor;

import java.util.ArrayList;
import java.util.List;

/** The help screen: keys, what each column shows, then the query language and the filter line's keys. */
public final class HelpView {
    private static final String[][] KEYS = {
        {"q, Ctrl-C", "quit (the terminal is restored)"},
        {"↑/↓, k/j", "move the selected row"},
        {"PgUp/PgDn, space", "page up/down"},
        {"g / G", "first / last row"},
        {"←/→, h/l", "scroll the columns (HOST stays)"},
        {"s", "sort: host, role, override, health (a query's sort: comes first)"},
        {"/", "filter: type a query (below); Enter applies, Esc cancels, ↑/↓ history"},
        {"\\", "clear the query"},
        {"f", "pick a saved filter or a recent query; type to narrow, Enter applies"},
        {"o", "hosts with an override only, or all again"},
        {"O", "OS: all, Linux only, macOS only"},
        {"Enter", "detail of the selected host; Esc returns"},
        {"r", "read the store again now"},
        {"?", "this help; Esc or ? returns"},
    };

    private static final String[][] LINE_KEYS = {
        {"←/→, Home/End", "move; Ctrl-A/Ctrl-E also go to the start/end"},
        {"Backspace/Delete", "delete a character"},
        {"Ctrl-U/K/W", "delete to the start / to the end / the word before the cursor"},
        {"↑/↓", "older/newer queries from the history"},
    };

    private static final String[] QUERY = {
        "terms COLUMN OP VALUE, all must hold; OP is = != ~ (contains) !~ < > <= >=; names and values ignore case",
        "os=L|M          either value        ovr_sha=        no value (-)      ovr_sha!=   has a value",
        "os=?            never audited       role~talos      contains          pp_last=fail  failed Puppet run",
        "pp_last>20h     times: 30m 1h30m 2d, or as shown (2h 05m)          DATA is the older of its two ages",
        "sort:pp_last:desc,host     anywhere, once; values missing or ? sort last",
        "host-monitor --filter QUERY, --filter-file FILE and --once --hostname-only use the same language",
    };

    /** Fits an 80-column terminal, where the help is most likely to be read in a hurry. */
    private static final int ALIAS_LINE_WIDTH = 78;

    private static final List<Line> LINES = build();

    private HelpView() {}

    public static List<Line> lines() {
        return LINES;
    }

    private static List<Line> build() {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("Keys", Style.BOLD));
        for (String[] k : KEYS) {
            lines.add(Line.plain("  " + TableLayout.pad(k[0], 18) + k[1]));
        }
        lines.add(Line.EMPTY);
        lines.add(Line.of("Columns", Style.BOLD));
        for (Column c : Column.values()) {
            lines.add(Line.plain("  " + TableLayout.pad(c.header(), 10) + c.description()));
        }
        lines.add(Line.EMPTY);
        lines.add(
                Line.plain("  - no value   ? never successfully audited   ! newest audit failed (older values shown)"));
        lines.add(Line.plain(
                "  Ages count from now. Colours: DATA 5m/30m, TC_ACT 5m/1h, PP_LAST 1h/6h (green/yellow/red)."));
        lines.add(Line.plain("  New audits and Taskcluster records appear within a second; ages tick every second."));
        lines.add(Line.EMPTY);
        lines.add(Line.of("Queries", Style.BOLD));
        for (String q : QUERY) {
            lines.add(Line.plain("  " + q));
        }
        lines.add(Line.EMPTY);
        lines.add(Line.of("Other names of columns in queries", Style.BOLD));
        StringBuilder names = new StringBuilder(" ");
        for (Column c : Column.values()) {
            if (c.aliases().isEmpty()) {
                continue;
            }
            String entry = " " + c.header() + ": " + String.join(", ", c.aliases()) + ";";
            if (names.length() + entry.length() > ALIAS_LINE_WIDTH) {
                lines.add(Line.plain(names.toString()));
                names = new StringBuilder(" ");
            }
            names.append(entry);
        }
        lines.add(Line.plain(names.toString()));
        lines.add(Line.EMPTY);
        lines.add(Line.of("Filter line (/)", Style.BOLD));
        for (String[] k : LINE_KEYS) {
            lines.add(Line.plain("  " + TableLayout.pad(k[0], 18) + k[1]));
        }
        return lines;
    }
}
