package dev.converge.scenarios.state;

import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain sqlite-jdbc access for building states, with no Converge code in the way. A whole script goes through
 * {@code sqlite3_exec}, because {@code Statement.execute("A; B")} silently runs only {@code A}.
 */
final class RawSqlite {
    private RawSqlite() {
    }

    /**
     * Opens a connection in autocommit mode with foreign-key enforcement off (as the runner migrates) and no
     * fsync: the files are scratch databases, and {@code synchronous} is not stored in the file.
     */
    static Connection open(Path file) throws SQLException {
        return openUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens a new in-memory database, set up as {@link #open(Path)} sets up a file. */
    static Connection openInMemory() throws SQLException {
        return openUrl("jdbc:sqlite::memory:");
    }

    private static Connection openUrl(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA synchronous = OFF");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs a whole script with {@code sqlite3_exec}; stops at, and throws for, the first failing statement. */
    static void execScript(Connection c, String text) throws SQLException {
        c.unwrap(SQLiteConnection.class).getDatabase()._exec(text);
    }

    /** Runs one statement. */
    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single integer a query returns. */
    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes a database file and any journal beside it, so a state is built on a new file. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
