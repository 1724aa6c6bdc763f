package fleetroll.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Taskcluster worker records by short host name, with history; "latest per host" is indexed. */
public final class TcWorkerStore {
    private final Database database;

    public TcWorkerStore(Database database) {
        this.database = database;
    }

    /** Stores one record; a second record of the same host at the same instant moves on by 1 µs. */
    public synchronized WorkerRecord add(WorkerRecord record) {
        WorkerRecord toStore = record;
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement insert = database.connection()
                    .prepareStatement("INSERT INTO tc_workers (host, ts, type, data) VALUES (?, ?, ?, ?)")) {
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

    /** The newest record of each short host name that has one. */
    public Map<String, WorkerRecord> latest(Collection<String> shortHostNames) {
        Map<String, WorkerRecord> result = new LinkedHashMap<>();
        try (PreparedStatement q = database.connection()
                .prepareStatement("SELECT data FROM tc_workers WHERE host = ? ORDER BY ts DESC LIMIT 1")) {
            for (String host : shortHostNames) {
                q.setString(1, host);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        result.put(host, Json.MAPPER.readValue(rs.getString(1), WorkerRecord.class));
                    }
                }
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read worker records from " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** The largest fetch time stored, or null: lets the monitor notice new records cheaply. */
    public String newestTs() {
        try (PreparedStatement q = database.connection().prepareStatement("SELECT MAX(ts) FROM tc_workers");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }
}
