package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableLayoutTest {
    static MonitorRow withRole(String host, String role) {
        Observation o = ok(host, minutes(2), state(s -> s.role(role)));
        return row(records(host, o, o, null));
    }

    @Test
    void widthIsTheLongestCellOrTheHeader() {
        List<MonitorRow> rows = List.of(withRole("a.example.org", "r"), withRole("bb.example.org", "longer_role"));
        TableLayout layout = TableLayout.measure(rows, "example.org", Map.of());

        assertThat(layout.width(Column.HOST)).isEqualTo("HOST".length());
        assertThat(layout.width(Column.ROLE)).isEqualTo("longer_role".length());
        assertThat(layout.width(Column.OS)).isEqualTo("OS".length());
    }

    @Test
    void cellsArePaddedToTheColumnWidth() {
        TableLayout layout = TableLayout.measure(
                List.of(withRole("a.example.org", "r"), withRole("b.example.org", "role_b")), "example.org", Map.of());
        Line line = layout.row(withRole("a.example.org", "r"), List.of(Column.HOST, Column.ROLE, Column.OS));

        assertThat(line.text()).isEqualTo("a     r       L ");
        assertThat(layout.header(List.of(Column.HOST, Column.ROLE, Column.OS)).text())
                .isEqualTo("HOST  ROLE    OS");
    }

    @Test
    void capsClipLongCellsWithAnEllipsis() {
        MonitorRow row = withRole("a.example.org", "gecko_t_linux_2404_talos_with_a_long_name");
        TableLayout layout = TableLayout.measure(List.of(row), "", Map.of(Column.ROLE, 10));

        assertThat(layout.width(Column.ROLE)).isEqualTo(10);
        assertThat(TableLayout.fit(List.of(Span.plain("gecko_t_linux")), 10))
                .extracting(Span::text)
                .containsExactly("gecko_t_l", "…");
        assertThat(new Line(layout.cell(Column.ROLE, row)).text()).isEqualTo("gecko_t_l…");
    }

    @Test
    void aCapNeverCutsTheHeader() {
        TableLayout layout = TableLayout.measure(List.of(withRole("a.b", "x")), "", Map.of(Column.TC_T_DUR, 2));
        assertThat(layout.width(Column.TC_T_DUR)).isEqualTo("TC_T_DUR".length());
    }

    @Test
    void clippingKeepsStylesUpToTheCut() {
        List<Span> spans = List.of(Span.plain("8918331b "), new Span("iowa-moon", Style.forValue("iowa-moon")));
        List<Span> fitted = TableLayout.fit(spans, 12);

        assertThat(new Line(fitted).text()).isEqualTo("8918331b io…");
        assertThat(fitted.get(1).style()).isEqualTo(Style.forValue("iowa-moon"));
        assertThat(new Line(TableLayout.fit(spans, 1)).text()).isEqualTo("…");
        assertThat(new Line(TableLayout.fit(spans, 0)).text()).isEmpty();
    }

    @Test
    void hostLosesTheSharedSuffixAndShowsTheFailureMark() {
        MonitorRow row = withRole("t-linux64-ms-238.test.releng.mdc1.mozilla.com", "r");
        assertThat(TableLayout.hostText(row, "test.releng.mdc1.mozilla.com")).isEqualTo("t-linux64-ms-238");
        assertThat(TableLayout.hostText(row, "")).isEqualTo("t-linux64-ms-238.test.releng.mdc1.mozilla.com");
    }

    @Test
    void widthOfSeveralColumnsCountsTheGaps() {
        TableLayout layout = TableLayout.measure(List.of(withRole("a.b", "r")), "", Map.of());
        assertThat(layout.width(List.of(Column.OS, Column.APPLIED)))
                .isEqualTo("OS".length() + TableLayout.GAP.length() + "APPLIED".length());
    }
}
