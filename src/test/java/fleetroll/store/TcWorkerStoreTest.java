package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcWorkerStoreTest {
    @TempDir
    Path dir;

    @Test
    void returnsTheNewestRecordOfEachHost() {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            TcWorkerStore store = new TcWorkerStore(db);
            store.add(record("t-linux64-ms-001", "2026-08-21T10:00:00.000000+00:00", "COMPLETED"));
            store.add(record("t-linux64-ms-001", "2026-08-21T11:00:00.000000+00:00", "RUNNING"));

            assertThat(store.latestPerHost(List.of("t-linux64-ms-001", "t-linux64-ms-002")))
                    .containsOnlyKeys("t-linux64-ms-001")
                    .extractingByKey("t-linux64-ms-001")
                    .isEqualTo(record("t-linux64-ms-001", "2026-08-21T11:00:00.000000+00:00", "RUNNING"));
        }
    }

    @Test
    void aSecondRecordAtTheSameInstantMovesOnByAMicrosecond() {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            TcWorkerStore store = new TcWorkerStore(db);
            store.add(record("w1", "2026-08-21T10:00:00.000000+00:00", "COMPLETED"));

            WorkerRecord second = store.add(record("w1", "2026-08-21T10:00:00.000000+00:00", "RUNNING"));

            assertThat(second.ts()).isEqualTo("2026-08-21T10:00:00.000001+00:00");
            assertThat(second.latestTaskState()).isEqualTo("RUNNING");
        }
    }

    @Test
    void addAllStoresEveryRecordAndReturnsThemAsStoredInOrder() {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            TcWorkerStore store = new TcWorkerStore(db);
            store.add(record("w1", "2026-08-21T10:00:00.000000+00:00", "COMPLETED"));

            List<WorkerRecord> stored = store.addAll(List.of(
                    record("w1", "2026-08-21T10:00:00.000000+00:00", "RUNNING"),
                    record("w2", "2026-08-21T10:00:00.000000+00:00", "RUNNING"),
                    record("w2", "2026-08-21T10:00:00.000000+00:00", "FAILED")));

            assertThat(stored)
                    .extracting(WorkerRecord::host, WorkerRecord::ts, WorkerRecord::latestTaskState)
                    .containsExactly(
                            tuple("w1", "2026-08-21T10:00:00.000001+00:00", "RUNNING"),
                            tuple("w2", "2026-08-21T10:00:00.000000+00:00", "RUNNING"),
                            tuple("w2", "2026-08-21T10:00:00.000001+00:00", "FAILED"));
            assertThat(store.addedAfter(0, 10).records()).hasSize(4).endsWith(stored.toArray(WorkerRecord[]::new));
            assertThat(store.latestPerHost(List.of("w1", "w2")))
                    .containsEntry("w1", stored.get(0))
                    .containsEntry("w2", stored.get(2));
            assertThat(store.addAll(List.of())).isEmpty();
        }
    }

    @Test
    void addAllStoresNothingWhenOneRecordFails() throws SQLException {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            TcWorkerStore store = new TcWorkerStore(db);
            try (var trigger = db.connection().createStatement()) {
                trigger.execute("CREATE TRIGGER refuse BEFORE INSERT ON tc_workers WHEN NEW.host = 'bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }

            assertThatThrownBy(() -> store.addAll(List.of(
                            record("w1", "2026-08-21T10:00:00.000000+00:00", "RUNNING"),
                            record("bad", "2026-08-21T10:00:00.000000+00:00", "RUNNING"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot store worker record of bad: ");

            assertThat(store.lastRowid()).isZero();
            assertThat(store.add(record("w1", "2026-08-21T10:00:00.000000+00:00", "RUNNING"))
                            .ts())
                    .as("the connection is usable, back in autocommit")
                    .isEqualTo("2026-08-21T10:00:00.000000+00:00");
            assertThat(db.connection().getAutoCommit()).isTrue();
        }
    }

    @Test
    void readsARowThatThePythonFleetrollWrote() throws SQLException {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            try (PreparedStatement insert = db.connection()
                    .prepareStatement("INSERT INTO tc_workers (host, ts, type, data) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, "t-linux64-ms-016");
                insert.setString(2, "2026-01-10T08:00:00+00:00");
                insert.setString(3, "worker");
                insert.setString(4, """
                        {"type": "worker", "ts": "2026-01-10T08:00:00+00:00", "host": "t-linux64-ms-016",
                         "worker_id": "t-linux64-ms-016", "provisioner": "releng-hardware",
                         "worker_type": "gecko-t-linux-talos-1804", "state": null,
                         "last_date_active": "2026-01-10T07:45:12.123Z", "task_started": "2026-01-10T07:30:00.000Z",
                         "task_resolved": null, "task_state": "RUNNING", "quarantine_until": null}""");
                insert.executeUpdate();
            }

            WorkerRecord read = new TcWorkerStore(db)
                    .latestPerHost(List.of("t-linux64-ms-016"))
                    .get("t-linux64-ms-016");

            assertThat(read.workerType()).isEqualTo("gecko-t-linux-talos-1804");
            assertThat(read.lastDateActive()).isEqualTo("2026-01-10T07:45:12.123Z");
            assertThat(read.latestTaskState()).isEqualTo("RUNNING");
            assertThat(read.latestTaskStarted()).isEqualTo("2026-01-10T07:30:00.000Z");
            assertThat(read.latestTaskId()).isNull();
            assertThat(read.fetchedAt()).hasToString("2026-01-10T08:00:00Z");
        }
    }

    private static WorkerRecord record(String host, String ts, String taskState) {
        return new WorkerRecord(
                host,
                ts,
                "releng-hardware",
                "gecko-t-linux-talos-1804",
                "mdc1",
                host,
                "standalone",
                "2025-01-01T00:00:00Z",
                "2026-08-21T09:50:00Z",
                null,
                "abc",
                0,
                taskState,
                "2026-08-21T09:00:00Z",
                null);
    }
}
