package fleetroll.monitor;

import java.util.ArrayList;
import java.util.List;

/** The help screen: keys, then what each column shows. */
public final class HelpView {
    private static final String[][] KEYS = {
        {"q, Ctrl-C", "quit (the terminal is restored)"},
        {"↑/↓, k/j", "move the selected row"},
        {"PgUp/PgDn, space", "page up/down"},
        {"g / G", "first / last row"},
        {"←/→, h/l", "scroll the columns (HOST stays)"},
        {"s", "sort: host, role, override, health"},
        {"Enter", "detail of the selected host; Esc returns"},
        {"r", "read the store again now"},
        {"?", "this help; Esc or ? returns"},
    };

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
        return lines;
    }
}
