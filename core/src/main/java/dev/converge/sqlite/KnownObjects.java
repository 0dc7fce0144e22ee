package dev.converge.sqlite;

import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading a live schema that is mostly already known (the target of the reference, when a database is adopted or
 * checked after a run): the parser is a pure function of a catalogue row, so an object parsed from a row with exactly
 * the same type, name, table and {@code CREATE} text is what parsing the row again would give, and is taken as is.
 * Only rows whose text differs in any byte are parsed; comparing them is then the full structural comparison.
 *
 * <p>The hazard is an object that was not parsed from a catalogue row spelled like this one (a name given by the
 * caller instead of read from the text): the match is on every input of the parse, so such an object only misses and
 * is parsed afresh.
 */
public final class KnownObjects {
    private KnownObjects() {
    }

    /**
     * The schema of {@code rows} ({@code type, name, tbl_name, sql}), objects of {@code known} standing for the rows
     * they were parsed from, {@code parse} for the rest; {@code known} itself when it holds exactly these rows.
     */
    static Schema reuse(Schema known, List<String[]> rows, Function<List<String[]>, List<SchemaObject>> parse) {
        List<SchemaObject> objects = new ArrayList<>(rows.size());
        List<String[]> changed = new ArrayList<>();
        for (String[] row : rows) {
            SchemaObject o = unchanged(known, row);
            if (o != null) {
                objects.add(o);
            } else {
                changed.add(row);
            }
        }
        if (changed.isEmpty() && objects.size() == known.size()) {
            return known; // each row matched a distinct known object (catalogue names are unique), and none is left
        }
        objects.addAll(parse.apply(changed));
        return Schema.of(objects);
    }

    /** The object of {@code known} parsed from exactly this row, or null. */
    static SchemaObject unchanged(Schema known, String[] row) {
        SchemaObject o = known.byExactName().get(row[1]);
        return o != null && parsedFrom(o, ObjectType.find(row[0]).orElse(null), row[1], row[2], row[3]) ? o : null;
    }

    /**
     * True when parsing the catalogue row ({@code type, name, tbl_name, sql}) would give {@code o}: it was parsed from
     * a row with the same type, name, table and text, each compared exactly.
     */
    public static boolean parsedFrom(SchemaObject o, ObjectType type, String name, String table, String sql) {
        return o.type() == type && o.name().equals(name) && o.tableName().equals(table) && o.sql().equals(sql);
    }
}
