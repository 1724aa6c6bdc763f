package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static fleetroll.monitor.Fixtures.SHA_A;
import static fleetroll.monitor.Fixtures.ago;
import static fleetroll.monitor.Fixtures.failed;
import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static fleetroll.monitor.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.HumanHash;
import fleetroll.store.Observation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellStylesTest {
    static final String HOST = "h1.example.org";

    static Style style(Column c, MonitorRow row) {
        List<Span> spans = CellStyles.spans(c, row, c.text(row));
        return spans.get(spans.size() - 1).style();
    }

    @ParameterizedTest(name = "DATA {0}s old is {1}")
    @CsvSource({"0, GOOD", "299, GOOD", "300, WARN", "1799, WARN", "1800, BAD", "86400, BAD"})
    void dataAgeThresholds(long seconds, String expected) {
        Observation o = ok(HOST, Duration.ofSeconds(seconds), state());
        MonitorRow row = row(records(HOST, o, o, worker("h1", w -> w.fetched(NOW))));
        assertThat(style(Column.DATA, row)).isEqualTo(named(expected));
    }

    @Test
    void dataIsAsStaleAsTheStalerOfItsTwoAges() {
        Observation o = ok(HOST, minutes(1), state());
        MonitorRow staleTc = row(records(HOST, o, o, worker("h1", w -> w.fetched(ago(minutes(40))))));
        assertThat(style(Column.DATA, staleTc)).isEqualTo(Style.BAD);
    }

    @ParameterizedTest(name = "TC_ACT {0}s is {1}")
    @CsvSource({"0, GOOD", "299, GOOD", "300, WARN", "3599, WARN", "3600, BAD"})
    void taskclusterActivityThresholds(long seconds, String expected) {
        MonitorRow row =
                row(records(HOST, null, null, worker("h1", w -> w.lastActive(ago(Duration.ofSeconds(seconds))))));
        assertThat(style(Column.TC_ACT, row)).isEqualTo(named(expected));
    }

    @ParameterizedTest(name = "PP_LAST {0}s is {1}")
    @CsvSource({"0, GOOD", "3599, GOOD", "3600, WARN", "21599, WARN", "21600, BAD"})
    void puppetAgeThresholds(long seconds, String expected) {
        Observation o = ok(HOST, minutes(1), state(s -> s.puppet(ago(Duration.ofSeconds(seconds)), true)));
        assertThat(style(Column.PP_LAST, row(records(HOST, o, o, null)))).isEqualTo(named(expected));
    }

    @Test
    void failedPuppetRunIsRedWhateverItsAge() {
        Observation o = ok(HOST, minutes(1), state(s -> s.puppet(ago(minutes(1)), false)));
        assertThat(style(Column.PP_LAST, row(records(HOST, o, o, null)))).isEqualTo(Style.BAD);
    }

    @Test
    void healthyIsGreenOrRedAndUnknownIsPlain() {
        assertThat(style(Column.HEALTHY, Fixtures.healthyRow(HOST))).isEqualTo(Style.GOOD);
        Observation o = ok(HOST, minutes(1), state(s -> s.puppet(ago(minutes(1)), false)));
        assertThat(style(Column.HEALTHY, row(records(HOST, o, o, worker("h1")))))
                .isEqualTo(Style.BAD);
        assertThat(style(Column.HEALTHY, row(records(HOST, null, null, null)))).isEqualTo(Style.PLAIN);
    }

    @Test
    void missingValuesArePlain() {
        MonitorRow never = row(records(HOST, null, null, null));
        for (Column c : Column.values()) {
            assertThat(style(c, never)).as(c.name()).isEqualTo(Style.PLAIN);
        }
    }

    @Test
    void hostWhoseNewestAuditFailedIsRed() {
        Observation good = ok(HOST, minutes(9), state());
        MonitorRow row = row(records(HOST, failed(HOST, minutes(1), "timed_out", ""), good, null));
        assertThat(style(Column.HOST, row)).isEqualTo(Style.BAD);
    }

    @Test
    void equalRolesShareAColourThatDependsOnlyOnTheValue() {
        Observation a = ok(HOST, minutes(1), state(s -> s.role("gecko_t_linux_talos")));
        Observation b = ok("h2.example.org", minutes(7), state(s -> s.role("gecko_t_linux_talos")));
        Style first = style(Column.ROLE, row(records(HOST, a, a, null)));

        assertThat(first.hasColour()).isTrue();
        assertThat(style(Column.ROLE, row(records("h2.example.org", b, b, null))))
                .isEqualTo(first);
        assertThat(Style.forValue("gecko_t_linux_talos")).isEqualTo(first); // same in any session, any filter
    }

    @Test
    void distinctValuesMostlyGetDistinctColours() {
        long colours = List.of(
                        "gecko_t_linux_talos",
                        "gecko_t_linux_2404_talos",
                        "gecko_t_osx_1500_m4",
                        "gecko_t_linux_netperf")
                .stream()
                .map(Style::forValue)
                .distinct()
                .count();
        assertThat(colours).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyTheHumanHashOfAShaIsColoured() {
        Observation o = ok(HOST, minutes(1), state(s -> s.override(SHA_A, ago(Duration.ofHours(1)))));
        MonitorRow row = row(records(HOST, o, o, null));
        List<Span> spans = CellStyles.spans(Column.OVR_SHA, row, Column.OVR_SHA.text(row));
        String human = HumanHash.ofSha256Hex(SHA_A);

        assertThat(spans).containsExactly(Span.plain("aaaaaaaa "), new Span(human, Style.forValue(human)));
    }

    @Test
    void thresholdColoursAreNotInTheValuePalette() {
        for (String v : List.of("a", "b", "c", "role_a", "role_b", "x1", "x2", "x3", "freddie-arkansas")) {
            assertThat(Style.forValue(v).foreground()).isNotIn(1, 2, 3);
        }
    }

    private static Style named(String name) {
        return switch (name) {
            case "GOOD" -> Style.GOOD;
            case "WARN" -> Style.WARN;
            case "BAD" -> Style.BAD;
            default -> Style.PLAIN;
        };
    }
}
