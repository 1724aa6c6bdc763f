package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static fleetroll.monitor.Fixtures.failed;
import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.state;
import static fleetroll.monitor.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.query.FilterHistory;
import fleetroll.query.HighlightSpan;
import fleetroll.query.SavedFilter;
import fleetroll.query.SavedFilters;
import fleetroll.store.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableScreenTest {
    static final TableScreen SCREEN = new TableScreen("fleetroll 0.1.0", "hosts.list");

    static List<String> render(FleetSnapshot s, ViewState view, int width, int height) {
        MonitorTable table = MonitorTable.build(s, view.sort(), NOW);
        TableScreen.Frame frame = new TableScreen.Frame(table, view, null, null, width, height);
        ViewState clamped = view.clamp(SCREEN.page(frame));
        return SCREEN.render(new TableScreen.Frame(table, clamped, null, null, width, height)).stream()
                .map(Line::text)
                .toList();
    }

    @Test
    void headerSaysWhatIsShownAndHowFreshItIs() {
        List<String> lines = render(Fixtures.fleet(20, minutes(2)), ViewState.INITIAL, 160, 12);

        assertThat(lines.get(0)).contains("fleetroll 0.1.0", "? for help", "sort: host", "rows 1-8/20", "cols 1-");
        assertThat(lines.get(1))
                .contains("suffix .example.org", "source hosts.list", "hosts=20", "newest data 1m 00s ago")
                .doesNotContain("[stale]");
        assertThat(lines.get(2)).startsWith("HOST ").contains("ROLE", "HEALTHY");
        assertThat(lines.get(3)).startsWith("host1 ");
        assertThat(lines.get(5)).startsWith("!host3 ");
    }

    @Test
    void staleWhenNoHostHasDataYoungerThanAnHour() {
        List<FleetSnapshot> stale = List.of(fleetWithoutRecentData());
        assertThat(render(stale.get(0), ViewState.INITIAL, 160, 12).get(1)).contains("[stale]");
    }

    static FleetSnapshot fleetWithoutRecentData() {
        String host = "old.example.org";
        Observation o = ok(host, Duration.ofHours(2), state());
        return FleetSnapshot.of(
                List.of(RowBuilder.facts(
                        records(host, o, o, worker("old", w -> w.fetched(NOW.minus(Duration.ofHours(3))))),
                        Fixtures.NO_BRANCHES)),
                1);
    }

    @Test
    void rowsAreSortedAndTheSelectionIsHighlighted() {
        FleetSnapshot s = Fixtures.fleet(12, minutes(2));
        MonitorTable table = MonitorTable.build(s, SortOrder.HOST, NOW);
        List<Line> lines = SCREEN.render(new TableScreen.Frame(table, ViewState.INITIAL, null, null, 120, 16));

        assertThat(lines.get(3).text()).startsWith("host1 ");
        assertThat(lines.get(3).spans()).allMatch(span -> span.style().inverse());
        assertThat(lines.get(4).text()).startsWith("host2 ");
        assertThat(lines.get(4).spans()).noneMatch(span -> span.style().inverse());
        assertThat(lines.get(3 + 9).text()).startsWith("host10 "); // natural order: host10 after host9
    }

    @Test
    void scrollingColumnsKeepsHostFrozen() {
        ViewState scrolled = new ViewState(ViewState.Mode.TABLE, SortOrder.HOST, 0, 0, 4, 0, null);
        List<String> lines = render(Fixtures.fleet(5, minutes(2)), scrolled, 70, 10);

        assertThat(lines.get(2)).startsWith("HOST ").doesNotContain("ROLE").contains("UPTIME");
        assertThat(lines.get(3)).startsWith("host1 ");
        assertThat(lines.get(0)).contains("cols ◀5-");
    }

    @Test
    void fitsA60By15Terminal() {
        List<String> lines = render(Fixtures.fleet(30, minutes(2)), ViewState.INITIAL, 60, 15);

        assertThat(lines).hasSize(15);
        assertThat(lines).allMatch(l -> l.length() <= 60);
        assertThat(lines.get(0)).contains("rows 1-11/30");
        assertThat(lines.get(14)).isNotBlank();
    }

    @Test
    void statusLineExplainsAFailedNewestAudit() {
        ViewState onHost3 = new ViewState(ViewState.Mode.TABLE, SortOrder.HOST, 2, 0, 0, 0, null);
        List<String> lines = render(Fixtures.fleet(5, minutes(2)), onHost3, 160, 12);

        assertThat(lines.get(11))
                .contains("host3.example.org: newest audit 1m 00s ago failed: timed_out: Connection timed out");
    }

    @Test
    void statusLineShowsAnErrorFirst() {
        MonitorTable table = MonitorTable.build(Fixtures.fleet(2, minutes(2)), SortOrder.HOST, NOW);
        List<Line> lines = SCREEN.render(
                new TableScreen.Frame(table, ViewState.INITIAL, null, "cannot read the store: locked", 100, 8));
        assertThat(lines.get(7).text()).contains("cannot read the store: locked");
    }

    @Test
    void beforeTheFirstLoadSaysLoading() {
        MonitorTable table = MonitorTable.build(FleetSnapshot.EMPTY, SortOrder.HOST, NOW);
        List<Line> lines = SCREEN.render(new TableScreen.Frame(table, ViewState.INITIAL, null, null, 100, 8));
        assertThat(lines.get(0).text()).contains("rows 0/0");
        assertThat(lines.get(1).text()).contains("loading…");
    }

    @Test
    void detailShowsTheHostsFieldsAndHistory() {
        FleetSnapshot s = Fixtures.fleet(5, minutes(2));
        String host = "host3.example.org";
        ViewState detail = new ViewState(ViewState.Mode.DETAIL, SortOrder.HOST, 2, 0, 0, 0, host);
        MonitorTable table = MonitorTable.build(s, SortOrder.HOST, NOW);
        HostDetail history = new HostDetail(
                host,
                List.of(failed(host, minutes(1), "timed_out", "Connection timed out"), ok(host, minutes(2), state())),
                null,
                null);
        List<String> lines = SCREEN.render(new TableScreen.Frame(table, detail, history, null, 120, 40)).stream()
                .map(Line::text)
                .toList();

        assertThat(lines.get(0)).contains("detail of host3.example.org");
        assertThat(String.join("\n", lines))
                .contains(
                        "newest audit",
                        "FAILED timed_out: Connection timed out",
                        "values from",
                        "role",
                        "puppet last run",
                        "taskcluster",
                        "last 20 audits:");
        assertThat(lines.stream().filter(l -> l.contains("(1m 00s ago)  FAILED")))
                .hasSize(2); // newest + history
    }

    @Test
    void helpListsKeysAndColumns() {
        ViewState help = new ViewState(ViewState.Mode.HELP, SortOrder.HOST, 0, 0, 0, 0, null);
        String text = String.join("\n", render(Fixtures.fleet(2, minutes(2)), help, 120, 60));
        assertThat(text).contains("Keys", "Enter", "Columns", "HEALTHY", "TC_T_DUR");
    }

    static TableScreen.Frame filtered(FleetSnapshot s, FilterState filters, int width, int height) {
        MonitorTable table = MonitorTable.build(s, SortOrder.HOST, filters.active(), NOW);
        TableScreen.Frame frame = new TableScreen.Frame(table, ViewState.INITIAL, null, null, filters, width, height);
        ViewState clamped = ViewState.INITIAL.clamp(SCREEN.page(frame));
        return new TableScreen.Frame(table, clamped, null, null, filters, width, height);
    }

    static FilterState applied(String query) {
        return FilterState.start(TableFilter.of(Column.queryParser().parse(query)), FilterHistory.EMPTY);
    }

    @Test
    void headerShowsTheActiveFilterAndHostsShownOfTotal() {
        FilterState filters = applied("role=role_a sort:host:desc").onTableKey(Key.CYCLE_OS, () -> null);
        List<String> lines = SCREEN.render(filtered(Fixtures.fleet(20, minutes(2)), filters, 160, 12)).stream()
                .map(Line::text)
                .toList();

        assertThat(lines.get(0)).contains("sort: host:desc");
        assertThat(lines.get(1)).contains("hosts=11/20", "filter role=role_a sort:host:desc · Linux only");
        assertThat(lines.get(3)).startsWith("host20 "); // the query's sort
    }

    @Test
    void valueColoursDoNotChangeWhenAFilterHidesRows() {
        FleetSnapshot s = Fixtures.fleet(20, minutes(2));
        MonitorTable all = MonitorTable.build(s, SortOrder.HOST, NOW);
        MonitorTable some = MonitorTable.build(
                s, SortOrder.HOST, TableFilter.of(Column.queryParser().parse("host~host1")), NOW);
        MonitorRow host12 = all.rows().get(all.indexOf("host12.example.org"));

        List<Column> columns = List.of(Column.HOST, Column.ROLE);
        Line before = all.layout().row(host12, columns);
        Line after = some.layout().row(some.rows().get(some.indexOf("host12.example.org")), columns);
        Style roleBefore = before.spans().stream()
                .filter(sp -> sp.text().startsWith("role_"))
                .findFirst()
                .orElseThrow()
                .style();
        Style roleAfter = after.spans().stream()
                .filter(sp -> sp.text().startsWith("role_"))
                .findFirst()
                .orElseThrow()
                .style();
        assertThat(roleAfter).isEqualTo(roleBefore);
        assertThat(roleBefore.hasColour()).isTrue();
    }

    @Test
    void saysWhenNoHostMatches() {
        List<String> lines =
                SCREEN.render(filtered(Fixtures.fleet(5, minutes(2)), applied("role=nothing"), 120, 10)).stream()
                        .map(Line::text)
                        .toList();
        assertThat(lines.get(1)).contains("hosts=0/5");
        assertThat(lines.get(3)).contains("no host matches the filter");
    }

    @Test
    void openFilterLineShowsTheTextColouredWithUnknownColumnsStandingOut() {
        FilterState filters = applied("os=L").onTableKey(Key.FILTER, () -> null);
        for (char c : " nosuch=1".toCharArray()) {
            filters = filters.onLineKey(EditKey.TYPE, String.valueOf(c));
        }
        List<Line> lines = SCREEN.render(filtered(Fixtures.fleet(5, minutes(2)), filters, 100, 12));

        Line input = lines.get(11);
        assertThat(input.text()).isEqualTo("/os=L nosuch=1 ");
        assertThat(styleOf(input, "nosuch")).isEqualTo(TableScreen.highlight(HighlightSpan.Kind.UNKNOWN_COLUMN));
        assertThat(styleOf(input, "os")).isEqualTo(TableScreen.highlight(HighlightSpan.Kind.COLUMN));
        assertThat(input.spans().getLast().style().inverse())
                .as("the cursor at the end")
                .isTrue();
        assertThat(lines.get(10).text()).contains("bad query at position 6 (nosuch=1): unknown column \"nosuch\"");
        assertThat(lines.get(0).text()).contains("rows 1-5/5"); // the table stays, one row shorter
    }

    @Test
    void aLongFilterLineScrollsToKeepTheCursorInView() {
        FilterState filters = applied("os=L").onTableKey(Key.FILTER, () -> null);
        filters = filters.onLineKey(EditKey.TYPE, " role~" + "x".repeat(100) + "END");
        Line input = SCREEN.render(filtered(Fixtures.fleet(5, minutes(2)), filters, 40, 12))
                .get(11);
        assertThat(input.text()).hasSize(40).endsWith("xEND ");
    }

    private static Style styleOf(Line line, String text) {
        return line.spans().stream()
                .filter(sp -> sp.text().contains(text))
                .findFirst()
                .orElseThrow()
                .style();
    }

    @Test
    void pickerListsSavedFiltersThenRecentQueriesAndNamesBrokenFiles() {
        SavedFilter stale = new SavedFilter(
                "stale", Column.queryParser().parse("pp_last>20h"), "Puppet is late", Path.of("stale.yaml"));
        FilterState filters = FilterState.start(TableFilter.NONE, FilterHistory.EMPTY.add("os=M"))
                .onTableKey(
                        Key.PICK_FILTER,
                        () -> new SavedFilters.Loaded(List.of(stale), List.of("bad.yaml: not valid YAML")));
        List<String> lines = SCREEN.render(filtered(Fixtures.fleet(5, minutes(2)), filters, 100, 12)).stream()
                .map(Line::text)
                .toList();

        assertThat(lines.get(0)).contains("filters", "2 of 2");
        assertThat(lines.get(2)).contains("stale", "pp_last>20h", "Puppet is late");
        assertThat(lines.get(3)).contains("recent", "os=M");
        assertThat(lines.get(11)).contains("bad.yaml: not valid YAML");
    }

    @Test
    void pickerCutsLongNamesToTwentyFourColumnsAndShowsNoControlCharacters() {
        SavedFilter longName = new SavedFilter(
                "late\u001b" + "x".repeat(30), Column.queryParser().parse("pp_last>20h"), "", Path.of("late.yaml"));
        FilterState filters = FilterState.start(TableFilter.NONE, FilterHistory.EMPTY.add("os=M"))
                .onTableKey(Key.PICK_FILTER, () -> new SavedFilters.Loaded(List.of(longName), List.of()));
        List<String> lines = SCREEN.render(filtered(Fixtures.fleet(5, minutes(2)), filters, 100, 12)).stream()
                .map(Line::text)
                .toList();

        assertThat(lines.get(2)).startsWith("  late\uFFFD" + "x".repeat(18) + "…  pp_last>20h");
        assertThat(lines.get(3)).startsWith("  recent" + " ".repeat(18) + "  os=M");
    }

    @Test
    void helpListsTheFilterKeysAndTheQueryLanguage() {
        ViewState help = new ViewState(ViewState.Mode.HELP, SortOrder.HOST, 0, 0, 0, 0, null);
        String text = String.join("\n", render(Fixtures.fleet(2, minutes(2)), help, 120, 80));
        assertThat(text).contains("/  ", "f  ", "Filter line", "Queries", "sort:pp_last:desc", "HOST: hostname, name;");
    }
}
