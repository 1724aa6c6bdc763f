package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextOrderTest {
    @Test
    void numbersInsideNamesCompareByValue() {
        assertThat(TextOrder.compare("t-linux64-ms-9", "t-linux64-ms-10")).isNegative();
        assertThat(TextOrder.compare("t-linux64-ms-238", "t-linux64-ms-30")).isPositive();
        assertThat(TextOrder.compare("macmini-r8-122", "t-linux64-ms-1")).isNegative();
    }

    @Test
    void ignoresCaseAndLeadingZeros() {
        assertThat(TextOrder.compare("HOST-007", "host-7")).isZero();
        assertThat(TextOrder.compare("a0", "a00")).isZero();
    }

    @Test
    void digitsSortBeforeLettersAndAfterPunctuationAsInPlainText() {
        assertThat(TextOrder.compare("a1", "ab")).isNegative();
        assertThat(TextOrder.compare("a-", "a1")).isNegative();
        assertThat(TextOrder.compare("a", "a1")).isNegative();
    }

    @Test
    void sortsHostNamesAsAnOperatorReadsThem() {
        List<String> names =
                new ArrayList<>(List.of("host10", "host2", "Host1", "a", "host", "h99999999999999999999x"));
        names.sort(TextOrder.ORDER);
        assertThat(names).containsExactly("a", "h99999999999999999999x", "host", "Host1", "host2", "host10");
    }

    @Test
    void hugeNumbersCompareWithoutOverflow() {
        assertThat(TextOrder.compare("n" + "9".repeat(40), "n1" + "0".repeat(40)))
                .isNegative();
    }

    /**
     * compare() and the keys agree with each other and with comparing digit runs as numbers, the
     * obvious but slower way.
     */
    @Test
    void compareAndKeysAgreeWithADirectComparisonOnRandomNames() {
        Random random = new Random(11);
        String alphabet = "ab-.0123456789ZÉ";
        for (int i = 0; i < 100_000; i++) {
            String a = randomName(random, alphabet);
            String b = randomName(random, alphabet);
            int expected = Integer.signum(direct(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT)));
            assertThat(Integer.signum(TextOrder.compare(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(expected);
            assertThat(Integer.signum(TextOrder.key(a).compareTo(TextOrder.key(b))))
                    .as("keys of %s vs %s", a, b)
                    .isEqualTo(expected);
        }
    }

    private static String randomName(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static int direct(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = i;
                int endB = j;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) endA++;
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) endB++;
                int c = new java.math.BigInteger(a.substring(i, endA))
                        .compareTo(new java.math.BigInteger(b.substring(j, endB)));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else if (ca != cb) {
                return Character.compare(ca, cb);
            } else {
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
