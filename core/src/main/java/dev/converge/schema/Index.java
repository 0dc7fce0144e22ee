package dev.converge.schema;

import java.util.List;

/**
 * An index made by {@code CREATE INDEX}. Automatic indexes of UNIQUE and PRIMARY KEY constraints are part of their
 * table, not separate objects.
 *
 * @param name   the index name, case as written
 * @param table  the indexed table
 * @param keys   the keys, in order
 * @param unique UNIQUE
 * @param where  the partial-index WHERE expression as normalized token text, or null
 * @param sql    the CREATE text as stored by SQLite
 */
public record Index(String name, String table, List<IndexKey> keys, boolean unique, String where, String sql)
        implements SchemaObject {

    public Index {
        keys = List.copyOf(keys);
    }

    @Override
    public ObjectType type() {
        return ObjectType.INDEX;
    }

    @Override
    public String tableName() {
        return table;
    }
}
