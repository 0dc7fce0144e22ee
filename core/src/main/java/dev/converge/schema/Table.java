package dev.converge.schema;

import dev.converge.sql.Identifiers;

import java.util.List;
import java.util.Optional;

/**
 * A table: ordinary, or virtual (then {@link #module()} is set, columns may be empty, and its shadow tables belong to
 * it rather than appearing in the schema).
 *
 * @param name          the table name, case as written
 * @param columns       the columns, in declared order
 * @param primaryKey    the primary-key columns in key order (from a column or a table constraint); empty for none
 * @param autoincrement the INTEGER PRIMARY KEY has AUTOINCREMENT
 * @param uniques       the UNIQUE constraints (column- and table-level), each its column names in order
 * @param checks        the CHECK expressions (column- and table-level) as normalized token text
 * @param foreignKeys   the foreign keys (column- and table-level)
 * @param withoutRowid  declared WITHOUT ROWID
 * @param strict        declared STRICT
 * @param module        the virtual-table module in lower case ({@code "fts5"}), or null for an ordinary table
 * @param moduleArgs    the module arguments as normalized token text, or null
 * @param sql           the CREATE text as stored by SQLite
 */
public record Table(String name, List<Column> columns, List<String> primaryKey, boolean autoincrement,
                    List<List<String>> uniques, List<String> checks, List<ForeignKey> foreignKeys,
                    boolean withoutRowid, boolean strict, String module, String moduleArgs, String sql)
        implements SchemaObject {

    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniques = uniques.stream().map(List::copyOf).toList();
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
    }

    @Override
    public ObjectType type() {
        return ObjectType.TABLE;
    }

    @Override
    public String tableName() {
        return name;
    }

    public boolean isVirtual() {
        return module != null;
    }

    /** The column with this name (ASCII case-insensitive). */
    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (Identifiers.same(c.name(), columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
