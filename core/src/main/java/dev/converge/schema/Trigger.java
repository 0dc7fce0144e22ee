package dev.converge.schema;

/**
 * A trigger. Triggers compare by their normalized definition: everything after the trigger's name.
 *
 * @param name       the trigger name, case as written
 * @param table      the table (or view) it fires on
 * @param definition normalized token text from the timing keyword to the final END
 * @param sql        the CREATE text as stored by SQLite
 */
public record Trigger(String name, String table, String definition, String sql) implements SchemaObject {
    @Override
    public ObjectType type() {
        return ObjectType.TRIGGER;
    }

    @Override
    public String tableName() {
        return table;
    }
}
