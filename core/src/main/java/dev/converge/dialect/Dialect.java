package dev.converge.dialect;

import dev.converge.error.ConvergeException;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine needs from a database engine, and nothing else: everything that is one engine's (SQLite's, in
 * {@code dev.converge.sqlite}) sits behind this interface, so that a second engine would be a new package rather than
 * edits everywhere. Detection and planning are pure and speak only of {@link Schema}s and statements; the replay, the
 * rehearsal, the runner and the engine reach the database through a dialect.
 */
public interface Dialect {

    /** The engine's name, for messages. */
    String name();

    /** The file that {@code url} or {@code dataSource} opens; empty for in-memory and unknown sources. */
    Optional<Path> fileOf(String url, DataSource dataSource);

    /**
     * A URL that opens {@code file} for reading only, when that is the only way this process can read it (its engine
     * needs to write beside it, in a folder that cannot be written); empty otherwise.
     */
    Optional<String> readOnlyUrl(Path file);

    /** Refuses, before any change, a database whose pages are damaged, naming {@code file} and the engine's finding. */
    void refuseIfDamaged(Connection c, String file);

    /** Opens the live database {@code url}; {@code create} false refuses to create a missing one. */
    Connection open(String url, boolean create, long lockTimeoutMs) throws SQLException;

    /** An empty private database, where the reference is replayed and a plan rehearsed. */
    Connection openScratch() throws SQLException;

    /** The schema of {@code c}: every object but the engine's internal ones and {@code excludedTable} (may be null). */
    default Schema readSchema(Connection c, String excludedTable) {
        return readSchema(c, excludedTable, null);
    }

    /**
     * {@link #readSchema(Connection, String)}, taking from {@code known} (may be null) every object whose stored
     * definition is the one it was read from, so that only what differs is parsed.
     */
    Schema readSchema(Connection c, String excludedTable, Schema known);

    /** Tables the engine keeps for another object (e.g. a full-text index's storage): never migrated on their own. */
    Set<String> internalTables(Connection c);

    /** A number that moves with every change of the schema; a failure to read it comes translated. */
    long schemaVersion(Connection c);

    /**
     * Puts a live session in the state a run needs (constraints that the run checks itself are off, renames behave as
     * in the replay, waits for a lock up to {@code lockTimeoutMs}); closing the result puts the caller's settings back.
     */
    SessionSettings prepareSession(Connection c, long lockTimeoutMs) throws SQLException;

    /** Puts the replay's session settings back after a migration that changed them (its settings end with it). */
    void resetReplaySettings(Connection c) throws SQLException;

    /** Begins the run's transaction, taking the write lock at once (no later lock upgrade that could fail). */
    void beginWrite(Connection c) throws SQLException;

    /** {@code e}, which happened while {@code doing} on {@code file} (null when unknown), in the user's terms. */
    ConvergeException translate(SQLException e, String doing, Path file);

    /** True when a constraint (UNIQUE, NOT NULL, CHECK, foreign key) refused a row. */
    boolean isConstraint(SQLException e);

    /** True when the engine may have rolled the whole transaction back by itself after {@code e}. */
    boolean mayHaveRolledBack(SQLException e);

    /** True when dropping a table removes objects of this type that belong to it (indexes, triggers). */
    boolean droppedWithItsTable(ObjectType type);

    /**
     * The statements that wrap a table rename so that other objects' references to the table are left as they are
     * (SQLite's {@code legacy_alter_table}); the rebuild idiom of an engine without full {@code ALTER TABLE}.
     */
    Wrap renameKeepingReferences();

    /** How the replay reads the catalogue after each statement, and what in it is the engine's own. */
    Catalogue catalogue();

    /**
     * The replay's catalogue queries, each returning rows of (type, name, table name, definition text, row key) where
     * the row key orders rows by creation and stays put when a definition is rewritten in place.
     *
     * @param byName        rows of the object named {@code ?1} and of the objects that belong to the table {@code ?1}
     * @param after         rows whose key is above {@code ?} (what a CREATE made)
     * @param at            the row whose key is {@code ?} (a definition rewritten in place)
     * @param maxKey        the highest key (one row, one column)
     * @param all           every row
     * @param schemaVersion the counter that moves with every schema change (one row, one column)
     * @param engineVersion the engine library's version (one row, one column)
     */
    record Catalogue(String byName, String after, String at, String maxKey, String all, String schemaVersion,
                     String engineVersion) {
    }

    /** True for a table name that is the engine's catalogue itself (a write to it changes definitions directly). */
    boolean isCatalogueTable(String name);

    /** True for the name of an object the engine keeps for itself (never the user's). */
    boolean isInternalName(String name);

    /** Two statements to run around another: {@code before} it, {@code after} it. */
    record Wrap(String before, String after) {
    }

    /** A session's settings as they were before {@link #prepareSession}; closing puts them back. */
    interface SessionSettings extends AutoCloseable {
        @Override
        void close();
    }
}
