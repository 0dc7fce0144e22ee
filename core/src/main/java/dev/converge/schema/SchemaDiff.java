package dev.converge.schema;

import java.util.List;

/**
 * The differences between an expected and an actual schema, as a list of {@link Change}s. Structure, not text:
 * see DESIGN.md §4 "Comparing objects". Column order is never a difference.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** Every difference between {@code expected} and {@code actual}; empty when they are the same schema. */
    public static List<Change> between(Schema expected, Schema actual) {
        throw new UnsupportedOperationException("TODO schema helper");
    }

    /** The differences between two definitions of one object (same id). */
    public static List<Change> between(SchemaObject expected, SchemaObject actual) {
        throw new UnsupportedOperationException("TODO schema helper");
    }

    /** True when the two objects are the same kind with the same structure. */
    public static boolean sameDefinition(SchemaObject a, SchemaObject b) {
        throw new UnsupportedOperationException("TODO schema helper");
    }
}
