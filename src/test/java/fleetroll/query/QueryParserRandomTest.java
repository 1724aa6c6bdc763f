package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fleetroll.monitor.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated queries: the parser never throws anything but a QueryException with a position. */
class QueryParserRandomTest {
    private static final long SEED = 20_260_501L;
    private static final QueryParser PARSER = Column.queryParser();
    private static final String[] PIECES = {
        "os",
        "role",
        "pp_last",
        "uptime",
        "host",
        "healthy",
        "tc_quar",
        "data",
        "sort:",
        "sort",
        ":desc",
        ":asc",
        ",",
        "=",
        "!=",
        "~",
        "!~",
        "<",
        ">",
        "<=",
        ">=",
        "!",
        "|",
        "?",
        "\"",
        "'",
        " ",
        "  ",
        "\t",
        "\n",
        "2h",
        " 05m",
        "1d",
        "04h",
        "30",
        "m",
        "L",
        "y",
        "yes",
        "-",
        "_",
        "9999999999",
        "\u00a0",
        "é",
        "\uD83D\uDE00",
        "\uD83D",
        "\uDE00",
        "\u0000",
        "\u001b[2J",
        "\u202e",
        "İ",
        "ß"
    };
    private static final List<String> VALID = List.of(
            "os=L ovr_sha!= pp_last>20h",
            "tc_quar=yes sort:tc_act:desc",
            "tc_act<1h data>1h",
            "pp_last>2h 05m role~talos|osx sort:role,host:desc",
            "uptime=1d 04h|?",
            "role=\"a b\" host!~'x|y'");
    private static final List<Row> ROWS = List.of(
            Row.host("a").with("OS", "L").with("PP_LAST", Duration.ofHours(3)).with("ROLE", "talos"),
            Row.host("b").with("PP_LAST", "FAIL").with("TC_QUAR", "YES"),
            Row.host("c").neverAudited());

    @Test
    void randomTextParsesOrFailsWithAPosition() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            check(i % 4 == 0 ? randomChars(random) : randomPieces(random));
        }
    }

    @Test
    void mutatedValidQueriesParseOrFailWithAPosition() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(4)));
                    default ->
                        text.replace(at, Math.min(text.length(), at + 1), String.valueOf((char) random.nextInt(128)));
                }
            }
            check(text.toString());
        }
    }

    @Test
    void generatedSetContainsBothOutcomes() {
        Random random = new Random(SEED);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 2_000; i++) {
            if (PARSER.analyse(randomPieces(random)).isValid()) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid).as("valid").isGreaterThan(50);
        assertThat(invalid).as("invalid").isGreaterThan(50);
    }

    private static void check(String text) {
        QueryAnalysis analysis;
        try {
            analysis = PARSER.analyse(text);
        } catch (RuntimeException e) {
            throw new AssertionError("analyse threw on " + quoted(text), e);
        }
        checkSpans(text, analysis.spans());
        try {
            Query query = PARSER.parse(text);
            assertThat(analysis.isValid()).as(quoted(text)).isTrue();
            query.apply(ROWS);
        } catch (QueryException e) {
            assertThat(analysis.error()).as(quoted(text)).contains(e.error());
            QueryError error = e.error();
            if (error.offset() > text.length() || error.offset() + error.length() > text.length()) {
                fail("error span %d+%d outside %s", error.offset(), error.length(), quoted(text));
            }
            assertThat(e.getMessage()).startsWith("bad query at position ").doesNotContain("\n", "\u001b");
        } catch (RuntimeException e) {
            throw new AssertionError("parse threw " + e + " on " + quoted(text), e);
        }
    }

    private static void checkSpans(String text, List<HighlightSpan> spans) {
        int previousEnd = 0;
        for (HighlightSpan span : spans) {
            if (span.start() < previousEnd || span.end() > text.length() || span.end() <= span.start()) {
                fail("bad span %s after %d in %s", span, previousEnd, quoted(text));
            }
            previousEnd = span.end();
        }
    }

    private static String randomPieces(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** Any UTF-16 code units, unpaired surrogates and controls included. */
    private static String randomChars(Random random) {
        char[] chars = new char[random.nextInt(40)];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = random.nextBoolean() ? (char) (32 + random.nextInt(95)) : (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    private static String quoted(String text) {
        List<String> escaped = new ArrayList<>();
        text.chars()
                .forEach(c -> escaped.add(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return "\"" + String.join("", escaped) + "\"";
    }
}
