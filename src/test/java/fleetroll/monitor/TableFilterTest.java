package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {
    static MonitorRow host(String host, String os, String role, String overrideSha) {
        Observation o = ok(
                host,
                minutes(2),
                state(s -> s.os(os).role(role).override(overrideSha, overrideSha == null ? null : NOW)));
        return row(records(host, o, o, null));
    }

    static final List<MonitorRow> ROWS = List.of(
            host("a.org", "Linux", "web", Fixtures.SHA_A),
            host("b.org", "Darwin", "web", null),
            host("c.org", "Linux", "db", null),
            host("d.org", "Darwin", "db", Fixtures.SHA_B),
            row(records("e.org", null, null, null))); // never audited

    static List<String> shown(TableFilter filter) {
        return filter.apply(ROWS).stream().map(MonitorRow::host).toList();
    }

    @Test
    void noneShowsEveryRowInTheOrderGiven() {
        assertThat(shown(TableFilter.NONE)).containsExactly("a.org", "b.org", "c.org", "d.org", "e.org");
        assertThat(TableFilter.NONE.describe()).isEmpty();
    }

    @Test
    void overrideOnlyKeepsHostsWhoseOverrideIsKnown() {
        assertThat(shown(TableFilter.NONE.toggleOverrideOnly())).containsExactly("a.org", "d.org");
        assertThat(shown(TableFilter.NONE.toggleOverrideOnly().toggleOverrideOnly()))
                .hasSize(5);
    }

    @Test
    void osCyclesThroughAllLinuxAndMacos() {
        TableFilter linux = TableFilter.NONE.nextOs();
        TableFilter mac = linux.nextOs();
        assertThat(shown(linux)).containsExactly("a.org", "c.org");
        assertThat(shown(mac)).containsExactly("b.org", "d.org");
        assertThat(mac.nextOs()).isEqualTo(TableFilter.NONE);
    }

    @Test
    void queryAndTogglesMustAllHold() {
        TableFilter filter =
                TableFilter.of(Column.queryParser().parse("role=web")).nextOs();
        assertThat(shown(filter)).containsExactly("a.org");
        assertThat(filter.describe()).isEqualTo("role=web · Linux only");
        assertThat(filter.toggleOverrideOnly().describe()).isEqualTo("role=web · override only · Linux only");
    }

    @Test
    void aQuerySortComesFirstAndTiesKeepTheOrderGiven() {
        TableFilter filter = TableFilter.of(Column.queryParser().parse("sort:role:desc"));
        assertThat(shown(filter)).containsExactly("a.org", "b.org", "c.org", "d.org", "e.org");
        filter = TableFilter.of(Column.queryParser().parse("sort:role"));
        assertThat(shown(filter)).containsExactly("c.org", "d.org", "a.org", "b.org", "e.org");
    }

    @Test
    void theHeaderNeverShowsControlCharacters() {
        TableFilter filter = TableFilter.of(Column.queryParser().parse("role=a\u001b[2Jb"));
        assertThat(filter.describe()).doesNotContain("\u001b").contains("role=a");
    }

    @Test
    void theHeaderReplacesC1ControlsToo() {
        // U+009B is CSI on terminals that read 8-bit controls: it starts a sequence as ESC [ does.
        TableFilter filter = TableFilter.of(Column.queryParser().parse("role=a\u009b2Jb"));
        assertThat(filter.describe()).isEqualTo("role=a\uFFFD2Jb");
    }
}
