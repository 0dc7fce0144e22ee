package dev.converge.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated CREATE INDEX: keys are columns, or {@code lower(column)} expressions, each with an optional collation
 * and order; optionally UNIQUE and partial. {@code toString} is the plain SQL.
 */
public record GenIndex(String name, String table, boolean unique, List<Key> keys, String whereRef) {

    /** One key: a column, or {@code lower(column)} when {@code expression}. */
    public record Key(String column, boolean expression, String collation, boolean descending) {
    }

    public String sql(GenTable.Style s) {
        List<String> parts = new ArrayList<>();
        for (Key k : keys) {
            String text = k.expression() ? s.kw("LOWER") + "(" + s.name(k.column()) + ")" : s.name(k.column());
            if (k.collation() != null) {
                text += " " + s.kw("COLLATE ") + s.kw(k.collation());
            }
            if (k.descending()) {
                text += " " + s.kw("DESC");
            }
            parts.add(text);
        }
        String sql = s.kw(unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + s.name(name) + s.space()
                + s.kw("ON ") + s.name(table) + " (" + String.join("," + s.space(), parts) + ")";
        if (whereRef != null) {
            sql += s.space() + s.kw("WHERE ") + s.name(whereRef) + " " + s.kw("IS NOT NULL");
        }
        return sql;
    }

    /** This index on a table of another name. */
    public GenIndex on(String newTable) {
        return new GenIndex(name, newTable, unique, keys, whereRef);
    }

    /** This index with a column renamed wherever it mentions it. */
    public GenIndex renameColumn(String from, String to) {
        java.util.function.UnaryOperator<String> r =
                n -> dev.converge.sql.Identifiers.same(n, from) ? to : n;
        return new GenIndex(name, table, unique,
                keys.stream().map(k -> new Key(r.apply(k.column()), k.expression(), k.collation(), k.descending()))
                        .toList(), whereRef == null ? null : r.apply(whereRef));
    }

    /** True when a key or the WHERE mentions this column. */
    public boolean mentions(String column) {
        return keys.stream().anyMatch(k -> dev.converge.sql.Identifiers.same(k.column(), column))
                || whereRef != null && dev.converge.sql.Identifiers.same(whereRef, column);
    }

    public String sql() {
        return sql(GenTable.Style.PLAIN);
    }

    @Override
    public String toString() {
        return sql();
    }
}
