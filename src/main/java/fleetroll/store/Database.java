package fleetroll.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
