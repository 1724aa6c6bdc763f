package fleetroll.query;

/**
 * A stretch of query text to colour on the filter line, {@code [start, end)} in chars. Spans are
 * sorted and never overlap; text between them (blanks) is plain.
 */
public record HighlightSpan(int start, int end, Kind kind) {
    public enum Kind {
        /** A known column name or alias. */
        COLUMN,
        /** A name no column has: should stand out. */
        UNKNOWN_COLUMN,
        /** A word with no operator yet that could still become a column name: "pp_l". */
        INCOMPLETE,
        OPERATOR,
        VALUE,
        /** "|" between values, "," and ":" inside sort:. */
        SEPARATOR,
        /** "sort:". */
        SORT_KEYWORD,
        /** "asc" or "desc". */
        SORT_DIRECTION,
        /** Text the parser refuses (a bad value, a stray character); the error names it. */
        INVALID
    }

    public HighlightSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
