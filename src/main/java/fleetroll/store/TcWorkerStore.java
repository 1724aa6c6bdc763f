package fleetroll.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Taskcluster worker records by short host name, with history; "latest per host" is indexed. */
public final class TcWorkerStore {
    private static final String INSERT = "INSERT INTO tc_workers (host, ts, type, data) VALUES (?, ?, ?, ?)";

    private final Database database;

    public TcWorkerStore(Database database) {
        this.database = database;
    }

    /** Stores one record; a second record of the same host at the same instant moves on by 1 µs. */
    public WorkerRecord add(WorkerRecord record) {
        return addAll(List.of(record)).getFirst();
    }

    /**
     * Stores the records in order, in one transaction through one prepared statement, and returns
     * them as stored: a record whose host already has one at the same instant (stored before, or
     * earlier in this list) moves on by 1 µs until its key is free. tc-fetch stores one record per
     * matched host, and one transaction per record cost a commit each. Nothing is stored if one
     * record fails.
     */
    public synchronized List<WorkerRecord> addAll(List<WorkerRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Connection c = database.connection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                List<WorkerRecord> stored = new ArrayList<>(records.size());
                for (WorkerRecord record : records) {
                    stored.add(insert(insert, record));
                }
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store worker records in " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code insert} for one record, moving its ts on by 1 µs while its key is taken. Inside a
     * transaction SQLite aborts only the failing statement, so the rows before it stay.
     */
    private static WorkerRecord insert(PreparedStatement insert, WorkerRecord record) {
        WorkerRecord toStore = record;
        for (int attempt = 0; ; attempt++) {
            try {
                insert.setString(1, toStore.host());
                insert.setString(2, toStore.ts());
                insert.setString(3, WorkerRecord.TYPE);
                insert.setString(4, Json.MAPPER.writeValueAsString(toStore));
                insert.executeUpdate();
                return toStore;
            } catch (SQLException e) {
                if (attempt > 1000 || !String.valueOf(e.getMessage()).contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                    throw new StoreException(
                            "cannot store worker record of " + record.host() + ": " + e.getMessage(), e);
                }
                String next = Observation.timestamp(toStore.fetchedAt().plus(1, ChronoUnit.MICROS));
                toStore = toStore.withTs(next);
            } catch (JsonProcessingException e) {
                throw new StoreException("cannot encode worker record of " + record.host(), e);
            }
        }
    }

    /**
     * The newest record of each short host name that has one, in one statement whatever the
     * number of hosts (host-monitor reads 10,000). The map has no order, as {@link
     * ObservationStore#latestPerHost}'s.
     */
    public Map<String, WorkerRecord> latestPerHost(Collection<String> shortHostNames) {
        if (shortHostNames.isEmpty()) {
            return new HashMap<>();
        }
        // No ORDER BY, as in ObservationStore.latestPerHost.
        try (PreparedStatement q = database.connection()
                .prepareStatement("SELECT j.value, (SELECT data FROM tc_workers WHERE host = j.value"
                        + " ORDER BY ts DESC LIMIT 1) FROM json_each(?) j")) {
            q.setString(1, Database.jsonArray(shortHostNames));
            Map<String, WorkerRecord> found = HashMap.newHashMap(shortHostNames.size());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byte[] data = rs.getBytes(2);
                    if (data != null) {
                        found.put(rs.getString(1), StoredJson.worker(data));
                    }
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read worker records from " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** Records stored after row {@code afterRowid}, oldest first, at most {@code limit}. */
    public Appended<WorkerRecord> addedAfter(long afterRowid, int limit) {
        List<WorkerRecord> added = new ArrayList<>();
        long last = afterRowid;
        try (PreparedStatement q = database.connection()
                .prepareStatement("SELECT rowid, data FROM tc_workers WHERE rowid > ? ORDER BY rowid LIMIT ?")) {
            q.setLong(1, afterRowid);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    added.add(StoredJson.worker(rs.getBytes(2)));
                }
            }
            return new Appended<>(added, last);
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read worker records from " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** The rowid of the newest record, 0 when empty: where {@link #addedAfter} starts. */
    public long lastRowid() {
        return Database.lastRowid(database, "tc_workers");
    }
}
