package dev.converge.schema;

/** The kinds of schema object Converge tracks. A virtual table and its shadow tables are one {@link #TABLE}. */
public enum ObjectType {
    TABLE, INDEX, VIEW, TRIGGER;

    /** The word SQLite uses in {@code sqlite_schema.type} and in {@code CREATE}/{@code DROP}: table, index, view, trigger. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type for a {@code sqlite_schema.type} value. */
    /** The type of a catalogue row, or empty when the row is not a table, index, view or trigger. */
    public static java.util.Optional<ObjectType> find(String sqliteType) {
        return switch (sqliteType == null ? "" : sqliteType) {
            case "table", "index", "view", "trigger" -> java.util.Optional.of(of(sqliteType));
            default -> java.util.Optional.empty();
        };
    }

    public static ObjectType of(String sqliteType) {
        return switch (sqliteType) {
            case "table" -> TABLE;
            case "index" -> INDEX;
            case "view" -> VIEW;
            case "trigger" -> TRIGGER;
            default -> throw new IllegalArgumentException("not a schema object type: " + sqliteType);
        };
    }
}
