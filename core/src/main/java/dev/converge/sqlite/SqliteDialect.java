package dev.converge.sqlite;

import dev.converge.dialect.Dialect;
import dev.converge.error.ConvergeException;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;

/** SQLite, through sqlite-jdbc: the only dialect today. */
public final class SqliteDialect implements Dialect {
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private static final System.Logger LOG = System.getLogger(SqliteDialect.class.getName());

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public Optional<Path> fileOf(String url, DataSource dataSource) {
        return SqliteFiles.of(url, dataSource);
    }

    /** Read-only and immutable, for a WAL database in a folder that cannot be written (no {@code -shm} possible). */
    @Override
    public Optional<String> readOnlyUrl(Path file) {
        return SqliteFiles.readOnlyUrl(file);
    }

    /** {@code PRAGMA quick_check}. */
    @Override
    public void refuseIfDamaged(Connection c, String file) {
        IntegrityCheck.refuseIfDamaged(c, file);
    }

    @Override
    public Connection open(String url, boolean create, long lockTimeoutMs) throws SQLException {
        SQLiteConfig sc = new SQLiteConfig();
        if (!create) {
            sc.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        sc.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, lockTimeoutMs));
        return DriverManager.getConnection(url, sc.toProperties());
    }

    @Override
    public Connection openScratch() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @Override
    public Schema readSchema(Connection c, String excludedTable, Schema known) {
        return SchemaInspector.inspect(c, excludedTable, known);
    }

    @Override
    public Set<String> internalTables(Connection c) {
        return SchemaInspector.shadowTables(c);
    }

    @Override
    public long schemaVersion(Connection c) {
        try {
            return pragma(c, "schema_version");
        } catch (SQLException e) {
            throw translate(e, "reading the schema version", null);
        }
    }

    /**
     * {@code foreign_keys} off (the runner checks keys itself, by what a group of migrations ends with, and actions
     * must not fire during migrations), {@code legacy_alter_table} at its default OFF as in the replay (or a RENAME
     * would rewrite views and triggers differently), {@code busy_timeout} for the lock. Set in autocommit mode: inside
     * a transaction {@code PRAGMA foreign_keys} does nothing.
     */
    @Override
    public SessionSettings prepareSession(Connection c, long lockTimeoutMs) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit) {
            c.setAutoCommit(true);
        }
        boolean foreignKeys = pragma(c, "foreign_keys") == 1;
        long busyTimeout = pragma(c, "busy_timeout");
        boolean legacyAlterTable = pragma(c, "legacy_alter_table") == 1;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA legacy_alter_table = OFF");
            s.execute("PRAGMA busy_timeout = " + lockTimeoutMs);
        }
        // a file that is not a database fails only at its first read
        pragma(c, "schema_version");
        return () -> {
            try (Statement s = c.createStatement()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                s.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
                s.execute("PRAGMA busy_timeout = " + busyTimeout);
                s.execute("PRAGMA legacy_alter_table = " + (legacyAlterTable ? "ON" : "OFF"));
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "restoring connection settings: " + e.getMessage());
            }
        };
    }

    @Override
    public void resetReplaySettings(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA legacy_alter_table = OFF");
        }
    }

    /** {@code BEGIN IMMEDIATE}: the write lock at once, so no later upgrade from a read lock can fail. */
    @Override
    public void beginWrite(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public ConvergeException translate(SQLException e, String doing, Path file) {
        return SqliteErrors.translate(e, doing, file);
    }

    @Override
    public boolean isConstraint(SQLException e) {
        return SqliteErrors.isConstraint(e);
    }

    @Override
    public boolean mayHaveRolledBack(SQLException e) {
        return SqliteErrors.mayHaveRolledBack(e);
    }

    /** A table's indexes and triggers go with it; views naming it stay (and break). */
    @Override
    public boolean droppedWithItsTable(ObjectType type) {
        return type == ObjectType.INDEX || type == ObjectType.TRIGGER;
    }

    @Override
    public Wrap renameKeepingReferences() {
        return new Wrap("PRAGMA legacy_alter_table = ON", "PRAGMA legacy_alter_table = OFF");
    }

    private static final Catalogue CATALOGUE = new Catalogue(
            "SELECT type, name, tbl_name, sql, rowid FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE"
                    + " OR tbl_name = ?1 COLLATE NOCASE",
            "SELECT type, name, tbl_name, sql, rowid FROM sqlite_schema WHERE rowid > ?", // sqlite_schema appends
            "SELECT type, name, tbl_name, sql, rowid FROM sqlite_schema WHERE rowid = ?",
            "SELECT coalesce(max(rowid), 0) FROM sqlite_schema", // a b-tree edge: constant time
            "SELECT type, name, tbl_name, sql, rowid FROM sqlite_schema",
            "PRAGMA schema_version",
            "SELECT sqlite_version()");

    /** {@code sqlite_schema} rows, keyed by rowid. */
    @Override
    public Catalogue catalogue() {
        return CATALOGUE;
    }

    /** {@code sqlite_schema}, its older name {@code sqlite_master}, and their TEMP counterparts. */
    @Override
    public boolean isCatalogueTable(String name) {
        String t = name.toLowerCase(java.util.Locale.ROOT);
        int dot = t.lastIndexOf('.');
        t = dot >= 0 ? t.substring(dot + 1) : t;
        return t.equals("sqlite_master") || t.equals("sqlite_schema") || t.equals("sqlite_temp_master")
                || t.equals("sqlite_temp_schema");
    }

    /** Names starting {@code sqlite_}: {@code sqlite_sequence}, {@code sqlite_stat1}, {@code sqlite_autoindex_…}. */
    @Override
    public boolean isInternalName(String name) {
        return name.regionMatches(true, 0, "sqlite_", 0, 7);
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
