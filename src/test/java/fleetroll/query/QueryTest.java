package fleetroll.query;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.monitor.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTest {
    private static final QueryParser PARSER = Column.queryParser();

    /** A small fleet covering each kind of cell; hosts listed in host order, as the monitor passes them. */
    private static final List<Row> FLEET = List.of(
            Row.host("t-linux64-ms-9")
                    .with("OS", "L")
                    .with("ROLE", "gecko_t_linux_talos")
                    .with("OVR_SHA", "a1b2c3d4 alpha-bravo")
                    .with("PP_LAST", ofHours(21))
                    .with("UPTIME", ofHours(125))
                    .with("TC_ACT", ofMinutes(3))
                    .with("DATA", ofMinutes(90))
                    .with("APPLIED", "Y")
                    .with("HEALTHY", "N"),
            Row.host("t-linux64-ms-10")
                    .with("OS", "L")
                    .with("ROLE", "gecko_t_linux_netperf")
                    .with("PP_LAST", ofMinutes(125).plusSeconds(30))
                    .with("UPTIME", ofHours(2))
                    .with("TC_ACT", ofHours(5))
                    .with("TC_QUAR", "YES")
                    .with("DATA", ofMinutes(2))
                    .with("HEALTHY", "N"),
            Row.host("t-linux64-ms-238")
                    .with("OS", "L")
                    .with("ROLE", "gecko_t_linux_talos")
                    .with("OVR_SHA", "ffee0011 charlie-delta")
                    .with("PP_LAST", "FAIL")
                    .with("TC_ACT", ofMinutes(40))
                    .with("TC_QUAR", "YES")
                    .with("DATA", ofMinutes(1))
                    .with("APPLIED", "N")
                    .with("HEALTHY", "N"),
            Row.host("macmini-r8-122")
                    .with("OS", "M")
                    .with("ROLE", "gecko_t_osx_1400_r8")
                    .with("PP_LAST", ofMinutes(30))
                    .with("TC_ACT", ofSeconds(20))
                    .with("DATA", ofMinutes(3))
                    .with("HEALTHY", "Y"),
            Row.host("t-linux64-ms-300").neverAudited().with("HEALTHY", "?"));

    private static List<String> hosts(String query) {
        return PARSER.parse(query).apply(FLEET).stream().map(Row::hostName).toList();
    }

    @Test
    void linuxHostsWithAnOverrideWhosePuppetRunIsOlderThan20h() {
        assertThat(hosts("os=L ovr_sha!= ovr_sha!=? pp_last>20h")).containsExactly("t-linux64-ms-9");
    }

    @Test
    void quarantinedHostsMostIdleFirst() {
        assertThat(hosts("tc_quar=yes sort:tc_act:desc")).containsExactly("t-linux64-ms-10", "t-linux64-ms-238");
    }

    @Test
    void hostsActiveInTaskclusterButNotAuditedForAnHour() {
        assertThat(hosts("tc_act<1h data>1h")).containsExactly("t-linux64-ms-9");
    }

    @Test
    void emptyQueryKeepsEveryRowInOrder() {
        assertThat(Query.EMPTY.apply(FLEET)).isEqualTo(FLEET);
        assertThat(PARSER.parse("").apply(FLEET)).isEqualTo(FLEET);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "os=M                   # macmini-r8-122",
                "os=L|M                 # t-linux64-ms-9 t-linux64-ms-10 t-linux64-ms-238 macmini-r8-122",
                "os!=L|M                # t-linux64-ms-300",
                "os=?                   # t-linux64-ms-300",
                "OS=m                   # macmini-r8-122",
                "role~TALOS             # t-linux64-ms-9 t-linux64-ms-238",
                "role!~talos            # t-linux64-ms-10 macmini-r8-122 t-linux64-ms-300",
                "role~talos|osx         # t-linux64-ms-9 t-linux64-ms-238 macmini-r8-122",
                "role=gecko_t_linux_talos # t-linux64-ms-9 t-linux64-ms-238",
                "ovr_sha=               # t-linux64-ms-10 macmini-r8-122",
                "ovr_sha!=              # t-linux64-ms-9 t-linux64-ms-238 t-linux64-ms-300",
                "ovr_sha~charlie        # t-linux64-ms-238",
                "ovr_sha=|?             # t-linux64-ms-10 macmini-r8-122 t-linux64-ms-300",
                "healthy=?              # t-linux64-ms-300",
                "applied=n              # t-linux64-ms-238",
                "applied!=y             # t-linux64-ms-10 t-linux64-ms-238 macmini-r8-122 t-linux64-ms-300",
                "tc_quar=               # t-linux64-ms-9 macmini-r8-122 t-linux64-ms-300",
                "pp_last=fail           # t-linux64-ms-238",
                "pp_last~fa             # t-linux64-ms-238",
                "pp_last>20h            # t-linux64-ms-9",
                "pp_last<1h             # macmini-r8-122",
                "pp_last<=30m           # macmini-r8-122",
                "pp_last<30m            # ''",
                "pp_last>=30m           # t-linux64-ms-9 t-linux64-ms-10 macmini-r8-122",
                "pp_last=2h 05m         # t-linux64-ms-10",
                "pp_last=2h             # t-linux64-ms-10",
                "pp_last=\"2h 06m\"     # ''",
                "pp_last!=2h 05m        # t-linux64-ms-9 t-linux64-ms-238 macmini-r8-122 t-linux64-ms-300",
                "pp_last>2h 05m         # t-linux64-ms-9 t-linux64-ms-10",
                "uptime>=5d             # t-linux64-ms-9",
                "uptime=5d              # t-linux64-ms-9",
                "uptime=5d 05h          # t-linux64-ms-9",
                "uptime=1d 04h|2h       # t-linux64-ms-10",
                "uptime>1m              # t-linux64-ms-9 t-linux64-ms-10",
                "uptime=                # t-linux64-ms-238 macmini-r8-122",
                "uptime=?               # t-linux64-ms-300",
                "tc_act<30s             # macmini-r8-122",
                "host>t-linux64-ms-9    # t-linux64-ms-10 t-linux64-ms-238 t-linux64-ms-300",
                "host<=t-linux64-ms-10  # t-linux64-ms-9 t-linux64-ms-10 macmini-r8-122",
                "host~ms-2 healthy=n    # t-linux64-ms-238",
            })
    void filtersRowsByTypedValues(String query, String expected) {
        List<String> want =
                expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));
        assertThat(hosts(query)).containsExactlyElementsOf(want);
    }

    @Test
    void negationIsTheExactComplementOfItsPositiveForm() {
        for (String[] pair : new String[][] {
            {"ovr_sha=", "ovr_sha!="},
            {"role~talos", "role!~talos"},
            {"os=L|?", "os!=L|?"},
            {"pp_last=2h", "pp_last!=2h"}
        }) {
            List<String> positive = hosts(pair[0]);
            List<String> negative = hosts(pair[1]);
            assertThat(positive).doesNotContainAnyElementsOf(negative);
            assertThat(positive.size() + negative.size()).as(pair[0]).isEqualTo(FLEET.size());
        }
    }

    @Test
    void missingAndNeverAuditedNeverPassAnOrdering() {
        assertThat(hosts("uptime>0s")).containsExactly("t-linux64-ms-9", "t-linux64-ms-10");
        assertThat(hosts("uptime<9999d")).containsExactly("t-linux64-ms-9", "t-linux64-ms-10");
    }

    @Test
    void durationsSortByLengthNotByText() {
        assertThat(hosts("os=L|M sort:tc_act"))
                .containsExactly("macmini-r8-122", "t-linux64-ms-9", "t-linux64-ms-238", "t-linux64-ms-10");
    }

    @Test
    void missingValuesSortLastInBothDirections() {
        assertThat(hosts("sort:uptime"))
                .containsExactly(
                        "t-linux64-ms-10", "t-linux64-ms-9", "t-linux64-ms-238", "macmini-r8-122", "t-linux64-ms-300");
        assertThat(hosts("sort:uptime:desc"))
                .containsExactly(
                        "t-linux64-ms-9", "t-linux64-ms-10", "t-linux64-ms-238", "macmini-r8-122", "t-linux64-ms-300");
    }

    @Test
    void failedPuppetRunSortsAfterEveryAgeAndFirstWhenDescending() {
        assertThat(hosts("sort:pp_last:desc"))
                .containsExactly(
                        "t-linux64-ms-238", "t-linux64-ms-9", "t-linux64-ms-10", "macmini-r8-122", "t-linux64-ms-300");
    }

    @Test
    void textSortsNaturallyIgnoringCase() {
        List<Row> rows = List.of(
                Row.host("T-ms-10"), Row.host("t-ms-9"), Row.host("t-ms-100"), Row.host("T-MS-009"), Row.host("a"));
        List<String> sorted = PARSER.parse("sort:host").apply(rows).stream()
                .map(Row::hostName)
                .toList();
        assertThat(sorted).containsExactly("a", "t-ms-9", "T-MS-009", "T-ms-10", "t-ms-100");
    }

    @Test
    void laterKeysBreakTiesAndEqualRowsKeepTheirOrder() {
        assertThat(hosts("sort:role:desc,host:desc"))
                .containsExactly(
                        "macmini-r8-122", "t-linux64-ms-238", "t-linux64-ms-9", "t-linux64-ms-10", "t-linux64-ms-300");
        assertThat(hosts("sort:os")) // ties keep the given order
                .containsExactly(
                        "t-linux64-ms-9", "t-linux64-ms-10", "t-linux64-ms-238", "macmini-r8-122", "t-linux64-ms-300");
    }

    @Test
    void comparatorAgreesWithSort() {
        Query query = PARSER.parse("sort:pp_last:desc,role,host:desc");
        List<Row> shuffled = new ArrayList<>(FLEET);
        Collections.shuffle(shuffled, new Random(7));
        List<Row> viaComparator = new ArrayList<>(shuffled);
        viaComparator.sort(query.comparator());
        assertThat(query.sort(shuffled)).isEqualTo(viaComparator);
    }

    @Test
    void sortsTenThousandRowsWithManyTies() {
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Row row = Row.host("host-" + i).with("ROLE", "role-" + random.nextInt(20));
            if (random.nextInt(10) > 0) {
                row.with("PP_LAST", Duration.ofSeconds(random.nextInt(100_000)));
            }
            rows.add(row);
        }
        List<Row> sorted = PARSER.parse("sort:role,pp_last:desc").apply(rows);
        assertThat(sorted).hasSize(10_000);
        Comparator<Row> check =
                (a, b) -> PARSER.parse("sort:role,pp_last:desc").comparator().compare(a, b);
        assertThat(sorted).isSortedAccordingTo(check);
    }
}
