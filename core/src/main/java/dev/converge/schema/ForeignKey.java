package dev.converge.schema;

import java.util.List;

/**
 * A foreign key of a table.
 *
 * @param columns    the referencing columns, in order
 * @param table      the referenced table (unquoted)
 * @param refColumns the referenced columns, in order; empty when they default to the parent's primary key
 * @param onDelete   the ON DELETE action in upper case ({@code "CASCADE"}, {@code "SET NULL"}…), {@code "NO ACTION"} by default
 * @param onUpdate   the ON UPDATE action, {@code "NO ACTION"} by default
 * @param match      the MATCH name in upper case, or null
 * @param deferred   DEFERRABLE INITIALLY DEFERRED
 */
public record ForeignKey(List<String> columns, String table, List<String> refColumns, String onDelete,
                         String onUpdate, String match, boolean deferred) {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}
