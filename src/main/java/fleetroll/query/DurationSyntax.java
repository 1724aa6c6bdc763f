package fleetroll.query;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Reads a duration as an operator types it or copies it from the table: {@code 30m}, {@code 1h30m},
 * {@code 2d}, {@code 2h 05m}, {@code 1d 04h}, {@code 45s}. Units d, h, m, s (any case), largest
 * first, each at most once; blanks may separate them. A bare number is not a duration: "30" could
 * mean minutes or seconds.
 */
final class DurationSyntax {
    /** Nine digits per unit: 999,999,999 days still fits a Duration; more is surely a typo. */
    private static final int MAX_DIGITS = 9;

    private DurationSyntax() {}

    sealed interface Result {}

    /** @param precision the smallest unit written: "2h 05m" is minutes, "2d" days */
    record Parsed(Duration duration, ChronoUnit precision) implements Result {}

    record NotADuration() implements Result {}

    record TooLarge() implements Result {}

    static Result parse(String text) {
        int i = 0;
        int n = text.length();
        Duration total = Duration.ZERO;
        ChronoUnit last = null;
        boolean tooLarge = false;
        while (true) {
            while (i < n && QueryParser.isBlank(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int digitsStart = i;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
            if (i == digitsStart || i == n) {
                return new NotADuration();
            }
            ChronoUnit unit = unit(text.charAt(i));
            if (unit == null || (last != null && unit.compareTo(last) >= 0)) {
                return new NotADuration(); // unknown unit, or not largest-first ("5m 2h", "2h 3h")
            }
            String digits = text.substring(digitsStart, i);
            if (digits.length() > MAX_DIGITS) {
                tooLarge = true;
            } else {
                total = total.plus(Long.parseLong(digits), unit);
            }
            last = unit;
            i++;
        }
        if (last == null) {
            return new NotADuration();
        }
        return tooLarge ? new TooLarge() : new Parsed(total, last);
    }

    static boolean isDuration(String text) {
        return !(parse(text) instanceof NotADuration);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static ChronoUnit unit(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'd' -> ChronoUnit.DAYS;
            case 'h' -> ChronoUnit.HOURS;
            case 'm' -> ChronoUnit.MINUTES;
            case 's' -> ChronoUnit.SECONDS;
            default -> null;
        };
    }
}
