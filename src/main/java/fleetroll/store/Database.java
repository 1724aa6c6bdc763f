package fleetroll.store;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * The SQLite file {@code fleetroll.db}. Tables keep the Python fleetroll's layout (indexed columns
 * plus a JSON {@code data} blob) so that its history stays readable; WAL lets a monitor read while
 * audits write from other processes.
 */
public final class Database implements AutoCloseable {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS host_observations (
            host TEXT NOT NULL,
            ts TEXT NOT NULL,
            ok INTEGER NOT NULL,
            data JSON NOT NULL,
            PRIMARY KEY (host, ts)
        )""",
        // "latest successful per host" is the monitor's fallback when the newest attempt failed.
        "CREATE INDEX IF NOT EXISTS host_observations_ok ON host_observations (host, ok, ts)",
        """
        CREATE TABLE IF NOT EXISTS tc_workers (
            host TEXT NOT NULL,
            ts TEXT NOT NULL,
            type TEXT NOT NULL,
            data JSON NOT NULL,
            PRIMARY KEY (host, ts)
        )""",
    };

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            SqliteNativeLibrary.useKeptCopy(dir.resolve("lib"));
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                // Wait for a concurrent writer (another fleetroll) instead of failing at once.
                statement.execute("PRAGMA busy_timeout = 15000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            return new Database(file, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    /**
     * SQLite's {@code PRAGMA data_version}: it changes when another connection commits to the
     * file, so a monitor can poll it four times a second and query only when something was written.
     */
    public long dataVersion() {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** MAX(rowid) walks down the table's b-tree: constant time, unlike MAX(ts) over 1,000,000 rows. */
    static long lastRowid(Database database, String table) {
        try (PreparedStatement q = database.connection().prepareStatement("SELECT MAX(rowid) FROM " + table);
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** A JSON array of strings, the one parameter that json_each() turns into many rows. */
    static String jsonArray(Collection<String> values) {
        StringWriter json = new StringWriter(values.size() * 48);
        try (JsonGenerator generator = StoredJson.FACTORY.createGenerator(json)) {
            generator.writeStartArray();
            for (String value : values) {
                generator.writeString(value);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return json.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
