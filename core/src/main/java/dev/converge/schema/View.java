package dev.converge.schema;

/**
 * A view. Views compare by their normalized definition: everything after the view's name, as normalized tokens.
 *
 * @param name       the view name, case as written
 * @param definition normalized token text of the optional column list and the {@code AS SELECT …}
 * @param sql        the CREATE text as stored by SQLite
 */
public record View(String name, String definition, String sql) implements SchemaObject {
    @Override
    public ObjectType type() {
        return ObjectType.VIEW;
    }

    @Override
    public String tableName() {
        return name;
    }
}
