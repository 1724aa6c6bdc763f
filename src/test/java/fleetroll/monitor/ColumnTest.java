package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

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
    void namesAndAliasesIgnoreCase() {
        assertThat(Column.named("pp_last")).contains(Column.PP_LAST);
        assertThat(Column.named(" Healthy ")).contains(Column.HEALTHY);
        assertThat(Column.named("health")).contains(Column.HEALTHY);
        assertThat(Column.named("OVERRIDE")).contains(Column.OVR_SHA);
        assertThat(Column.named("nope")).isEmpty();
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
            if (c.kind() == Column.Kind.TIME) {
                assertThat(v).as(c.name()).isInstanceOf(CellValue.Time.class);
            } else {
                assertThat(v).as(c.name()).isNotInstanceOf(CellValue.Time.class);
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
