package dev.converge.cli;

import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The starpunk example (examples/starpunk) and the database of its incident, built with raw JDBC. */
final class Starpunk {
    static final Path DIR = find();
    static final Path MIGRATIONS = DIR.resolve("migrations");
    static final Path BASELINE = DIR.resolve("schema.sql");

    private Starpunk() {
    }

    private static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("starpunk");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/starpunk not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The incident (DESIGN.md §1): release v1.1's full-schema script run on a database whose legacy history records only
     * migration 001, so 002's tables exist without their indexes.
     */
    static Path incident(Path dir) throws IOException, SQLException {
        Path db = dir.resolve("incident.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            ((SQLiteConnection) c).getDatabase()._exec(Files.readString(DIR.resolve("old/v1.1-schema.sql")));
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " migration_name TEXT NOT NULL UNIQUE, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO schema_migrations (migration_name)"
                        + " VALUES ('001_add_code_verifier_to_auth_state.sql')");
            }
        }
        return db;
    }

    /** A copy of the migrations folder that a test may edit. */
    static Path copyOfMigrations(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("migrations"));
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    /** The rows of the history table, as "version how checksum". */
    static List<String> history(Path db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, how, checksum FROM schema_migrations ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }
}
