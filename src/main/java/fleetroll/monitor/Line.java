package fleetroll.monitor;

import java.util.ArrayList;
import java.util.List;

/** One screen or output line as styled spans, independent of any terminal library. */
public record Line(List<Span> spans) {
    public static final Line EMPTY = new Line(List.of());

    public Line {
        spans = List.copyOf(spans);
    }

    public static Line of(String text, Style style) {
        return new Line(List.of(new Span(text, style)));
    }

    public static Line plain(String text) {
        return of(text, Style.PLAIN);
    }

    /** The text without styles: what tests assert and what a terminal without colour shows. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    public int length() {
        int n = 0;
        for (Span s : spans) {
            n += s.text().length();
        }
        return n;
    }

    /** This line cut to {@code width} characters, styles kept. */
    public Line clip(int width) {
        if (length() <= width) {
            return this;
        }
        List<Span> out = new ArrayList<>();
        int left = width;
        for (Span s : spans) {
            if (left <= 0) {
                break;
            }
            String t = s.text().length() <= left ? s.text() : s.text().substring(0, left);
            out.add(new Span(t, s.style()));
            left -= t.length();
        }
        return new Line(out);
    }

    /** This line with every span drawn inverse, padded to {@code width} so the bar is whole. */
    public Line highlighted(int width) {
        List<Span> out = new ArrayList<>();
        for (Span s : clip(width).spans) {
            out.add(new Span(s.text(), s.style().withInverse()));
        }
        int pad = width - Math.min(length(), width);
        if (pad > 0) {
            out.add(new Span(" ".repeat(pad), Style.INVERSE));
        }
        return new Line(out);
    }
}
