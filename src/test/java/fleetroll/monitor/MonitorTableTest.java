package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.query.Query;
import fleetroll.store.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MonitorTableTest {
    private static final List<String> QUERIES = List.of(
            "",
            "os=L",
            "role=db",
            "role~web os=M",
            "pp_last>1h",
            "sort:role",
            "sort:role:desc,pp_last",
            "os=L sort:ovr_sha",
            "role=nothing");

    /**
     * 60 hosts in a shuffled request order, with many ties for every sort: three roles, two OSes,
     * overrides on some, never-audited ones, and names that tie in host order ("host07" and
     * "host7", "Host8" and "host8"), so that only a stable sort gives one answer.
     */
    static FleetSnapshot fleetWithTies() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 26; i++) {
            hosts.add("host" + i + ".example.org");
            hosts.add("mac" + i + ".example.org");
        }
        hosts.addAll(List.of("host07.example.org", "Host8.example.org", "host008.example.org", "HOST9.example.org"));
        hosts.addAll(List.of("new1.example.org", "new2.example.org", "new3.example.org", "new4.example.org"));
        Collections.shuffle(hosts, new Random(42));
        List<HostFacts> facts = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            int n = i;
            HostRecords r;
            if (host.startsWith("new")) {
                r = records(host, null, null, null);
            } else {
                Observation o = ok(
                        host,
                        minutes(2),
                        state(s -> s.os(host.startsWith("mac") ? "Darwin" : "Linux")
                                .role(List.of("web", "db", "web_canary").get(n % 3))
                                .override(n % 4 == 0 ? Fixtures.SHA_A : n % 4 == 1 ? Fixtures.SHA_B : null, NOW)
                                .puppet(NOW.minus(Duration.ofMinutes(30L * (n % 5))), n % 7 != 0)));
                r = records(host, o, o, n % 2 == 0 ? Fixtures.worker(host.substring(0, host.indexOf('.'))) : null);
            }
            facts.add(RowBuilder.facts(r, Fixtures.NO_BRANCHES));
        }
        return FleetSnapshot.of(facts, 1);
    }

    static List<TableFilter> filters() {
        List<TableFilter> filters = new ArrayList<>();
        for (String text : QUERIES) {
            TableFilter f = TableFilter.of(Column.queryParser().parse(text));
            filters.addAll(List.of(
                    f, f.toggleOverrideOnly(), f.nextOs(), f.nextOs().nextOs().toggleOverrideOnly()));
        }
        return filters;
    }

    static List<String> hosts(List<MonitorRow> rows) {
        return rows.stream().map(MonitorRow::host).toList();
    }

    @Test
    void keepingBeforeSortingGivesTheOrderOfSortingAllRowsFirst() {
        FleetSnapshot snapshot = fleetWithTies();
        int nonEmpty = 0;
        for (SortOrder sort : SortOrder.values()) {
            for (TableFilter filter : filters()) {
                List<MonitorRow> all = new ArrayList<>(snapshot.rows(NOW));
                all.sort(sort.comparator());
                List<String> sortedThenKept = hosts(filter.apply(all));

                MonitorTable table = MonitorTable.build(snapshot, sort, filter, NOW);

                assertThat(hosts(table.rows()))
                        .as("sort %s, filter %s", sort, filter)
                        .isEqualTo(sortedThenKept);
                assertThat(table.total()).isEqualTo(snapshot.hosts().size());
                nonEmpty += table.rows().size() > 1 ? 1 : 0;
            }
        }
        assertThat(nonEmpty).as("filters that keep more than one row").isGreaterThan(80);
    }

    @Test
    void onceRowsKeepBeforeSortingWithTheSameResult() {
        FleetSnapshot snapshot = fleetWithTies();
        for (String text : QUERIES) {
            Query query = Column.queryParser().parse(text);
            List<MonitorRow> all = new ArrayList<>(snapshot.rows(NOW));
            all.sort(SortOrder.HOST.comparator());

            assertThat(hosts(OnceRenderer.rows(snapshot, query, NOW))).as(text).isEqualTo(hosts(query.apply(all)));
        }
    }

    @Test
    void rowAtClampsToTheRowsThereAreAndIsNullWithoutRows() {
        MonitorTable table = MonitorTable.build(Fixtures.fleet(3, minutes(2)), SortOrder.HOST, NOW);
        assertThat(table.rowAt(1).host()).isEqualTo("host2.example.org");
        assertThat(table.rowAt(-1).host()).isEqualTo("host1.example.org");
        assertThat(table.rowAt(7).host()).isEqualTo("host3.example.org");
        assertThat(MonitorTable.build(FleetSnapshot.EMPTY, SortOrder.HOST, NOW).rowAt(0))
                .isNull();
    }
}
