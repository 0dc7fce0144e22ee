package dev.converge.sqlite;

import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaObject;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading a live schema that is mostly already known (the target of the reference, when a database is adopted or
 * checked after a run): the parser is a pure function of a catalogue row, so an object parsed from a row with exactly
 * the same type, name, table and {@code CREATE} text is what parsing the row again would give, and is taken as is.
 * Only rows whose text differs in any byte are parsed; comparing them is then the full structural comparison.
 *
 * <p>On a UTF-8 database the stored text is compared as the bytes SQLite holds, against the known text encoded once
 * per known schema: the catalogue's text is turned into a {@code String} only for the rows that differ. Bytes equal
 * to the encoding of a text that decodes back to itself decode to that text, which is what reading the column as a
 * string gives, so the match is exactly the string comparison.
 *
 * <p>The hazard is an object that was not parsed from a catalogue row spelled like this one (a name given by the
 * caller instead of read from the text): the match is on every input of the parse, so such an object only misses and
 * is parsed afresh.
 */
public final class KnownObjects {
    /** The database's text encoding: the bytes of a text column are UTF-8 only when it says so. */
    static final String ENCODING_QUERY = "PRAGMA encoding";

    /** The last known schema prepared for matching: the same target is inspected again and again. */
    private static volatile Prepared last;

    private final Prepared prepared;
    private final boolean utf8;

    private KnownObjects(Prepared prepared, boolean utf8) {
        this.prepared = prepared;
        this.utf8 = utf8;
    }

    /** Matching catalogue rows of {@code c} against {@code known}. */
    static KnownObjects of(Schema known, Connection c) throws SQLException {
        Prepared p = last;
        if (p == null || p.schema != known) {
            p = new Prepared(known);
            last = p;
        }
        boolean utf8;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ENCODING_QUERY)) {
            utf8 = rs.next() && "UTF-8".equals(rs.getString(1));
        }
        return new KnownObjects(p, utf8);
    }

    /** True when rows should be matched by the bytes of their text ({@link #matchBytes}), not its string. */
    boolean byBytes() {
        return utf8;
    }

    /**
     * The object of the known schema parsed from exactly this row, given as the UTF-8 bytes SQLite holds
     * ({@code type, name, tbl_name, sql}); or null (also when a column is null).
     */
    Known matchBytes(byte[] type, byte[] name, byte[] table, byte[] sql) {
        if (type == null || name == null || table == null || sql == null) {
            return null;
        }
        Known k = prepared.byName.get(new String(name, StandardCharsets.ISO_8859_1));
        return k != null && Arrays.equals(sql, k.sql) && Arrays.equals(table, k.table) && Arrays.equals(type, k.type)
                ? k : null;
    }

    /** The object of the known schema parsed from exactly this row; or null. */
    SchemaObject match(String type, String name, String table, String sql) {
        Known k = prepared.byText.get(name);
        return k != null && type.equals(k.object.type().sqlName()) && table.equals(k.object.tableName())
                && sql.equals(k.object.sql()) ? k.object : null;
    }

    /** True when a matched object is a virtual table (its shadow tables must then be looked for). */
    static boolean isVirtual(SchemaObject o) {
        return o instanceof dev.converge.schema.Table t && t.isVirtual();
    }

    /**
     * The schema of the matched objects and the parsed rest: {@code known} itself when every one of its objects was
     * matched and nothing else was read (catalogue names are unique, so each row matched a distinct object).
     */
    Schema schema(List<SchemaObject> matched, List<SchemaObject> parsed) {
        if (parsed.isEmpty() && matched.size() == prepared.schema.size()) {
            return prepared.schema;
        }
        matched.addAll(parsed);
        return Schema.of(matched);
    }

    /**
     * True when parsing the catalogue row ({@code type, name, tbl_name, sql}) would give {@code o}: it was parsed from
     * a row with the same type, name, table and text, each compared exactly.
     */
    public static boolean parsedFrom(SchemaObject o, ObjectType type, String name, String table, String sql) {
        return o.type() == type && o.name().equals(name) && o.tableName().equals(table) && o.sql().equals(sql);
    }

    /**
     * A known schema's objects by exact name, and by the bytes of their UTF-8 name (a byte per char of an ISO-8859-1
     * string: equal keys are equal bytes), each with its catalogue row in UTF-8.
     */
    private static final class Prepared {
        final Schema schema;
        final Map<String, Known> byText;
        final Map<String, Known> byName;

        Prepared(Schema schema) {
            this.schema = schema;
            this.byText = new HashMap<>(schema.size() * 2);
            this.byName = new HashMap<>(schema.size() * 2);
            Map<ObjectType, byte[]> types = new java.util.EnumMap<>(ObjectType.class);
            for (ObjectType t : ObjectType.values()) {
                types.put(t, utf8(t.sqlName()));
            }
            for (SchemaObject o : schema.objects()) {
                byte[] name = utf8(o.name());
                byte[] table = o.tableName().equals(o.name()) ? name : utf8(o.tableName()); // fewer arrays to touch
                Known k = new Known(o, types.get(o.type()), table, utf8(o.sql()),
                        SchemaInspector.isInternal(o.name()), isVirtual(o));
                byText.putIfAbsent(o.name(), k);
                if (name != null && k.table != null && k.sql != null) {
                    byName.putIfAbsent(new String(name, StandardCharsets.ISO_8859_1), k);
                }
            }
        }

        /** The UTF-8 bytes of {@code s}; null when they do not decode back to it (a lone surrogate): no bytes match. */
        private static byte[] utf8(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return new String(b, StandardCharsets.UTF_8).equals(s) ? b : null;
        }
    }

    /**
     * A known object with its catalogue row in UTF-8, and what the inspector asks of a matched row (SQLite's own
     * object? a virtual table?) answered once, so a matched row does not reach into the object.
     */
    record Known(SchemaObject object, byte[] type, byte[] table, byte[] sql, boolean internal, boolean virtual) {
    }
}
