package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.monitor.Column;
import fleetroll.query.HighlightSpan.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryHighlightTest {
    private final QueryParser parser = Column.queryParser();

    /** Each span as "text:KIND", so a failure shows which part was coloured how. */
    private List<String> spans(String text) {
        return parser.analyse(text).spans().stream()
                .map(s -> text.substring(s.start(), s.end()) + ":" + s.kind())
                .toList();
    }

    @Test
    void coloursColumnsOperatorsAndValues() {
        assertThat(spans("os=L|M pp_last>2h 05m"))
                .containsExactly(
                        "os:COLUMN",
                        "=:OPERATOR",
                        "L:VALUE",
                        "|:SEPARATOR",
                        "M:VALUE",
                        "pp_last:COLUMN",
                        ">:OPERATOR",
                        "2h 05m:VALUE");
    }

    @Test
    void unknownColumnStandsOutAndItsValueStaysAValue() {
        assertThat(spans("foo=bar")).containsExactly("foo:UNKNOWN_COLUMN", "=:OPERATOR", "bar:VALUE");
    }

    @Test
    void wordStillBeingTypedIsIncompleteUntilNoColumnCouldMatch() {
        assertThat(spans("pp_l")).containsExactly("pp_l:INCOMPLETE");
        assertThat(spans("ppx")).containsExactly("ppx:UNKNOWN_COLUMN");
        assertThat(parser.analyse("pp_l").isValid()).isFalse();
    }

    @Test
    void refusedValueIsInvalid() {
        assertThat(spans("pp_last>abc")).containsExactly("pp_last:COLUMN", ">:OPERATOR", "abc:INVALID");
        assertThat(spans("os=L|windows"))
                .containsExactly("os:COLUMN", "=:OPERATOR", "L:VALUE", "|:SEPARATOR", "windows:INVALID");
    }

    @Test
    void quotesBelongToTheValue() {
        assertThat(spans("role=\"a b\"")).containsExactly("role:COLUMN", "=:OPERATOR", "\"a b\":VALUE");
        assertThat(spans("role=\"a b")).containsExactly("role:COLUMN", "=:OPERATOR", "\"a b:INVALID");
    }

    @Test
    void sortTermHasKeywordColumnsAndDirections() {
        assertThat(spans("sort:pp_last:desc,nope"))
                .containsExactly(
                        "sort::SORT_KEYWORD",
                        "pp_last:COLUMN",
                        "::SEPARATOR",
                        "desc:SORT_DIRECTION",
                        ",:SEPARATOR",
                        "nope:UNKNOWN_COLUMN");
    }

    @Test
    void textAfterAnErrorIsStillColoured() {
        assertThat(spans("x os=L")).containsExactly("x:UNKNOWN_COLUMN", "os:COLUMN", "=:OPERATOR", "L:VALUE");
    }

    @Test
    void blanksAreNotSpans() {
        List<HighlightSpan> spans = parser.analyse("  os=L  ").spans();
        assertThat(spans.getFirst().start()).isEqualTo(2);
        assertThat(spans.getLast().end()).isEqualTo(6);
        assertThat(spans).extracting(HighlightSpan::kind).containsExactly(Kind.COLUMN, Kind.OPERATOR, Kind.VALUE);
    }
}
