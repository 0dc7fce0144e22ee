package dev.converge.apply;

import dev.converge.detect.Reference;
import dev.converge.history.HistoryTable;
import dev.converge.sqlite.SqliteErrors;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The catalogue read once for a run of steps that execute nothing — adopting n detected migrations records n rows in
 * one transaction, and each step verifies the objects its migration touched. Without it each step would scan
 * {@code sqlite_schema} again (it has no index on names), n scans of n rows. Rows are parsed when first asked for,
 * each once.
 *
 * <p>The hazard is a stale read: the runner {@link #forget}s it when a transaction begins and after any statement it
 * executes, so it only ever serves steps of one transaction, which holds the write lock, between which nothing but
 * history rows was written (the history table itself is created or adopted only by a transaction's first step, before
 * that step reads anything here).
 */
final class CatalogueSnapshot {
    /** Every object of the main schema, with its kind, table and CREATE text. */
    private static final String ALL_ROWS = "SELECT type, name, tbl_name, sql FROM sqlite_schema";

    /** The rows by object, or null when not read since the last {@link #forget}. */
    private Map<ObjectId, String[]> rows;
    private final Map<ObjectId, SchemaObject> parsed = new HashMap<>();
    /** {@code PRAGMA schema_version} as read since the last {@link #forget}; -1 when not read. */
    private long schemaVersion = -1;

    /** The next read scans the catalogue again. */
    void forget() {
        rows = null;
        parsed.clear();
        schemaVersion = -1;
    }

    /**
     * The catalogue's {@code schema_version}, read once for the steps between two {@link #forget}s: what each history
     * row of a step that executes nothing records.
     */
    long schemaVersion(Connection c) {
        if (schemaVersion < 0) {
            schemaVersion = HistoryTable.schemaVersion(c);
        }
        return schemaVersion;
    }

    /** As {@link CatalogueRows#read}: each of {@code ids} that stands, parsed. */
    Map<ObjectId, SchemaObject> read(Connection c, Collection<ObjectId> ids, Reference ref) {
        if (rows == null) {
            rows = readAll(c);
        }
        Map<ObjectId, SchemaObject> out = new HashMap<>();
        for (ObjectId id : ids) {
            String[] row = rows.get(id);
            if (row != null) {
                out.put(id, parsed.computeIfAbsent(id, k -> CatalogueRows.parse(ref, k, row[0], row[1], row[2], row[3])));
            }
        }
        return out;
    }

    private static Map<ObjectId, String[]> readAll(Connection c) {
        Map<ObjectId, String[]> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ALL_ROWS)) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                String text = rs.getString(4);
                ObjectType t = ObjectType.find(type).orElse(null);
                if (t != null && text != null) {
                    out.putIfAbsent(ObjectId.of(t, name), new String[]{type, name, rs.getString(3), text});
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "reading the catalogue to verify recorded migrations");
        }
        return out;
    }
}
