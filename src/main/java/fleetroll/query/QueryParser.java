package fleetroll.query;

import fleetroll.query.HighlightSpan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the monitor's query language. One pass serves both the parser and the filter line's
 * highlighting, so the colours never disagree with what Enter would do.
 *
 * <pre>
 * query    = { blank } [ term { blank { blank } term } ] { blank }
 * term     = condition | sort
 * condition= COLUMN OP [ value { "|" value } ]     OP: = != ~ !~ &lt; &gt; &lt;= &gt;=
 * value    = { char | '"' chars '"' | "'" chars "'" }
 * sort     = "sort:" COLUMN [ ":" ( "asc" | "desc" ) ] { "," COLUMN [ ":" ... ] }
 * </pre>
 *
 * <p>Blanks separate terms. Two ways keep a blank inside a value: quotes ({@code
 * pp_last>"2h 05m"}, {@code role="a b"}), and, for a time column, a word that is only a duration
 * continues the duration before it, so {@code pp_last>2h 05m} and {@code uptime=1d 04h|2d 04h} work
 * as copied from the table (a word without an operator could never be a term of its own). Quoted text is literal: {@code role="?"} is the text "?",
 * {@code role=?} a never-audited host, and "|" inside quotes is not a separator.
 *
 * <p>Names and values ignore case. Every refusal is a {@link QueryError} with the position of
 * the offending part; a query is built only when the whole text parsed.
 */
public final class QueryParser {
    private static final String SORT_PREFIX = "sort:";
    private static final String DURATION_FORMS = "write 30m, 1h30m, 2d or 2h 05m";

    private final ColumnCatalogue catalogue;

