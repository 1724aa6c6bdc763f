package fleetroll.monitor;

import fleetroll.format.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the interactive view as lines, at a given size and moment, without a terminal: two
 * header lines, the column header, a window of rows with HOST frozen on the left, and a status
 * line; or the detail or help text. Pure, so that tests render it at a fixed size and clock.
 */
public final class TableScreen {
    /** Lines above the rows: title, information, column header. */
    public static final int HEADER_LINES = 3;
    /** Lines below the rows: status. */
    public static final int FOOTER_LINES = 1;

    static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final List<Column> SCROLLABLE =
            Arrays.stream(Column.values()).filter(c -> c != Column.HOST).toList();
    private static final String SEP = " · ";

    private final String title;
    private final String source;

    /** {@code title} is the name and version ("fleetroll 0.1.0"), {@code source} the list or hosts given. */
    public TableScreen(String title, String source) {
        this.title = title;
        this.source = source;
    }

    /** What one frame shows; {@code status} is a message for the status line (an error), or null. */
    public record Frame(MonitorTable table, ViewState view, HostDetail detail, String status, int width, int height) {}

    /** The sizes keys act on in this frame. */
    public ViewState.Page page(Frame f) {
        List<MonitorRow> rows = f.table().rows();
        String selected = rows.isEmpty()
                ? null
                : rows.get(Math.clamp(f.view().selected(), 0, rows.size() - 1)).host();
        int overlayLines = switch (f.view().mode()) {
            case TABLE -> 0;
            case DETAIL -> detailLines(f).size();
            case HELP -> HelpView.lines().size();
        };
        return new ViewState.Page(
                rows.size(),
                bodyHeight(f.height()),
                maxFirstColumn(f.table().layout(), f.width()),
                overlayLines,
                overlayHeight(f.height()),
                selected);
    }

    public List<Line> render(Frame f) {
        List<Line> lines = switch (f.view().mode()) {
            case TABLE -> table(f);
            case DETAIL -> overlay(f, "detail of " + f.view().detailHost(), detailLines(f));
            case HELP -> overlay(f, "help", HelpView.lines());
        };
        List<Line> out = new ArrayList<>(f.height());
        for (int i = 0; i < f.height(); i++) {
            out.add(i < lines.size() ? lines.get(i).clip(f.width()) : Line.EMPTY);
        }
        return out;
    }

    static int bodyHeight(int height) {
        return Math.max(1, height - HEADER_LINES - FOOTER_LINES);
    }

    static int overlayHeight(int height) {
        return Math.max(1, height - 2);
    }

    /** HOST, then as many columns from {@code firstColumn} as fit (at least one). */
    static List<Column> visibleColumns(TableLayout layout, int firstColumn, int width) {
        List<Column> visible = new ArrayList<>();
        visible.add(Column.HOST);
        int used = layout.width(Column.HOST);
        for (int i = Math.max(0, firstColumn); i < SCROLLABLE.size(); i++) {
            Column c = SCROLLABLE.get(i);
            int need = TableLayout.GAP.length() + layout.width(c);
            if (used + need > width && visible.size() > 1) {
                break;
            }
            visible.add(c);
            used += need;
        }
        return visible;
    }

    /** The first scrolled column past which scrolling right shows nothing new. */
    static int maxFirstColumn(TableLayout layout, int width) {
        for (int first = 0; first < SCROLLABLE.size(); first++) {
            List<Column> rest = new ArrayList<>();
            rest.add(Column.HOST);
            rest.addAll(SCROLLABLE.subList(first, SCROLLABLE.size()));
            if (layout.width(rest) <= width) {
                return first;
            }
        }
        return SCROLLABLE.size() - 1;
    }

