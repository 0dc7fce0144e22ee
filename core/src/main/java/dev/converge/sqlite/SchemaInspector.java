package dev.converge.sqlite;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.SchemaParser;
import dev.converge.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the live schema of a database's {@code main} schema: one read of {@code sqlite_schema}, whose {@code CREATE}
 * texts SQLite keeps complete across {@code ALTER TABLE}, each parsed by {@link SchemaParser}. SQLite's own objects
 * ({@code sqlite_*}), automatic indexes (they belong to their table's constraints) and the shadow tables of virtual
 * tables (they belong to the virtual table) are left out. The pragma functions are this class's test oracle, not its
 * source.
 */
public final class SchemaInspector {
    private static final System.Logger LOG = System.getLogger(SchemaInspector.class.getName());

    /** Every object of the main schema: its kind, name, the table it belongs to, and its CREATE text. */
    static final String SCHEMA_QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_schema";

    /** The tables SQLite marks as shadow tables of a virtual table (e.g. {@code docs_data} of an fts5 table). */
    static final String SHADOW_TABLES_QUERY =
            "SELECT name FROM pragma_table_list WHERE schema='main' AND type='shadow'";

    /** SQLITE_NOTADB and SQLITE_CORRUPT: the file is not a database, or is damaged. */
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_CORRUPT = 11;

    private SchemaInspector() {
    }

    /** The live schema. */
    public static Schema inspect(Connection c) {
        return inspect(c, null);
    }

    /**
     * The live schema without {@code excludedTable} (compared case-insensitively) and the indexes and triggers on it:
     * Converge's history table is not part of the user's schema.
     */
    public static Schema inspect(Connection c, String excludedTable) {
        return inspect(c, excludedTable, null);
    }

    /**
     * The live schema without {@code excludedTable}, as {@link #inspect(Connection, String)} reads it, taking from
     * {@code known} (may be null) every object whose catalogue row is the one it was parsed from — same type, name,
     * table and {@code CREATE} text, compared exactly — and parsing only the rows that differ (see
     * {@link KnownObjects}). When every row is unchanged and nothing is added or missing, the result is {@code known}
     * itself, which {@link dev.converge.schema.SchemaDiff} compares with itself without a walk.
     */
    public static Schema inspect(Connection c, String excludedTable, Schema known) {
        // one pass over the catalogue; the parsing after it is pure and, for large schemas, spread over the cores
        List<String[]> rows = new ArrayList<>();
        List<SchemaObject> matched = new ArrayList<>(known == null ? 0 : known.size());
        boolean anyVirtual = false;
        KnownObjects match = null;
        try {
            match = known == null ? null : KnownObjects.of(known, c);
            boolean byBytes = match != null && match.byBytes();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SCHEMA_QUERY)) {
                while (rs.next()) {
                    if (byBytes) {
                        // with a known schema on a UTF-8 database the row is first read as bytes: strings only if it differs
                        KnownObjects.Known same = match.matchBytes(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
                        if (same != null) {
                            SchemaObject o = same.object(); // its flags are read from the row, not from the object
                            if (!same.internal() && (excludedTable == null || !excluded(o.name(), o.tableName(), excludedTable))) {
                                matched.add(o);
                                anyVirtual |= same.virtual();
                            }
                            continue;
                        }
                    }
                    String sql = rs.getString(4);
                    String name = rs.getString(2);
                    if (sql == null || isInternal(name)) {
                        continue;
                    }
                    String table = rs.getString(3);
                    if (excluded(name, table, excludedTable)) {
                        continue;
                    }
                    String type = rs.getString(1);
                    SchemaObject same = match == null ? null : match.match(type, name, table, sql);
                    if (same != null) {
                        matched.add(same);
                        anyVirtual |= KnownObjects.isVirtual(same);
                        continue;
                    }
                    anyVirtual |= sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14);
                    rows.add(new String[]{type, name, table, sql});
                }
            }
        } catch (SQLException e) {
            throw failure(e, "reading the schema (sqlite_schema)");
        }
        // shadow tables exist only beside virtual tables: skip pragma_table_list when there are none
        Set<String> shadow = anyVirtual ? shadowTables(c) : Set.of();
        List<String[]> kept = shadow.isEmpty() ? rows : rows.stream()
                .filter(r -> !shadow.contains(Identifiers.key(r[1])) && !shadow.contains(Identifiers.key(r[2])))
                .toList();
        if (known != null) {
            List<SchemaObject> reused = shadow.isEmpty() ? matched : new ArrayList<>(matched.stream()
                    .filter(o -> !shadow.contains(Identifiers.key(o.name())) && !shadow.contains(Identifiers.key(o.tableName())))
                    .toList());
            return match.schema(reused, parseAll(kept));
        }
        List<SchemaObject> objects = parseAll(kept);
        LOG.log(System.Logger.Level.DEBUG, "inspected {0} objects", objects.size());
        return Schema.of(objects);
    }

    /** Parses catalogue rows ({@code type, name, tbl_name, sql}); on all cores when there are many. */
    private static List<SchemaObject> parseAll(List<String[]> rows) {
        return (rows.size() >= PARALLEL_FROM ? rows.parallelStream() : rows.stream())
                .map(SchemaInspector::parse).toList();
    }

    /** From this many objects on, parsing runs on all cores. */
    private static final int PARALLEL_FROM = 512;

    private static SchemaObject parse(String[] row) {
        try {
            return SchemaParser.parse(row[0], row[1], row[2], row[3]);
        } catch (ConvergeException e) {
            String current = row[0] + " " + Identifiers.quote(row[1]);
            throw ConvergeException.builder(ErrorCode.INTERNAL,
                            "cannot understand the CREATE text SQLite holds for " + current
                                    + "; please report this with the text: " + e.getMessage())
                    .object(e.object().orElse(current)).cause(e).build();
        }
    }

    /** The names (ASCII lower case) of the shadow tables of the virtual tables in the main schema. */
    public static Set<String> shadowTables(Connection c) {
        Set<String> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SHADOW_TABLES_QUERY)) {
            while (rs.next()) {
                out.add(Identifiers.key(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw failure(e, "listing shadow tables (pragma_table_list)");
        }
        return out;
    }

    /** True for the excluded table (the history table) and the objects on it. */
    private static boolean excluded(String name, String table, String excludedTable) {
        return excludedTable != null && (Identifiers.same(name, excludedTable) || Identifiers.same(table, excludedTable));
    }

    /** SQLite's own objects: {@code sqlite_schema}, {@code sqlite_sequence}, {@code sqlite_stat1}… */
    static boolean isInternal(String name) {
        return name.length() >= 7 && name.regionMatches(true, 0, "sqlite_", 0, 7);
    }

    private static ConvergeException failure(SQLException e, String doing) {
        String msg = String.valueOf(e.getMessage());
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || msg.contains("file is not a database")) {
            return new ConvergeException(ErrorCode.NOT_A_DATABASE,
                    "the file is not a SQLite database, or is damaged (" + msg + ") while " + doing
                            + "; check the path, or restore the file from a backup", e);
        }
        return new ConvergeException(ErrorCode.INTERNAL, "SQLite failed while " + doing + ": " + msg, e);
    }
}
