package fleetroll.monitor;

/** Lines as ANSI text, for --once and the streaming output when colour is forced. */
public final class Ansi {
    private static final String RESET = "\033[0m";

    private Ansi() {}

    /** With {@code styled} false, the plain text: no escape sequence at all. */
    public static String encode(Line line, boolean styled) {
        if (!styled) {
            return line.text();
        }
        StringBuilder sb = new StringBuilder(line.length() + 32);
        for (Span s : line.spans()) {
            String codes = codes(s.style());
            if (codes.isEmpty() || s.text().isEmpty()) {
                sb.append(s.text());
            } else {
                sb.append("\033[").append(codes).append('m').append(s.text()).append(RESET);
            }
        }
        return sb.toString();
    }

    static String codes(Style style) {
        StringBuilder codes = new StringBuilder();
        if (style.bold()) {
            codes.append('1');
        }
        if (style.inverse()) {
            codes.append(codes.isEmpty() ? "" : ";").append('7');
        }
        if (style.hasColour()) {
            codes.append(codes.isEmpty() ? "" : ";");
            // The 8 basic colours as 3x: every terminal has them, and themes adjust them.
            codes.append(
                    style.foreground() < 8 ? String.valueOf(30 + style.foreground()) : "38;5;" + style.foreground());
        }
        return codes.toString();
    }
}
