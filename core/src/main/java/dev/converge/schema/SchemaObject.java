package dev.converge.schema;

/**
 * A table, index, view or trigger, as parsed from the {@code CREATE} text SQLite keeps in {@code sqlite_schema}.
 * Two objects have the same definition when they agree in structure (DESIGN.md §4 "Comparing objects"), whatever
 * their spelling, formatting or column order.
 */
public sealed interface SchemaObject permits Table, Index, View, Trigger {

    /** The object's name, case as written. */
    String name();

    ObjectType type();

    /** For an index or trigger, the table it belongs to; for a table or view, its own name. */
    String tableName();

    /** The {@code CREATE} text as SQLite stores it; executing it re-creates the object. */
    String sql();

    default ObjectId id() {
        return ObjectId.of(type(), name());
    }

    /** True when {@code other} is the same kind of object with the same structure (names compare case-insensitively). */
    default boolean sameDefinition(SchemaObject other) {
        return SchemaDiff.sameDefinition(this, other);
    }
}
