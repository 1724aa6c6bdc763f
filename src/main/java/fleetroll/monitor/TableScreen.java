package fleetroll.monitor;

import fleetroll.format.Durations;
import fleetroll.query.FilterHistory;
import fleetroll.query.FilterLine;
import fleetroll.query.FilterPicker;
import fleetroll.query.HighlightSpan;
import fleetroll.query.PickerEntry;
import fleetroll.query.QueryAnalysis;
import fleetroll.query.QueryError;
import fleetroll.query.SortKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws the interactive view as lines, at a given size and moment, without a terminal: two
 * header lines, the column header, a window of rows with HOST frozen on the left, and a status
 * line (or, while it is open, the filter line and its message); or the detail, help or filter
 * picker. Pure, so that tests render it at a fixed size and clock.
 */
public final class TableScreen {
    /** Lines above the rows: title, information, column header. */
    public static final int HEADER_LINES = 3;
    /** Lines below the rows: status. */
    public static final int FOOTER_LINES = 1;
    /** The open filter line takes one more: its message above it. */
    static final int FILTER_LINES = 2;
    /** The picker's lines that are not entries: title, what was typed, footer. */
    static final int PICKER_CHROME = 3;

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

    /**
     * What one frame shows; {@code status} is a message for the status line (an error), or null;
     * {@code filters} says whether the filter line or the picker is open.
     */
    public record Frame(
            MonitorTable table,
            ViewState view,
            HostDetail detail,
            String status,
            FilterState filters,
            int width,
            int height) {
        /** Without the filter line or picker open. */
        public Frame(MonitorTable table, ViewState view, HostDetail detail, String status, int width, int height) {
            this(table, view, detail, status, FilterState.start(table.filter(), FilterHistory.EMPTY), width, height);
        }
    }

    /** How many entries the filter picker shows at once: what PgUp and PgDn move by. */
    public static int pickerRows(int height) {
        return Math.max(1, height - PICKER_CHROME);
    }

    /** The sizes keys act on in this frame. */
    public ViewState.Page page(Frame f) {
        MonitorRow selected = f.table().rowAt(f.view().selected());
        int overlayLines = switch (f.view().mode()) {
            case TABLE -> 0;
            case DETAIL -> detailLines(f).size();
            case HELP -> HelpView.lines().size();
        };
        return new ViewState.Page(
                f.table().rows().size(),
                bodyHeight(f),
                maxFirstColumn(f.table().layout(), f.width()),
                overlayLines,
                overlayHeight(f.height()),
                selected == null ? null : selected.host());
    }

    public List<Line> render(Frame f) {
        List<Line> lines = f.filters().picking()
                ? picker(f)
                : switch (f.view().mode()) {
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

    static int bodyHeight(Frame f) {
        int footer = f.filters().editing() ? FILTER_LINES : FOOTER_LINES;
        return Math.max(1, f.height() - HEADER_LINES - footer);
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
        int body = bodyHeight(f);
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
                                + SEP + "sort: " + sortLabel(table) + SEP + "? for help" + SEP + title,
                        Style.INVERSE)
                .highlighted(f.width()));
        lines.add(info(table));
        lines.add(table.layout().header(columns));
        for (int i = view.top(); i < shownTo; i++) {
            Line line = table.layout().row(rows.get(i), columns);
            lines.add(i == view.selected() ? line.highlighted(f.width()) : line);
        }
        if (rows.isEmpty() && table.total() > 0) {
            lines.add(Line.plain(" no host matches the filter; \\ clears the query, o and O toggle back"));
        }
        while (lines.size() < HEADER_LINES + body) {
            lines.add(Line.EMPTY);
        }
        if (f.filters().editing()) {
            lines.addAll(filterLine(f.filters(), f.width()));
        } else {
            lines.add(status(f));
        }
        return lines;
    }

    /** The s sort, or the query's when it has one (the s sort then only orders its ties). */
    private static String sortLabel(MonitorTable table) {
        List<SortKey> keys = table.filter().query().sortKeys();
        if (keys.isEmpty()) {
            return table.sort().label();
        }
        return String.join(
                ",",
                keys.stream()
                        .map(k -> k.column().name().toLowerCase(Locale.ROOT) + (k.descending() ? ":desc" : ""))
                        .toList());
    }

