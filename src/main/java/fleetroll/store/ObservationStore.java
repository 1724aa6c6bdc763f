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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every audit attempt of every host, kept as history; latest and latest-successful are indexed. */
public final class ObservationStore {
    private static final String SQLITE_CONSTRAINT_PRIMARYKEY = "SQLITE_CONSTRAINT_PRIMARYKEY";

    // Subqueries for newestPerHost: the newest row of host j.value. Each walks the end of one
    // index, (host, ts) or (host, ok, ts), so a host costs the same however long its history.
    private static final String NEWEST =
            "SELECT data FROM host_observations WHERE host = j.value ORDER BY ts DESC LIMIT 1";
    private static final String NEWEST_SUCCESSFUL =
            "SELECT data FROM host_observations WHERE host = j.value AND ok = 1 ORDER BY ts DESC LIMIT 1";

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

    /** The newest attempt of each host that has one, in one statement; the map has no order. */
    public Map<String, Observation> latest(Collection<String> hosts) {
        return newestPerHost(hosts, NEWEST);
    }

    /** The newest successful attempt of each host that has one, in one statement; no order. */
    public Map<String, Observation> latestSuccessful(Collection<String> hosts) {
        return newestPerHost(hosts, NEWEST_SUCCESSFUL);
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
                    result.add(decode(rs.getBytes(1)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest attempt of each host that has one and, when that attempt failed, the newest
     * successful one: two statements whatever the number of hosts (host-monitor reads 10,000 at
     * start), and the second only over the hosts whose newest attempt failed. The map has no
     * order: its reader looks hosts up, and keeping the order of {@code hosts} cost two more maps
     * of 10,000 entries at host-monitor's start.
     */
    public Map<String, LatestObservations> latestPerHost(Collection<String> hosts) {
        Map<String, Observation> latest = latest(hosts);
        List<String> failed = new ArrayList<>();
        latest.forEach((host, o) -> {
            if (!o.ok()) {
                failed.add(host);
            }
        });
        Map<String, Observation> successful = failed.isEmpty() ? Map.of() : latestSuccessful(failed);
        Map<String, LatestObservations> result = HashMap.newHashMap(latest.size());
        latest.forEach((host, o) -> result.put(host, new LatestObservations(o, o.ok() ? o : successful.get(host))));
        return result;
    }

    /**
     * Attempts stored after row {@code afterRowid}, oldest first, at most {@code limit}: how a
     * monitor follows what audits in other processes add. Rows of one table get increasing rowids
     * (nothing deletes), so {@code lastRowid} of the answer is where the next call continues.
     */
    public Appended<Observation> addedAfter(long afterRowid, int limit) {
        List<Observation> added = new ArrayList<>();
        long last = afterRowid;
        try (PreparedStatement q = database.connection()
                .prepareStatement("SELECT rowid, data FROM host_observations WHERE rowid > ? ORDER BY rowid LIMIT ?")) {
            q.setLong(1, afterRowid);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    added.add(decode(rs.getBytes(2)));
                }
            }
            return new Appended<>(added, last);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** The rowid of the newest row, 0 when empty: where {@link #addedAfter} starts. */
    public long lastRowid() {
        return Database.lastRowid(database, "host_observations");
    }

    /**
     * Runs {@code subquery} (newest row of host {@code j.value}) for every host in one statement;
     * the hosts without a row are left out, and the map has no order.
     */
    private Map<String, Observation> newestPerHost(Collection<String> hosts, String subquery) {
        if (hosts.isEmpty()) {
            return new HashMap<>();
        }
        // One statement over json_each: 10,000 separate queries cost more in JDBC calls than the
        // index lookups themselves. No ORDER BY: sorting would copy every row, blob included,
        // through a temporary b-tree (13 ms at 10,000 hosts).
        String sql = "SELECT j.value, (" + subquery + ") FROM json_each(?) j";
        try (PreparedStatement q = database.connection().prepareStatement(sql)) {
            q.setString(1, Database.jsonArray(hosts));
            Map<String, Observation> found = HashMap.newHashMap(hosts.size());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byte[] data = rs.getBytes(2);
                    if (data != null) {
                        found.put(rs.getString(1), decode(data));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    static Observation decode(byte[] json) {
        try {
            return StoredJson.observation(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable observation in store: " + e.getOriginalMessage(), e);
        }
    }
}
