package fleetroll.monitor;

import java.time.Duration;
import java.util.Comparator;

/**
 * The typed value of one cell: what filters compare and sorts order by. Text compares without
 * case and in natural order (host2 before host10), times as durations; a cell without a value
 * ({@link Absent}, shown "-") or of a host never successfully audited ({@link Unknown}, shown
 * "?") sorts after every value.
 */
public sealed interface CellValue {
    Absent ABSENT = new Absent();
    Unknown UNKNOWN = new Unknown();

    /** Ascending by value; Absent, then Unknown, after all values. */
    Comparator<CellValue> ORDER = CellValue::compare;

    record Text(String text) implements CellValue {}

    /** An age (time since something) or a duration. */
    record Time(Duration duration) implements CellValue {}

    /** "-": nothing to show, such as no override or no Taskcluster record. */
    record Absent() implements CellValue {}

    /** "?": the host was never successfully audited, so the value is not known. */
    record Unknown() implements CellValue {}

    static CellValue text(String text) {
        return text == null ? ABSENT : new Text(text);
    }

    static CellValue time(Duration duration) {
        return duration == null ? ABSENT : new Time(duration);
    }

    /** True for Text and Time: the cell holds a value. */
    default boolean present() {
        return this instanceof Text || this instanceof Time;
    }

    private static int compare(CellValue a, CellValue b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        if (a instanceof Time(Duration x) && b instanceof Time(Duration y)) {
            return x.compareTo(y);
        }
        if (a instanceof Text(String x) && b instanceof Text(String y)) {
            return NaturalOrder.INSTANCE.compare(x, y);
        }
        return 0;
    }

    private static int rank(CellValue v) {
        return switch (v) {
            case Time t -> 0;
            case Text t -> 1; // a column holds one kind or the other; the rank only keeps order total
            case Absent a -> 2;
            case Unknown u -> 3;
        };
    }
}
