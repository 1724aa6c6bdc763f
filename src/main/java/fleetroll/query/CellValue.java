package fleetroll.query;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;

/**
 * What one cell of a row holds, typed: queries compare these and the monitor sorts by them, never
 * by the text a table shows. Missing ({@code -}) and never audited ({@code ?}) are values of their
 * own, so that {@code COLUMN=} and {@code COLUMN=?} can tell them apart.
 */
public sealed interface CellValue {
    /** No value: the table shows "-" or nothing. */
    CellValue MISSING = new Missing();
    /** The host was never audited: the table shows "?". */
    CellValue NEVER_AUDITED = new NeverAudited();

    /**
     * Ascending, as {@code sort:COLUMN} orders: durations, then text in {@link TextOrder} (so
     * "FAIL" comes after every age), then missing, then never audited.
     */
    Comparator<CellValue> ORDER = Query::compareCells;

    record Missing() implements CellValue {}

    record NeverAudited() implements CellValue {}

    /** Text as shown ("L", "gecko_t_linux_talos", "FAIL"); never blank, "-" or "?". */
    record Text(String text) implements CellValue {
        public Text {
            if (text.isBlank() || text.equals("-") || text.equals("?")) {
                throw new IllegalArgumentException(
                        "not a text value: \"" + text + "\"; use CellValue.text(), which maps it");
            }
        }
    }

    /** An age or a length (UPTIME, PP_LAST, TC_T_DUR, ...). */
    record Elapsed(Duration duration) implements CellValue {
        public Elapsed {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Text, with null, blank and "-" as {@link #MISSING} and "?" as {@link #NEVER_AUDITED}. */
    static CellValue text(String text) {
        if (text == null || text.isBlank() || text.equals("-")) {
            return MISSING;
        }
        return text.equals("?") ? NEVER_AUDITED : new Text(text);
    }

    /** A duration, with null as {@link #MISSING}. */
    static CellValue elapsed(Duration duration) {
        return duration == null ? MISSING : new Elapsed(duration);
    }
}
