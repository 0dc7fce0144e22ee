package dev.converge.engine;

import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The bundled example, and raw-JDBC helpers that build database states without the code under test. */
final class Starpunk {
    static final Path ROOT = locate();
    static final Path MIGRATIONS = ROOT.resolve("migrations");
    static final Path SCHEMA = ROOT.resolve("schema.sql");
    static final Path V1_1 = ROOT.resolve("old/v1.1-schema.sql");

    private Starpunk() {
    }

    private static Path locate() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/starpunk"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/starpunk not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples/starpunk");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a whole script with sqlite3_exec (sqlite-jdbc's execute would run only its first statement). */
    static void exec(Path db, String script) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            ((SQLiteConnection) c).getDatabase()._exec(script);
        }
    }

    static void execFile(Path db, Path script) throws SQLException {
        exec(db, read(script));
    }

    static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /** The legacy history layout of the incident application, listing the given files. */
    static void legacyHistory(Path db, String... files) throws SQLException {
        sql(db, "CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, migration_name TEXT NOT NULL UNIQUE,"
                + " applied_at TEXT DEFAULT CURRENT_TIMESTAMP)");
        for (String f : files) {
            sql(db, "INSERT INTO schema_migrations (migration_name) VALUES ('" + f + "')");
        }
    }
}
