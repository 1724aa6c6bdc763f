package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's bulk reads, on real SQLite files. */
class LatestPerHostTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static Observation attempt(String host, int minute, boolean ok) {
        ObservedState observed = ok
                ? new ObservedState(
                        "Linux",
                        true,
                        "role_" + minute,
                        false,
                        null,
                        null,
                        false,
                        null,
                        null,
                        60L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                : null;
        return new Observation(
                Observation.timestamp(T0.plusSeconds(60L * minute)),
                "t",
                Observation.ACTION_AUDIT,
                host,
                ok,
                ok ? 0 : 255,
                ok ? "" : "refused",
                ok ? null : "connection_refused",
                observed);
    }

    static WorkerRecord worker(String host, int minute) {
        return new WorkerRecord(
                host,
                Observation.timestamp(T0.plusSeconds(60L * minute)),
                "p",
                "wt",
                "g",
                host,
                "running",
                null,
                "2026-03-01T11:00:00Z",
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void readsNewestAndNewestSuccessfulOfEveryHostInOneCall(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            ObservationStore store = new ObservationStore(db);
            store.add(attempt("a", 1, true));
            store.add(attempt("a", 3, true));
            store.add(attempt("a", 2, false));
            store.add(attempt("b", 1, true));
            store.add(attempt("b", 2, false));
            store.add(attempt("c", 5, false));
            store.add(attempt("other", 9, true));

            Map<String, LatestObservations> latest = store.latestPerHost(List.of("c", "b", "a", "missing"));

            assertThat(latest).containsOnlyKeys("a", "b", "c");
            assertThat(latest.get("a").latest().observed().role()).isEqualTo("role_3");
            assertThat(latest.get("a").latestSuccessful())
                    .isSameAs(latest.get("a").latest());
            assertThat(latest.get("b").latest().ok()).isFalse();
            assertThat(latest.get("b").latestSuccessful().observed().role()).isEqualTo("role_1");
            assertThat(latest.get("c").latestSuccessful()).isNull();
            assertThat(store.latestPerHost(List.of())).isEmpty();
        }
    }

    @Test
    void hostNamesNeedNoEscapingByTheCaller(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            ObservationStore store = new ObservationStore(db);
            String odd = "we\"ird\\host\n";
            String control = "tab\there\u0001\u001f";
            String unicode = "hôst-😀";
            for (String host : List.of(odd, control, unicode)) {
                store.add(attempt(host, 1, true));
            }
            Map<String, LatestObservations> latest = store.latestPerHost(List.of(unicode, odd, control));
            assertThat(latest).containsOnlyKeys(odd, control, unicode);
            assertThat(latest.get(odd).latest().host()).isEqualTo(odd);
        }
    }

    @Test
    void addedAfterPagesThroughNewRowsInOrder(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            ObservationStore store = new ObservationStore(db);
            assertThat(store.lastRowid()).isZero();
            store.add(attempt("a", 1, true));
            long mark = store.lastRowid();
            for (int i = 2; i <= 6; i++) {
                store.add(attempt("h" + i, i, i % 2 == 0));
            }

            Appended<Observation> first = store.addedAfter(mark, 3);
            Appended<Observation> second = store.addedAfter(first.lastRowid(), 3);

            assertThat(first.records()).extracting(Observation::host).containsExactly("h2", "h3", "h4");
            assertThat(second.records()).extracting(Observation::host).containsExactly("h5", "h6");
            assertThat(second.lastRowid()).isEqualTo(store.lastRowid());
            assertThat(store.addedAfter(second.lastRowid(), 3).records()).isEmpty();
            assertThat(store.addedAfter(second.lastRowid(), 3).lastRowid()).isEqualTo(second.lastRowid());
        }
    }

    @Test
    void dataVersionChangesWhenAnotherConnectionWrites(@TempDir Path dir) {
        Path file = dir.resolve("fleetroll.db");
        try (Database reader = Database.open(file);
                Database writer = Database.open(file)) {
            long before = reader.dataVersion();
            assertThat(reader.dataVersion()).isEqualTo(before);
            new ObservationStore(writer).add(attempt("a", 1, true));
            assertThat(reader.dataVersion()).isNotEqualTo(before);
        }
    }

    @Test
    void workersNewestPerShortNameAndAddedAfter(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            TcWorkerStore store = new TcWorkerStore(db);
            store.add(worker("a", 1));
            store.add(worker("a", 5));
            store.add(worker("a", 3));
            long mark = store.lastRowid();
            store.add(worker("b", 2));

            Map<String, WorkerRecord> latest = store.latestPerHost(List.of("b", "a", "zz"));

            assertThat(latest).containsOnlyKeys("a", "b");
            assertThat(latest.get("a").ts()).isEqualTo(Observation.timestamp(T0.plusSeconds(300)));
            assertThat(store.addedAfter(mark, 10).records())
                    .extracting(WorkerRecord::host)
                    .containsExactly("b");
            assertThat(store.latestPerHost(List.of())).isEmpty();
        }
    }
}
