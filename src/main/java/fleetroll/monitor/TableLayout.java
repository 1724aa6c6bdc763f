package fleetroll.monitor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Column widths for a set of rows, and the cells and lines drawn with them. A width is the
 * longest cell (or the header), capped where the screen needs it; a longer cell is clipped with
 * "…". HOST shows the name without the shared suffix, prefixed by "!" when the newest audit failed.
 */
public final class TableLayout {
    public static final String GAP = "  ";
    public static final String ELLIPSIS = "…";

    /** Caps for the interactive view, where one long branch name must not push every column away. */
    public static final Map<Column, Integer> SCREEN_CAPS = Map.of(
            Column.HOST, 48,
            Column.ROLE, 30,
            Column.VLT_SHA, 30,
            Column.OVR_SHA, 36);

    private final String suffix;
    private final Map<Column, Integer> widths;
    private final boolean clip;

    private TableLayout(String suffix, Map<Column, Integer> widths, boolean clip) {
        this.suffix = suffix;
        this.widths = widths;
        this.clip = clip;
    }

    /** Widths fitting every row, {@code caps} limiting some; longer cells are clipped. */
    public static TableLayout measure(List<MonitorRow> rows, String suffix, Map<Column, Integer> caps) {
        List<String[]> texts = new ArrayList<>(rows.size());
        for (MonitorRow row : rows) {
            texts.add(texts(row, suffix));
        }
        return new TableLayout(suffix, widths(texts, caps), true);
    }

    /**
     * Widths fitting every row's {@link #texts}, and a cell that is wider later (a row printed as
     * data arrives) is printed whole, pushing its line out of alignment rather than losing text.
     * For text output.
     */
    public static TableLayout unclipped(List<String[]> texts, String suffix) {
        return new TableLayout(suffix, widths(texts, Map.of()), false);
    }

    /** Every cell text of {@code row}, in column order: computed once, then measured and drawn. */
    public static String[] texts(MonitorRow row, String suffix) {
        Column[] columns = Column.values();
        String[] texts = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            texts[i] = columns[i] == Column.HOST ? hostText(row, suffix) : columns[i].text(row);
        }
        return texts;
    }

    private static Map<Column, Integer> widths(List<String[]> texts, Map<Column, Integer> caps) {
        Column[] columns = Column.values();
        int[] w = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            w[i] = columns[i].header().length();
        }
        for (String[] row : texts) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        Map<Column, Integer> widths = new EnumMap<>(Column.class);
        for (int i = 0; i < columns.length; i++) {
            Integer cap = caps.get(columns[i]);
            widths.put(
                    columns[i],
                    cap == null ? w[i] : Math.max(columns[i].header().length(), Math.min(w[i], cap)));
        }
        return widths;
    }

    public String suffix() {
        return suffix;
    }

    public int width(Column column) {
        return widths.get(column);
    }

    /** Width of {@code columns} side by side with their gaps. */
    public int width(List<Column> columns) {
        int total = 0;
        for (Column c : columns) {
            total += width(c);
        }
        return total + GAP.length() * Math.max(0, columns.size() - 1);
    }

    /** The HOST cell text: suffix stripped, "!" first when the newest audit failed. */
    public static String hostText(MonitorRow row, String suffix) {
        String name = HostSuffix.strip(row.host(), suffix);
        return row.audit().newestFailed() ? "!" + name : name;
    }

    public Line header(List<Column> columns) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                spans.add(new Span(GAP, Style.BOLD));
            }
            Column c = columns.get(i);
            spans.add(new Span(pad(c.header(), width(c)), Style.BOLD));
        }
        return new Line(spans);
    }

    public Line row(MonitorRow row, List<Column> columns) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                spans.add(Span.plain(GAP));
            }
            spans.addAll(cell(columns.get(i), row));
        }
        return new Line(spans);
    }

    /** All columns of a row whose {@link #texts} are already known. */
    public Line row(MonitorRow row, String[] texts) {
        Column[] columns = Column.values();
        List<Span> spans = new ArrayList<>(columns.length * 2);
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                spans.add(Span.plain(GAP));
            }
            spans.addAll(cell(columns[i], row, texts[i]));
        }
        return new Line(spans);
    }

    /**
     * All columns of a row as plain text, padded but never clipped, without trailing blanks: the
     * uncoloured --once line, made without styles because 10,000 of them are printed at start.
     */
    public void appendPlain(String[] texts, StringBuilder out) {
        Column[] columns = Column.values();
        int lineStart = out.length();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                out.append(GAP);
            }
            out.append(texts[i]);
            for (int pad = width(columns[i]) - texts[i].length(); pad > 0; pad--) {
                out.append(' ');
            }
        }
        int end = out.length();
        while (end > lineStart && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** One cell, styled, clipped and padded to its column's width. */
    public List<Span> cell(Column column, MonitorRow row) {
        return cell(column, row, column == Column.HOST ? hostText(row, suffix) : column.text(row));
    }

    private List<Span> cell(Column column, MonitorRow row, String text) {
        List<Span> spans = CellStyles.spans(column, row, text);
        return clip || text.length() < width(column) ? fit(spans, width(column)) : spans;
    }

    /** {@code spans} cut to {@code width} (the last kept character becomes "…") or padded to it. */
    static List<Span> fit(List<Span> spans, int width) {
        int length = 0;
        for (Span s : spans) {
            length += s.text().length();
        }
        List<Span> out = new ArrayList<>(spans.size() + 1);
        if (length <= width) {
            out.addAll(spans);
            if (length < width) {
                out.add(Span.plain(" ".repeat(width - length)));
            }
            return out;
        }
        int left = Math.max(0, width - 1);
        Style last = Style.PLAIN;
        for (Span s : spans) {
            if (left == 0) {
                break;
            }
            String t = s.text().length() <= left ? s.text() : s.text().substring(0, left);
            out.add(new Span(t, s.style()));
            last = s.style();
            left -= t.length();
        }
        if (width > 0) {
            out.add(new Span(ELLIPSIS, last));
        }
        return out;
    }

    static String pad(String text, int width) {
        if (text.length() >= width) {
            return text.length() == width ? text : text.substring(0, Math.max(0, width - 1)) + ELLIPSIS;
        }
        return text + " ".repeat(width - text.length());
    }
}