    private List<Line> table(Frame f) {
        MonitorTable table = f.table();
        ViewState view = f.view();
        List<MonitorRow> rows = table.rows();
        int body = bodyHeight(f.height());
        List<Column> columns = visibleColumns(table.layout(), view.firstColumn(), f.width());
        int shownFrom = rows.isEmpty() ? 0 : view.top() + 1;
        int shownTo = Math.min(rows.size(), view.top() + body);
        int lastColumn = view.firstColumn() + columns.size() - 1;

        List<Line> lines = new ArrayList<>();
        // Most useful first: on a narrow terminal the end of the line is what gets cut.
        lines.add(Line.of(
                        " rows " + (rows.isEmpty() ? "0" : shownFrom + "-" + shownTo) + "/" + rows.size() + SEP
                                + "cols " + (view.firstColumn() > 0 ? "◀" : "") + (view.firstColumn() + 1) + "-"
                                + lastColumn + "/" + SCROLLABLE.size() + (lastColumn < SCROLLABLE.size() ? "▶" : "")
                                + SEP + "sort: " + view.sort().label() + SEP + "? for help" + SEP + title,
                        Style.INVERSE)
                .highlighted(f.width()));
        lines.add(info(table));
        lines.add(table.layout().header(columns));
        for (int i = view.top(); i < shownTo; i++) {
            Line line = table.layout().row(rows.get(i), columns);
            lines.add(i == view.selected() ? line.highlighted(f.width()) : line);
        }
        while (lines.size() < HEADER_LINES + body) {
            lines.add(Line.EMPTY);
        }
        lines.add(status(f, rows));
        return lines;
    }

    private Line info(MonitorTable table) {
        FleetSnapshot s = table.snapshot();
        List<Span> spans = new ArrayList<>();
        String suffix = s.suffix().isEmpty() ? "" : "suffix ." + s.suffix() + SEP;
        spans.add(Span.plain(
                " " + suffix + "source " + source + SEP + "hosts=" + s.hosts().size() + SEP));
        if (!s.loaded()) {
            spans.add(Span.plain("loading…"));
            return new Line(spans);
        }
        if (s.newestData() == null) {
            spans.add(new Span("no data", Style.BAD));
            spans.add(new Span(" [stale]", Style.BAD));
            return new Line(spans);
        }
        Duration age = Duration.between(s.newestData(), table.now());
        spans.add(Span.plain("newest data " + Durations.compact(age) + " ago"));
        if (age.compareTo(STALE_AFTER) >= 0) {
            spans.add(new Span(" [stale]", Style.BAD));
        }
        return new Line(spans);
    }

    private static Line status(Frame f, List<MonitorRow> rows) {
        if (f.status() != null) {
            return Line.of(" " + f.status(), Style.BAD);
        }
        if (!rows.isEmpty()) {
            MonitorRow row = rows.get(Math.clamp(f.view().selected(), 0, rows.size() - 1));
            if (row.audit().newestFailed()) {
                return Line.of(
                        " ! " + row.host() + ": newest audit " + Durations.compact(row.newestAttemptAge())
                                + " ago failed: " + row.newestFailure(),
                        Style.BAD);
            }
        }
        return Line.plain(" j/k move  PgUp/PgDn page  ←/→ columns  s sort  Enter detail  r reload  ? help  q quit");
    }

    private List<Line> overlay(Frame f, String what, List<Line> content) {
        int height = overlayHeight(f.height());
        int from = Math.clamp(f.view().overlayTop(), 0, Math.max(0, content.size()));
        int to = Math.min(content.size(), from + height);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(
                        " " + title + SEP + what + SEP + "lines " + (content.isEmpty() ? 0 : from + 1) + "-" + to + "/"
                                + content.size(),
                        Style.INVERSE)
                .highlighted(f.width()));
        lines.addAll(content.subList(from, to));
        while (lines.size() < 1 + height) {
            lines.add(Line.EMPTY);
        }
        lines.add(Line.plain(" j/k scroll  PgUp/PgDn page  g/G top/end  Esc back  q quit"));
        return lines;
    }

    private static List<Line> detailLines(Frame f) {
        MonitorTable table = f.table();
        int i = table.indexOf(f.view().detailHost());
        if (i < 0) {
            return List.of(Line.plain("not in the table any more: " + f.view().detailHost()));
        }
        HostDetail detail =
                f.detail() != null && f.detail().host().equals(f.view().detailHost()) ? f.detail() : null;
        return DetailView.lines(table.rows().get(i), detail);
    }
}
