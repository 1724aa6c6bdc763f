package fleetroll.query;

/**
 * Why a query was refused, and where: {@code offset} and {@code length} (in chars of the query
 * text) mark the offending part, so the filter line can underline it; {@code term} is the whole
 * whitespace-separated term it sits in.
 */
public record QueryError(int offset, int length, String term, String reason) {
    private static final int MAX_TERM_SHOWN = 60;

    public QueryError {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad error span " + offset + "+" + length);
        }
    }

    /** One line: {@code bad query at position 9 (pp_last>abc): "abc" is not a duration; ...}. */
    public String message() {
        String shown = term.length() > MAX_TERM_SHOWN ? term.substring(0, MAX_TERM_SHOWN) + "…" : term;
        return printable("bad query at position " + (offset + 1) + " (" + shown + "): " + reason);
    }

    /**
     * {@code s} with each control character (C0, DEL and C1, U+0080-U+009F, which some terminals
     * also obey) replaced by U+FFFD, so the length stays the same. Query text, saved filters and
     * the history are input from operators and files: the filter line, the picker, the header and
     * one-line errors show them through this.
     */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
