package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.query.CellValue;
import fleetroll.query.ColumnKind;
import fleetroll.query.QueryColumn;
import fleetroll.store.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void columnsAreInTheIssuesOrder() {
        assertThat(Arrays.stream(Column.values()).map(Column::header))
                .containsExactly(
                        "HOST",
                        "OS",
                        "ROLE",
                        "VLT_SHA",
                        "OVR_SHA",
                        "UPTIME",
                        "PP_LAST",
                        "PP_SHA",
                        "APPLIED",
                        "TC_ACT",
                        "TC_T_DUR",
                        "TC_QUAR",
                        "DATA",
                        "HEALTHY");
    }

    @Test
    void queriesNameColumnsByNameOrAliasIgnoringCase() {
        assertThat(Column.catalogue().find("pp_last")).contains(Column.PP_LAST.query());
        assertThat(Column.catalogue().find("Healthy")).contains(Column.HEALTHY.query());
        assertThat(Column.catalogue().find("health")).contains(Column.HEALTHY.query());
        assertThat(Column.catalogue().find("OVERRIDE")).contains(Column.OVR_SHA.query());
        assertThat(Column.catalogue().find("nope")).isEmpty();
        assertThat(Column.catalogue().columns())
                .extracting(QueryColumn::name)
                .containsExactly(
                        Arrays.stream(Column.values()).map(Column::name).toArray(String[]::new));
    }

    @Test
    void everyColumnIsReachableFromARowByItsName() {
        MonitorRow row = Fixtures.healthyRow("h1.example.org");
        for (Column c : Column.values()) {
            assertThat(row.value(c.name())).as(c.name()).isEqualTo(c.value(row));
        }
        assertThat(row.value("NO_SUCH_COLUMN")).isEqualTo(CellValue.MISSING);
    }

    @Test
    void dataFiltersOnTheOlderOfTheAuditAndTaskclusterAges() {
        Observation o = ok("a.org", minutes(2), state());
        MonitorRow oldWorker =
                row(records("a.org", o, o, Fixtures.worker("a", w -> w.fetched(Fixtures.ago(minutes(50))))));
        MonitorRow noWorker = row(records("a.org", o, o, null));

        assertThat(Column.DATA.value(oldWorker)).isEqualTo(CellValue.elapsed(minutes(50)));
        assertThat(Column.DATA.value(noWorker)).isEqualTo(CellValue.elapsed(minutes(2)));
        assertThat(Column.queryParser().parse("data>30m").matches(oldWorker)).isTrue();
        assertThat(Column.queryParser().parse("data>30m").matches(noWorker)).isFalse();
    }

    @Test
    void aliasesAreUniqueAndLowerCase() {
        List<String> names = new ArrayList<>();
        for (Column c : Column.values()) {
            names.add(c.name().toLowerCase());
            names.addAll(c.aliases());
            c.aliases().forEach(a -> assertThat(a).isLowerCase());
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void timeColumnsHaveTimeValues() {
        MonitorRow row = Fixtures.healthyRow("h1.example.org");
        for (Column c : Column.values()) {
            CellValue v = c.value(row);
            if (c.kind() == ColumnKind.DURATION) {
                assertThat(v).as(c.name()).isInstanceOf(CellValue.Elapsed.class);
            } else {
                assertThat(v).as(c.name()).isNotInstanceOf(CellValue.Elapsed.class);
            }
        }
    }

    @Test
    void sortsByTypedValuesWithMissingValuesLast() {
        Observation recent = ok("a.org", minutes(5), state(s -> s.puppet(Fixtures.ago(minutes(5)), true)));
        Observation old = ok("b.org", minutes(5), state(s -> s.puppet(Fixtures.ago(Duration.ofHours(10)), true)));
        Observation noRun = ok("c.org", minutes(5), state(s -> s.puppet(null, null)));
        List<MonitorRow> rows = new ArrayList<>(List.of(
                row(records("d.org", null, null, null)),
                row(records("c.org", noRun, noRun, null)),
                row(records("b.org", old, old, null)),
                row(records("a.org", recent, recent, null))));
        rows.sort(Column.PP_LAST.order());

        // "10h 00m" sorts after "5m 00s": by duration, not by text.
        assertThat(rows).extracting(MonitorRow::host).containsExactly("a.org", "b.org", "c.org", "d.org");
    }

    @Test
    void hostOrderIsNatural() {
        List<MonitorRow> rows = new ArrayList<>(List.of(
                Fixtures.healthyRow("host10.x.org"),
                Fixtures.healthyRow("host9.x.org"),
                Fixtures.healthyRow("Host1.x.org")));
        rows.sort(SortOrder.HOST.comparator());
        assertThat(rows).extracting(MonitorRow::host).containsExactly("Host1.x.org", "host9.x.org", "host10.x.org");
    }

    @Test
    void sortCyclesThroughHostRoleOverrideHealth() {
        assertThat(SortOrder.HOST.next()).isEqualTo(SortOrder.ROLE);
        assertThat(SortOrder.ROLE.next()).isEqualTo(SortOrder.OVERRIDE);
        assertThat(SortOrder.OVERRIDE.next()).isEqualTo(SortOrder.HEALTH);
        assertThat(SortOrder.HEALTH.next()).isEqualTo(SortOrder.HOST);
    }

    @Test
    void healthSortPutsProblemsFirst() {
        Observation failedPuppet = ok("a.org", minutes(1), state(s -> s.puppet(Fixtures.ago(minutes(1)), false)));
        List<MonitorRow> rows = new ArrayList<>(List.of(
                Fixtures.healthyRow("b.org"),
                row(records("c.org", null, null, null)),
                row(records("a.org", failedPuppet, failedPuppet, Fixtures.worker("a")))));
        rows.sort(SortOrder.HEALTH.comparator());
        assertThat(rows).extracting(r -> r.healthy().code()).containsExactly("N", "?", "Y");
    }
}
