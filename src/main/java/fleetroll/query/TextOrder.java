package fleetroll.query;

/**
 * Orders text as an operator reads host names: ignoring case, and runs of digits by their number,
 * so "t-linux64-ms-9" comes before "t-linux64-ms-10". Both arguments must be lower case already.
 */
final class TextOrder {
    private TextOrder() {}

    static int compareLower(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isAsciiDigit(ca) && isAsciiDigit(cb)) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int byNumber = compareDigitRuns(a, i, endA, b, j, endB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitRunEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isAsciiDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** By value without parsing (runs may be longer than a long): fewer significant digits is less. */
    private static int compareDigitRuns(String a, int startA, int endA, String b, int startB, int endB) {
        while (startA < endA - 1 && a.charAt(startA) == '0') {
            startA++;
        }
        while (startB < endB - 1 && b.charAt(startB) == '0') {
            startB++;
        }
        int byLength = Integer.compare(endA - startA, endB - startB);
        if (byLength != 0) {
            return byLength;
        }
        for (; startA < endA; startA++, startB++) {
            int byDigit = Character.compare(a.charAt(startA), b.charAt(startB));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0; // "007" and "7" are equal here; a stable sort keeps their input order
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
