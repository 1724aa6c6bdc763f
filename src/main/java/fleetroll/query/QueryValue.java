package fleetroll.query;

import fleetroll.format.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** One value of a term, after reading it for its column: a term may list several with "|". */
public sealed interface QueryValue {
    /** {@code COLUMN=} or an empty alternative: the cell has no value ("-"). */
    record Missing() implements QueryValue {
        @Override
        public String toString() {
            return "";
        }
    }

    /** A bare {@code ?}: the host was never audited. */
    record NeverAudited() implements QueryValue {
        @Override
        public String toString() {
            return "?";
        }
    }

    /** Text, compared ignoring case; for a flag column, the cell text its spelling stands for. */
    record Text(String text) implements QueryValue {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A duration; {@code =} compares at the precision written, as the table shows it: {@code
     * pp_last=2h 05m} holds for 2h 05m 00s up to 2h 05m 59s.
     */
    record Span(Duration duration, ChronoUnit precision) implements QueryValue {
        @Override
        public String toString() {
            return Durations.compact(duration);
        }
    }
}
