package dev.converge.schema;

/**
 * Parses the {@code CREATE} texts SQLite keeps in {@code sqlite_schema} into schema records, in one pass over the
 * tokens of the {@code sql} tokenizer.
 */
public final class SchemaParser {
    private SchemaParser() {
    }

    /**
     * Parses one {@code sqlite_schema} row.
     *
     * @param type    {@code table}, {@code index}, {@code view} or {@code trigger}
     * @param name    the object's name
     * @param tblName the table it belongs to
     * @param sql     its CREATE text
     */
    public static SchemaObject parse(String type, String name, String tblName, String sql) {
        throw new UnsupportedOperationException("TODO schema helper");
    }
}
