package fleetroll.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every audit attempt of every host, kept as history; latest and latest-successful are indexed. */
public final class ObservationStore {
    private static final String SQLITE_CONSTRAINT_PRIMARYKEY = "SQLITE_CONSTRAINT_PRIMARYKEY";

    private final Database database;

    public ObservationStore(Database database) {
        this.database = database;
    }

    /**
     * Stores one attempt and returns it as stored. Two attempts of one host at the same instant
     * both survive: the later insert moves its ts on by a microsecond until the key is free.
     */
    public synchronized Observation add(Observation observation) {
        Connection c = database.connection();
        Observation toStore = observation;
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO host_observations (host, ts, ok, data) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, toStore.host());
                insert.setString(2, toStore.ts());
                insert.setInt(3, toStore.ok() ? 1 : 0);
                insert.setString(4, Json.MAPPER.writeValueAsString(toStore));
                insert.executeUpdate();
                return toStore;
            } catch (SQLException e) {
                if (attempt > 1000 || !String.valueOf(e.getMessage()).contains(SQLITE_CONSTRAINT_PRIMARYKEY)) {
                    throw new StoreException(
                            "cannot store observation of " + observation.host() + ": " + e.getMessage(), e);
                }
                Instant next = toStore.observedAt().plus(1, ChronoUnit.MICROS);
                toStore = toStore.withTs(Observation.timestamp(next));
            } catch (JsonProcessingException e) {
                throw new StoreException("cannot encode observation of " + observation.host(), e);
            }
        }
    }

    /** The newest attempt of each host that has one, in the order of {@code hosts}. */
    public Map<String, Observation> latest(Collection<String> hosts) {
        return perHost(hosts, "SELECT data FROM host_observations WHERE host = ? ORDER BY ts DESC LIMIT 1");
    }

    /** The newest successful attempt of each host that has one. */
    public Map<String, Observation> latestSuccessful(Collection<String> hosts) {
        return perHost(hosts, "SELECT data FROM host_observations WHERE host = ? AND ok = 1 ORDER BY ts DESC LIMIT 1");
    }

    /** The newest {@code limit} attempts of one host, newest first. */
    public List<Observation> history(String host, int limit) {
        List<Observation> result = new ArrayList<>();
        try (PreparedStatement q = database.connection()
                .prepareStatement("SELECT data FROM host_observations WHERE host = ? ORDER BY ts DESC LIMIT ?")) {
            q.setString(1, host);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(decode(rs.getString(1)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** The largest ts in the table, or null when empty: a cheap "has anything changed?" probe. */
    public String newestTs() {
        try (PreparedStatement q = database.connection().prepareStatement("SELECT MAX(ts) FROM host_observations");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Observation> perHost(Collection<String> hosts, String sql) {
        Map<String, Observation> result = new LinkedHashMap<>();
        try (PreparedStatement q = database.connection().prepareStatement(sql)) {
            for (String host : hosts) {
                q.setString(1, host);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        result.put(host, decode(rs.getString(1)));
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    static Observation decode(String json) {
        try {
            return Json.MAPPER.readValue(json, Observation.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable observation in store: " + e.getOriginalMessage(), e);
        }
    }
}