    private Line info(MonitorTable table) {
        FleetSnapshot s = table.snapshot();
        List<Span> spans = new ArrayList<>();
        spans.add(Span.plain(" hosts=" + table.rows().size() + "/" + table.total() + SEP));
        String filter = table.filter().describe();
        if (!filter.isEmpty()) {
            spans.add(Span.plain("filter "));
            spans.add(new Span(filter, Style.BOLD));
            spans.add(Span.plain(SEP));
        }
        String suffix = s.suffix().isEmpty() ? "" : "suffix ." + s.suffix() + SEP;
        spans.add(Span.plain(suffix + "source " + source + SEP));
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

    private static Line status(Frame f) {
        if (f.status() != null) {
            return Line.of(" " + f.status(), Style.BAD);
        }
        MonitorRow row = f.table().rowAt(f.view().selected());
        if (row != null && row.audit().newestFailed()) {
            return Line.of(
                    " ! " + row.host() + ": newest audit " + Durations.compact(row.newestAttemptAge()) + " ago failed: "
                            + row.newestFailure(),
                    Style.BAD);
        }
        return Line.plain(
                " j/k move  PgUp/PgDn page  ←/→ columns  s sort  / filter  f saved  o/O override/OS  Enter detail"
                        + "  ? help  q quit");
    }

    /**
     * The open filter line: a message (the query's error, or the keys) above "/" and the text,
     * coloured as the parser reads it, with the cursor drawn inverse. A text wider than the screen
     * scrolls so that the cursor stays in view.
     */
    static List<Line> filterLine(FilterState filters, int width) {
        FilterLine line = filters.line();
        QueryAnalysis analysis = filters.analysis();
        Line message = analysis.error().isPresent()
                ? Line.of(" " + analysis.error().get().message(), Style.BAD)
                : Line.plain(" Enter apply  Esc cancel  ↑/↓ history  Ctrl-U/K/W delete  ? help has the syntax");

        String text = line.text();
        Style[] styles = new Style[text.length() + 1]; // one more: the cursor at the end
        Arrays.fill(styles, Style.PLAIN);
        for (HighlightSpan span : analysis.spans()) {
            Style style = highlight(span.kind());
            for (int i = span.start(); i < Math.min(span.end(), text.length()); i++) {
                styles[i] = style;
            }
        }
        styles[line.cursor()] = styles[line.cursor()].withInverse();
        String shown = text + " ";
        int room = Math.max(1, width - 1);
        int from = Math.max(0, line.cursor() - room + 1);
        int to = Math.min(shown.length(), from + room);
        List<Span> spans = new ArrayList<>();
        spans.add(new Span("/", Style.BOLD));
        int runStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || !styles[i].equals(styles[runStart])) {
                // FilterLine drops control characters as they are typed, but a line recalled from
                // the history file was written by others.
                spans.add(new Span(QueryError.printable(shown.substring(runStart, i)), styles[runStart]));
                runStart = i;
            }
        }
        return List.of(message, new Line(spans));
    }

    /** Columns, operators and values in their own colours; what the parser refuses in red. */
    static Style highlight(HighlightSpan.Kind kind) {
        return switch (kind) {
            case COLUMN -> new Style(6, false, false);
            // Bold and inverse as well as red: it must stand out without colour too (NO_COLOR).
            case UNKNOWN_COLUMN -> new Style(1, true, true);
            case INVALID -> new Style(1, true, false);
            case OPERATOR -> new Style(3, true, false);
            case VALUE -> new Style(2, false, false);
            case SORT_KEYWORD -> new Style(5, true, false);
            case SORT_DIRECTION -> new Style(5, false, false);
            case SEPARATOR -> Style.BOLD;
            case INCOMPLETE -> Style.PLAIN;
        };
    }

    /**
     * The f picker: what was typed, then saved filters and recent queries that match it, the
     * selected one highlighted; files that could not be read are named at the bottom.
     */
    private List<Line> picker(Frame f) {
        FilterState filters = f.filters();
        FilterPicker picker = filters.picker();
        List<PickerEntry> visible = picker.visible();
        int rows = pickerRows(f.height());
        int top = Math.max(0, picker.selected() - rows + 1);
        int nameWidth = 0;
        for (PickerEntry e : visible) {
            nameWidth = Math.max(nameWidth, Math.min(24, e.name().length()));
        }
        nameWidth = Math.max(nameWidth, "recent".length());

        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(
                        " " + title + SEP + "filters" + SEP + visible.size() + " of "
                                + picker.entries().size(),
                        Style.INVERSE)
                .highlighted(f.width()));
        lines.add(new Line(List.of(
                Span.plain(" filters matching: "),
                new Span(QueryError.printable(picker.typed()), Style.BOLD),
                new Span(" ", Style.INVERSE))));
        if (visible.isEmpty()) {
            lines.add(Line.plain(
                    picker.entries().isEmpty()
                            ? "  no saved filters (YAML files in ~/.fleetroll/filters/ or ./configs/filters/)"
                                    + " and no recent queries"
                            : "  nothing matches; Backspace or Ctrl-U to see more"));
        }
        for (int i = top; i < Math.min(visible.size(), top + rows); i++) {
            PickerEntry e = visible.get(i);
            boolean saved = e.source() == PickerEntry.Source.SAVED;
            String name = saved ? e.name() : "recent";
            List<Span> spans = new ArrayList<>();
            spans.add(new Span(
                    "  " + TableLayout.pad(QueryError.printable(name), nameWidth) + "  ",
                    saved ? Style.BOLD : Style.PLAIN));
            spans.add(Span.plain(QueryError.printable(e.query())));
            if (!e.description().isEmpty()) {
                spans.add(Span.plain("   " + QueryError.printable(e.description())));
            }
            Line line = new Line(spans);
            lines.add(i == picker.selected() ? line.highlighted(f.width()) : line);
        }
        while (lines.size() < 2 + rows) {
            lines.add(Line.EMPTY);
        }
        List<String> problems = filters.problems();
        if (!problems.isEmpty()) {
            lines.add(Line.of(
                    " skipped " + QueryError.printable(problems.getFirst())
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                    Style.BAD));
        } else {
            lines.add(Line.plain(" type to narrow  ↑/↓ choose  Enter apply  Esc back"));
        }
        return lines;
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
