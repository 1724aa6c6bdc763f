package fleetroll.query;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One term {@code COLUMN OP VALUE[|VALUE...]}, read for its column. Built by {@link QueryParser},
 * which has already refused the combinations that could never hold (an order on a flag, "~" with
 * a duration, "|" with "<").
 *
 * <p>{@code =} and {@code ~} hold when any value does; {@code !=} and {@code !~} are exactly their
 * negations, so they also hold for missing and never-audited cells. An ordering holds only for a
 * cell of the value's type: a missing cell, "?" or "FAIL" never passes {@code pp_last>1h}.
 */
public record Condition(QueryColumn column, Operator operator, List<QueryValue> values) {
    public Condition {
        values = List.copyOf(values);
        if (values.isEmpty() || (operator.isOrdering() && values.size() != 1)) {
            throw new IllegalArgumentException(
                    operator.symbol() + " needs " + (operator.isOrdering() ? "one value" : "values"));
        }
    }

    public boolean matches(QueryRow row) {
        return matches(row.value(column.name()));
    }

    public boolean matches(CellValue cell) {
        if (operator.isOrdering()) {
            return ordered(cell, values.getFirst());
        }
        boolean any = false;
        for (QueryValue value : values) {
            if (operator.isContains() ? contains(cell, value) : equal(cell, value)) {
                any = true;
                break;
            }
        }
        return operator.isNegated() != any;
    }

    private static boolean equal(CellValue cell, QueryValue value) {
        return switch (value) {
            case QueryValue.Missing m -> cell instanceof CellValue.Missing;
            case QueryValue.NeverAudited n -> cell instanceof CellValue.NeverAudited;
            case QueryValue.Text t ->
                cell instanceof CellValue.Text c && c.text().equalsIgnoreCase(t.text());
            case QueryValue.Span s ->
                cell instanceof CellValue.Elapsed e
                        && atPrecision(e, s.precision()).equals(s.duration());
        };
    }

    private static Duration atPrecision(CellValue.Elapsed cell, ChronoUnit precision) {
        return cell.duration().truncatedTo(precision);
    }

    private static boolean contains(CellValue cell, QueryValue value) {
        return switch (value) {
            case QueryValue.NeverAudited n -> cell instanceof CellValue.NeverAudited;
            case QueryValue.Text t ->
                cell instanceof CellValue.Text c
                        && c.text().toLowerCase(Locale.ROOT).contains(t.lower());
            // The parser refuses these with "~"; were one to get here, it matches nothing.
            case QueryValue.Missing m -> false;
            case QueryValue.Span s -> false;
        };
    }

    private boolean ordered(CellValue cell, QueryValue value) {
        return switch (value) {
            case QueryValue.Span s ->
                cell instanceof CellValue.Elapsed e
                        && operator.admits(e.duration().compareTo(s.duration()));
            case QueryValue.Text t ->
                cell instanceof CellValue.Text c && operator.admits(TextOrder.compare(c.text(), t.text()));
            case QueryValue.Missing m -> false;
            case QueryValue.NeverAudited n -> false;
        };
    }

    /** The term in canonical form: "PP_LAST>20h", "OS=L|M". */
    @Override
    public String toString() {
        return column.name()
                + operator.symbol()
                + String.join("|", values.stream().map(QueryValue::toString).toList());
    }
}
