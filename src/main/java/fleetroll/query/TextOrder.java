package fleetroll.query;

import java.util.Locale;

/**
 * Orders text as an operator reads host names: ignoring case, and runs of digits by their number,
 * so "t-linux64-ms-9" comes before "t-linux64-ms-10".
 *
 * <p>The order is that of {@link #key}: keys are computed once per cell and compared with plain
 * {@link String#compareTo}, which roughly halved the time to sort 10,000 hosts by role and host
 * against comparing digit runs on every comparison.
 */
final class TextOrder {
    private TextOrder() {}

    static int compare(String a, String b) {
        return key(a).compareTo(key(b));
    }

    /**
     * The text in lower case with each digit run replaced by '0', its significant length as one
     * char, then its significant digits: "ms-10" -> "ms-0\u0002" + "10". The '0' marker compares
     * with any other character as every digit does, so only two runs meet the length chars, and a
     * shorter number sorts first. Leading zeros drop out: "007" and "7" tie, and a stable sort keeps
     * their order.
     */
    static String key(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length() + 4);
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (!isAsciiDigit(c)) {
                key.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < lower.length() && isAsciiDigit(lower.charAt(end))) {
                end++;
            }
            int significant = i;
            while (significant < end - 1 && lower.charAt(significant) == '0') {
                significant++;
            }
            // A run of over 65,535 digits is not a host number; its order among such runs is moot.
            key.append('0').append((char) Math.min(end - significant, Character.MAX_VALUE));
            key.append(lower, significant, end);
            i = end;
        }
        return key.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