    public QueryParser(ColumnCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The query, or a {@link QueryException} pointing at the first offending term. */
    public Query parse(String text) {
        QueryAnalysis analysis = analyse(text);
        if (analysis.error().isPresent()) {
            throw new QueryException(text, analysis.error().get());
        }
        return analysis.query().orElseThrow();
    }

    /** Never throws: highlighting plus the query or the first error. Blank text is the empty query. */
    public QueryAnalysis analyse(String text) {
        return new Pass(text).run();
    }

    /** The blanks that separate terms: whitespace, including no-break spaces pasted from a web page. */
    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isColumnChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** One value between "|"s, quotes removed. */
    private record RawValue(String content, boolean quoted, int start, int end) {
        boolean isBare(String s) {
            return !quoted && content.equals(s);
        }
    }

    /** The state of one analysis: spans and the first error, filled left to right. */
    private final class Pass {
        private final String text;
        private final List<HighlightSpan> spans = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();
        private final List<SortKey> sortKeys = new ArrayList<>();
        private QueryError firstError;
        private boolean sortSeen;
        // The term being read, for error messages.
        private int termStart;
        private int termEnd;

        Pass(String text) {
            this.text = text;
        }

        QueryAnalysis run() {
            List<int[]> words = words();
            for (int w = 0; w < words.size(); ) {
                int start = words.get(w)[0];
                int end = words.get(w)[1];
                int next = w + 1;
                while (next < words.size()
                        && isDurationContinuation(words.get(next))
                        && endsWithDurationOfTimeColumn(start, end)) {
                    end = words.get(next)[1];
                    next++;
                }
                termStart = start;
                termEnd = end;
                int following = next < words.size() ? words.get(next)[0] : -1;
                if (text.regionMatches(true, start, SORT_PREFIX, 0, SORT_PREFIX.length())) {
                    sortTerm(start, end);
                } else {
                    conditionTerm(start, end, following);
                }
                w = next;
            }
            if (firstError != null) {
                return new QueryAnalysis(text, spans, Optional.empty(), Optional.of(firstError));
            }
            Query query = new Query(text, conditions, sortKeys);
            return new QueryAnalysis(text, spans, Optional.of(query), Optional.empty());
        }

        /** [start, end) of each blank-separated word; a quote runs to its closing quote, blanks included. */
        private List<int[]> words() {
            List<int[]> words = new ArrayList<>();
            int n = text.length();
            int i = 0;
            while (i < n) {
                while (i < n && isBlank(text.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                int start = i;
                while (i < n && !isBlank(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (isQuote(c)) {
                        int close = text.indexOf(c, i + 1);
                        i = close < 0 ? n : close + 1; // unterminated: the term reports it
                    } else {
                        i++;
                    }
                }
                words.add(new int[] {start, i});
            }
            return words;
        }

        /**
         * "05m", or "05m|3h" in {@code uptime=1d 05m|3h}: a word that starts with a duration and has
         * no operator or quote, so it could never be a term of its own.
         */
        private boolean isDurationContinuation(int[] word) {
            String s = text.substring(word[0], word[1]);
            for (int i = 0; i < s.length(); i++) {
                if (isQuote(s.charAt(i)) || Operator.startsOperator(s.charAt(i))) {
                    return false;
                }
            }
            int bar = s.indexOf('|');
            return DurationSyntax.isDuration(bar < 0 ? s : s.substring(0, bar));
        }

        /** Whether [start, end) is a term on a time column whose last value is an unquoted duration. */
        private boolean endsWithDurationOfTimeColumn(int start, int end) {
            int columnEnd = start;
            while (columnEnd < end && isColumnChar(text.charAt(columnEnd))) {
                columnEnd++;
            }
            Optional<QueryColumn> column = catalogue.find(text.substring(start, columnEnd));
            Operator op = operatorAt(columnEnd, end);
            if (column.isEmpty() || column.get().kind() != ColumnKind.DURATION || op == null) {
                return false;
            }
            String value = text.substring(columnEnd + op.symbol().length(), end);
            if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
                return false;
            }
            String last = value.substring(value.lastIndexOf('|') + 1);
            return !last.isEmpty() && DurationSyntax.isDuration(last);
        }

        private Operator operatorAt(int i, int end) {
            for (Operator op : Operator.BY_LENGTH) {
                String symbol = op.symbol();
                if (i + symbol.length() <= end && text.startsWith(symbol, i)) {
                    return op;
                }
            }
            return null;
        }

        private void conditionTerm(int start, int end, int followingWord) {
            int columnEnd = start;
            while (columnEnd < end && isColumnChar(text.charAt(columnEnd))) {
                columnEnd++;
            }
            if (columnEnd == start) {
                span(start, end, Kind.INVALID);
                char first = text.charAt(start);
                error(
                        start,
                        end - start,
                        Operator.startsOperator(first)
                                ? "a column name must come before the operator, e.g. role~web"
                                : "expected COLUMN OP VALUE, e.g. role~web or pp_last>20h");
                return;
            }
            String typed = text.substring(start, columnEnd);
            Optional<QueryColumn> column = catalogue.find(typed);
            if (columnEnd == end) {
                incompleteTerm(start, end, typed, column, followingWord);
                return;
            }
            span(start, columnEnd, column.isPresent() ? Kind.COLUMN : Kind.UNKNOWN_COLUMN);
            Operator op = operatorAt(columnEnd, end);
            if (op == null) {
                span(columnEnd, end, Kind.INVALID);
                error(
                        columnEnd,
                        1,
                        "expected an operator (" + Operator.ALL + ") after \"" + typed + "\", found \""
                                + text.charAt(columnEnd) + "\"");
                return;
            }
            int valueStart = columnEnd + op.symbol().length();
            span(columnEnd, valueStart, Kind.OPERATOR);
            if (column.isEmpty()) {
                error(start, columnEnd - start, unknownColumn(typed));
                List<RawValue> values = rawValues(valueStart, end);
                if (values != null) {
                    spanValues(values);
                }
                return;
            }
            List<QueryValue> values = values(column.get(), op, valueStart, end);
            if (values != null) {
                conditions.add(new Condition(column.get(), op, values));
            }
        }

        /** A word of column characters only: still being typed, or blanks around the operator. */
        private void incompleteTerm(int start, int end, String typed, Optional<QueryColumn> column, int followingWord) {
            boolean couldBeColumn = column.isPresent() || catalogue.isPrefixOfColumn(typed);
            span(start, end, couldBeColumn ? Kind.INCOMPLETE : Kind.UNKNOWN_COLUMN);
            String reason;
            if (typed.equalsIgnoreCase("sort")) {
                reason = "sort needs a colon: sort:COLUMN[:asc|desc], e.g. sort:pp_last:desc";
            } else if (followingWord >= 0 && Operator.startsOperator(text.charAt(followingWord))) {
                reason = "no blanks around an operator: write " + typed
                        + text.substring(followingWord, wordEnd(followingWord));
            } else if (DurationSyntax.isDuration(typed)) {
                reason = "\"" + typed + "\" is not a term: a duration continues a time column's value, as in"
                        + " pp_last>2h 05m";
            } else if (!couldBeColumn) {
                reason = unknownColumn(typed) + "; a term is COLUMN OP VALUE, e.g. role~web";
            } else {
                reason = "\"" + typed + "\" needs an operator (" + Operator.ALL + ") and a value, e.g. "
                        + column.map(c -> c.kind() == ColumnKind.DURATION ? typed + ">20h" : typed + "=VALUE")
                                .orElse("pp_last>20h");
            }
            error(start, end - start, reason);
        }

        private int wordEnd(int from) {
            int i = from;
            while (i < text.length() && !isBlank(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private String unknownColumn(String typed) {
            String hint = typed.equalsIgnoreCase("sort") ? " (to sort, write sort:COLUMN)" : "";
            return "unknown column \"" + typed + "\"" + hint + "; columns are " + catalogue.names();
        }

        /** The values between "|"s of [start, end), or null after reporting an unterminated quote. */
        private List<RawValue> rawValues(int start, int end) {
            List<RawValue> values = new ArrayList<>();
            StringBuilder content = new StringBuilder();
            boolean quoted = false;
            int valueStart = start;
            int i = start;
            while (i < end) {
                char c = text.charAt(i);
                if (c == '|') {
                    values.add(new RawValue(content.toString(), quoted, valueStart, i));
                    content.setLength(0);
                    quoted = false;
                    valueStart = i + 1;
                    i++;
                } else if (isQuote(c)) {
                    int close = text.indexOf(c, i + 1);
                    if (close < 0 || close >= end) {
                        span(valueStart, end, Kind.INVALID);
                        error(i, end - i, "unterminated quote: add the closing " + c);
                        return null;
                    }
                    content.append(text, i + 1, close);
                    quoted = true;
                    i = close + 1;
                } else {
                    content.append(c);
                    i++;
                }
            }
            values.add(new RawValue(content.toString(), quoted, valueStart, end));
            return values;
        }

        /** Colours values that were not read (the term failed before them). */
        private void spanValues(List<RawValue> raw) {
            for (int k = 0; k < raw.size(); k++) {
                if (k > 0) {
                    span(raw.get(k).start() - 1, raw.get(k).start(), Kind.SEPARATOR);
                }
                span(raw.get(k).start(), raw.get(k).end(), Kind.VALUE);
            }
        }

        /** Reads the values for this column and operator; null when one was refused (and reported). */
        private List<QueryValue> values(QueryColumn column, Operator op, int start, int end) {
            List<RawValue> raw = rawValues(start, end);
            if (raw == null) {
                return null;
            }
            if (raw.size() == 1 && raw.getFirst().isBare("")) {
                if (op == Operator.EQUALS || op == Operator.NOT_EQUALS) {
                    return List.of(new QueryValue.Missing()); // COLUMN= / COLUMN!=
                }
                error(
                        start,
                        0,
                        op.symbol() + " needs a value; only = and != may stand alone (COLUMN= is \"no value\")");
                return null;
            }
            if (op.isOrdering() && raw.size() > 1) {
                spanValues(raw);
                int firstBar = raw.getFirst().end();
                error(firstBar, 1, "\"|\" lists alternatives for =, !=, ~ and !~, not for " + op.symbol());
                return null;
            }
            if (column.kind() == ColumnKind.FLAG && op.isOrdering()) {
                spanValues(raw);
                error(start - op.symbol().length(), op.symbol().length(), column.name() + " has no order: use = or !=");
                return null;
            }
            List<QueryValue> values = new ArrayList<>();
            boolean refused = false;
            for (int k = 0; k < raw.size(); k++) {
                RawValue value = raw.get(k);
                if (k > 0) {
                    span(value.start() - 1, value.start(), Kind.SEPARATOR);
                }
                QueryValue read = refused ? null : value(column, op, value);
                span(value.start(), value.end(), read == null && !refused ? Kind.INVALID : Kind.VALUE);
                if (read == null) {
                    refused = true;
                } else {
                    values.add(read);
                }
            }
            return refused ? null : values;
        }

        /** One value, or null after reporting why it cannot be. */
        private QueryValue value(QueryColumn column, Operator op, RawValue raw) {
            String content = raw.content();
            if (content.isEmpty()) {
                if (op == Operator.EQUALS || op == Operator.NOT_EQUALS) {
                    return new QueryValue.Missing(); // "os=L|" : L or no value
                }
                return refuse(raw, "empty value: " + op.symbol() + " needs text to look for");
            }
            if (raw.isBare("?")) {
                if (op.isOrdering()) {
                    return refuse(raw, "\"?\" (never audited) has no order; use = or !=");
                }
                return new QueryValue.NeverAudited();
            }
            return switch (column.kind()) {
                case TEXT -> new QueryValue.Text(content);
                case FLAG -> {
                    if (op.isContains()) {
                        yield new QueryValue.Text(content);
                    }
                    Optional<String> cell = column.flagCellText(content);
                    if (cell.isEmpty()) {
                        yield refuse(
                                raw,
                                "\"" + content + "\" is not a value of " + column.name() + ": "
                                        + column.describeFlagValues()
                                        + (column.flagValues().size() == 1
                                                ? "; " + column.name().toLowerCase(Locale.ROOT) + "= for none"
                                                : ""));
                    }
                    yield new QueryValue.Text(cell.get());
                }
                case DURATION -> durationValue(column, op, raw);
            };
        }

        private QueryValue durationValue(QueryColumn column, Operator op, RawValue raw) {
            String content = raw.content();
            DurationSyntax.Result parsed = DurationSyntax.parse(content);
            if (parsed instanceof DurationSyntax.TooLarge) {
                return refuse(raw, "\"" + content + "\" is too large for a duration");
            }
            if (op.isContains()) {
                if (parsed instanceof DurationSyntax.Parsed) {
                    return refuse(
                            raw,
                            "~ looks for text; compare times with =, <, >, <= or >=, e.g. "
                                    + column.name().toLowerCase(Locale.ROOT) + ">" + content.strip());
                }
                return new QueryValue.Text(content);
            }
            if (parsed instanceof DurationSyntax.Parsed(var duration, var precision)) {
                return new QueryValue.Span(duration, precision);
            }
            String n = content.strip();
            if (!n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return refuse(raw, "\"" + n + "\" needs a unit: " + n + "m, " + n + "h or " + n + "d");
            }
            if (op.isOrdering()) {
                return refuse(raw, "\"" + content + "\" is not a duration; " + DURATION_FORMS);
            }
            return new QueryValue.Text(content); // "pp_last=fail": the text a cell shows instead of an age
        }

        private QueryValue refuse(RawValue raw, String reason) {
            error(raw.start(), raw.end() - raw.start(), reason);
            return null;
        }

        private void sortTerm(int start, int end) {
            int keyword = start + SORT_PREFIX.length();
            span(start, keyword, Kind.SORT_KEYWORD);
            if (sortSeen) {
                error(start, end - start, "sort: appears twice; list the columns in one, e.g. sort:role,host:desc");
            }
            sortSeen = true;
            if (keyword == end) {
                error(start, end - start, "sort: needs a column, e.g. sort:pp_last:desc");
                return;
            }
            List<SortKey> keys = new ArrayList<>();
            boolean refused = false;
            int itemStart = keyword;
            while (itemStart <= end) {
                int comma = text.indexOf(',', itemStart);
                int itemEnd = comma < 0 || comma >= end ? end : comma;
                SortKey key = sortItem(itemStart, itemEnd);
                if (key == null) {
                    refused = true;
                } else {
                    keys.add(key);
                }
                if (itemEnd == end) {
                    break;
                }
                span(itemEnd, itemEnd + 1, Kind.SEPARATOR);
                itemStart = itemEnd + 1;
            }
            if (!refused) {
                sortKeys.addAll(keys);
            }
        }

        /** COLUMN[:asc|desc] in [start, end); null after reporting a problem. */
        private SortKey sortItem(int start, int end) {
            if (start == end) {
                error(start, 0, "empty column in sort: list; write sort:COLUMN[:asc|desc],COLUMN...");
                return null;
            }
            int colon = text.indexOf(':', start);
            int columnEnd = colon < 0 || colon >= end ? end : colon;
            String typed = text.substring(start, columnEnd);
            Optional<QueryColumn> column = typed.isEmpty() ? Optional.empty() : catalogue.find(typed);
            if (!typed.isEmpty()) {
                span(start, columnEnd, column.isPresent() ? Kind.COLUMN : Kind.UNKNOWN_COLUMN);
            }
            if (column.isEmpty()) {
                error(
                        start,
                        columnEnd - start,
                        typed.isEmpty() ? "sort: needs a column before \":\"" : unknownColumn(typed));
            }
            boolean descending = false;
            if (columnEnd < end) {
                span(columnEnd, columnEnd + 1, Kind.SEPARATOR);
                String direction = text.substring(columnEnd + 1, end);
                if (direction.equalsIgnoreCase("asc") || direction.equalsIgnoreCase("desc")) {
                    span(columnEnd + 1, end, Kind.SORT_DIRECTION);
                    descending = direction.equalsIgnoreCase("desc");
                } else {
                    if (columnEnd + 1 < end) {
                        span(columnEnd + 1, end, Kind.INVALID);
                    }
                    error(columnEnd + 1, end - columnEnd - 1, "expected asc or desc after \"" + typed + ":\"");
                    return null;
                }
            }
            return column.isEmpty() ? null : new SortKey(column.get(), descending);
        }

        private void span(int start, int end, Kind kind) {
            if (end > start) {
                spans.add(new HighlightSpan(start, end, kind));
            }
        }

        private void error(int offset, int length, String reason) {
            if (firstError == null) {
                firstError = new QueryError(offset, length, text.substring(termStart, termEnd), reason);
            }
        }
    }
}
