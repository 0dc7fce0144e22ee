package dev.converge.benchmarks.fleet;

import dev.converge.benchmarks.Fixtures;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The peer of a fleet run over databases spread along the timeline: what a shell loop around a minimal runner does
 * for one database. It reads which versions history records and runs each missing migration in its own transaction
 * with its history row — no detection, no rehearsal, no check of what the database holds. Its history rows have
 * Converge's layout, so both start from copies of the same files.
 */
final class PlainRunner {
    /** Creates the history table of a database that has none (Converge's layout). */
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
            + " name TEXT NOT NULL, checksum TEXT NOT NULL, how TEXT NOT NULL, applied_at TEXT NOT NULL,"
            + " execution_ms INTEGER, schema_version INTEGER)";
    /** Reads the recorded versions. */
    private static final String VERSIONS = "SELECT version FROM schema_migrations";
    /** Records one migration. */
    private static final String INSERT = "INSERT INTO schema_migrations (version, name, checksum, how, applied_at,"
            + " execution_ms, schema_version) VALUES (?, ?, ?, 'executed', ?, 0, 0)";

    private PlainRunner() {
    }

    /** Runs every migration of {@code set} that {@code db} does not record; returns how many ran. */
    static int migrate(Path db, List<Fixtures.MigrationSpec> set, List<String> checksums) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute(CREATE);
            Set<Long> recorded = new HashSet<>();
            try (ResultSet rs = s.executeQuery(VERSIONS)) {
                while (rs.next()) {
                    recorded.add(rs.getLong(1));
                }
            }
            int ran = 0;
            for (int i = 0; i < set.size(); i++) {
                Fixtures.MigrationSpec m = set.get(i);
                if (recorded.contains((long) m.version())) {
                    continue;
                }
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String statement : m.statements()) {
                        s.execute(statement);
                    }
                    try (PreparedStatement p = c.prepareStatement(INSERT)) {
                        p.setLong(1, m.version());
                        p.setString(2, m.name());
                        p.setString(3, checksums.get(i));
                        p.setString(4, Instant.now().toString());
                        p.executeUpdate();
                    }
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
                ran++;
            }
            return ran;
        }
    }
}
