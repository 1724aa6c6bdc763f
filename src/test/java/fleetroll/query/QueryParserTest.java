package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fleetroll.BadInputException;
import fleetroll.monitor.Column;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {
    private final QueryParser parser = Column.queryParser();

    private List<String> terms(String text) {
        return parser.parse(text).conditions().stream().map(Condition::toString).toList();
    }

    private QueryError errorOf(String text) {
        return catchThrowableOfType(QueryException.class, () -> parser.parse(text))
                .error();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n", "\u00a0"})
    void blankTextIsTheEmptyQuery(String text) {
        Query query = parser.parse(text);
        assertThat(query.isEmpty()).isTrue();
        assertThat(query.text()).isEqualTo(text);
    }

    @Test
    void readsEveryOperator() {
        assertThat(terms("role=a role!=b role~c role!~d host<e host>f host<=g host>=h"))
                .containsExactly("ROLE=a", "ROLE!=b", "ROLE~c", "ROLE!~d", "HOST<e", "HOST>f", "HOST<=g", "HOST>=h");
    }

    @Test
    void namesAndAliasesIgnoreCase() {
        assertThat(terms("Role~web PP_LAST>1h puppet<2h Health=y ovr_bch!= tc_j_sf>5m hostname~ms"))
                .containsExactly(
                        "ROLE~web",
                        "PP_LAST>1h 00m",
                        "PP_LAST<2h 00m",
                        "HEALTHY=Y",
                        "OVR_SHA!=",
                        "TC_T_DUR>5m 00s",
                        "HOST~ms");
    }

    @Test
    void everyMonitorColumnAnswersToItsOwnName() {
        for (QueryColumn column : Column.catalogue().columns()) {
            assertThat(parser.parse(column.name() + "=").conditions().getFirst().column())
                    .isEqualTo(column);
        }
    }

    @Test
    void alternativesAreSplitOnBars() {
        Condition os = parser.parse("os=L|mac").conditions().getFirst();
        assertThat(os.values()).containsExactly(new QueryValue.Text("L"), new QueryValue.Text("M"));
    }

    @Test
    void columnWithoutValueMeansMissing() {
        assertThat(parser.parse("ovr_sha=").conditions().getFirst().values()).containsExactly(new QueryValue.Missing());
        assertThat(parser.parse("ovr_sha!=").conditions().getFirst().operator()).isEqualTo(Operator.NOT_EQUALS);
    }

    @Test
    void bareQuestionMarkIsNeverAuditedButQuotedIsText() {
        assertThat(parser.parse("role=?").conditions().getFirst().values())
                .containsExactly(new QueryValue.NeverAudited());
        assertThat(parser.parse("role=\"?\"").conditions().getFirst().values())
                .containsExactly(new QueryValue.Text("?"));
    }

    @Test
    void emptyAlternativeMeansMissing() {
        assertThat(parser.parse("ovr_sha=|abc").conditions().getFirst().values())
                .containsExactly(new QueryValue.Missing(), new QueryValue.Text("abc"));
    }

    @Test
    void durationsKeepThePrecisionWritten() {
        assertThat(parser.parse("pp_last=2h 05m").conditions().getFirst().values())
                .containsExactly(new QueryValue.Span(Duration.ofMinutes(125), ChronoUnit.MINUTES));
        assertThat(parser.parse("uptime>=2d").conditions().getFirst().values())
                .containsExactly(new QueryValue.Span(Duration.ofDays(2), ChronoUnit.DAYS));
    }

    @Test
    void tableDurationWithBlankContinuesOnlyAfterADurationOfATimeColumn() {
        assertThat(terms("pp_last>2h 05m tc_act<1d 04h os=L")).hasSize(3);
        assertThat(terms("uptime=1d|2d 04h")).singleElement().isEqualTo("UPTIME=1d 00h|2d 04h");
        assertThat(terms("uptime=1d 04h|2d 05h|3h")).singleElement().isEqualTo("UPTIME=1d 04h|2d 05h|3h 00m");
        assertThat(errorOf("role=x1d 04h").offset()).isEqualTo(9); // "04h" is not a term after text
        assertThat(errorOf("pp_last>fail 04h").offset()).isEqualTo(8);
    }

    @Test
    void quotesKeepBlanksAndBarsInsideAValue() {
        assertThat(parser.parse("pp_last>\"2h 05m\"").conditions().getFirst().values())
                .containsExactly(new QueryValue.Span(Duration.ofMinutes(125), ChronoUnit.MINUTES));
        assertThat(parser.parse("role='a b|c'|d").conditions().getFirst().values())
                .containsExactly(new QueryValue.Text("a b|c"), new QueryValue.Text("d"));
    }

    @Test
    void textOnATimeColumnMatchesWhatTheCellShowsInsteadOfAnAge() {
        assertThat(parser.parse("pp_last=fail").conditions().getFirst().values())
                .containsExactly(new QueryValue.Text("fail"));
    }

    @Test
    void flagValuesAcceptTheirSpellings() {
        assertThat(terms("os=linux|macos healthy=no applied=yes tc_quar=y"))
                .containsExactly("OS=L|M", "HEALTHY=N", "APPLIED=Y", "TC_QUAR=YES");
    }

    @Test
    void sortTakesColumnsAndDirectionsAnywhere() {
        Query query = parser.parse("SORT:pp_last:DESC,host os=L");
        assertThat(query.sortKeys()).extracting(SortKey::toString).containsExactly("PP_LAST:desc", "HOST:asc");
        assertThat(query.conditions()).hasSize(1);
    }

    @Test
    void queryKeepsItsTextForTheHeaderAndHistory() {
        assertThat(parser.parse("  os=L  sort:host ").text()).isEqualTo("  os=L  sort:host ");
    }

    @Test
    void errorIsBadInputWithPositionAndTerm() {
        assertThatThrownBy(() -> parser.parse("os=L pp_last>abc"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("bad query at position 14 (pp_last>abc): \"abc\" is not a duration;"
                        + " write 30m, 1h30m, 2d or 2h 05m");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '#',
            quoteCharacter = '`',
            value = {
                // query                # offset # length # reason contains
                "pp_lst>20h             # 0  # 6 # unknown column \"pp_lst\"; columns are HOST, OS, ROLE",
                "os=L foo=bar           # 5  # 3 # unknown column \"foo\"",
                "role                   # 0  # 4 # \"role\" needs an operator",
                "pp_last > 20h          # 0  # 7 # no blanks around an operator: write pp_last>",
                "=x                     # 0  # 2 # a column name must come before the operator",
                "\"role\"=x             # 0  # 8 # expected COLUMN OP VALUE",
                "role!x                 # 4  # 1 # expected an operator",
                "role:web               # 4  # 1 # expected an operator",
                "role~                  # 5  # 0 # ~ needs a value",
                "uptime<                # 7  # 0 # < needs a value",
                "pp_last>abc            # 8  # 3 # \"abc\" is not a duration",
                "pp_last>20             # 8  # 2 # \"20\" needs a unit: 20m, 20h or 20d",
                "uptime=20              # 7  # 2 # needs a unit",
                "pp_last>1h|2h          # 10 # 1 # \"|\" lists alternatives for =, !=, ~ and !~, not for >",
                "uptime~2d              # 7  # 2 # ~ looks for text",
                "os>L                   # 2  # 1 # OS has no order",
                "os=windows             # 3  # 7 # \"windows\" is not a value of OS: L (linux), M (mac, macos, darwin, osx)",
                "tc_quar=no             # 8  # 2 # YES (y); tc_quar= for none",
                "role>?                 # 5  # 1 # \"?\" (never audited) has no order",
                "role~a|                # 7  # 0 # empty value",
                "role=\"abc             # 5  # 4 # unterminated quote",
                "uptime>99999999999d    # 7  # 12 # too large",
                "sort:                  # 0  # 5 # sort: needs a column",
                "sort                   # 0  # 4 # sort needs a colon",
                "sort=host              # 0  # 4 # to sort, write sort:COLUMN",
                "sort:nope              # 5  # 4 # unknown column \"nope\"",
                "sort:host:up           # 10 # 2 # expected asc or desc",
                "sort:host:             # 10 # 0 # expected asc or desc",
                "sort:host,,role        # 10 # 0 # empty column in sort: list",
                "sort:host,             # 10 # 0 # empty column in sort: list",
                "sort::asc              # 5  # 0 # sort: needs a column before",
                "sort:host sort:role    # 10 # 9 # sort: appears twice",
                "os=L 05m               # 5  # 3 # \"05m\" is not a term: a duration continues a time column's value",
                "xyz                    # 0  # 3 # unknown column \"xyz\"; columns are",
            })
    void errorPointsAtTheOffendingPart(String query, int offset, int length, String reason) {
        QueryError error = errorOf(query);
        assertThat(error.reason()).contains(reason);
        assertThat(error.offset()).as("offset").isEqualTo(offset);
        assertThat(error.length()).as("length").isEqualTo(length);
    }

    @Test
    void firstErrorWinsAndNothingIsApplied() {
        QueryAnalysis analysis = parser.analyse("os=L bad=1 pp_last>x");
        assertThat(analysis.query()).isEmpty();
        assertThat(analysis.error()).get().extracting(QueryError::offset).isEqualTo(5);
        assertThat(analysis.error().get().term()).isEqualTo("bad=1");
    }

    @Test
    void errorMessageIsOneLineWithoutControlCharacters() {
        String message = catchThrowableOfType(QueryException.class, () -> parser.parse("ro\u001b[2Jle"))
                .getMessage();
        assertThat(message).doesNotContain("\u001b").doesNotContain("\n");
    }

    @Test
    void errorMessageClipsAHugeTerm() {
        String message = catchThrowableOfType(QueryException.class, () -> parser.parse("role>" + "x|".repeat(500_000)))
                .getMessage();
        assertThat(message).hasSizeLessThan(300);
    }

    @Test
    void customCatalogueRejectsNamesAnsweringToTwoColumns() {
        assertThatThrownBy(() -> ColumnCatalogue.of(List.of(QueryColumn.text("A", "x"), QueryColumn.text("B", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"x\" names both A and B");
    }
}
