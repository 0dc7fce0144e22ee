package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.schema.Column;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;

import java.util.List;

/**
 * A rebuild's copy {@code INSERT INTO new (…) SELECT … FROM old} that leaves out a column both tables have (its
 * values are lost), or a NOT NULL column of the new table with no default (the copy fails on the first row).
 */
final class CopyLeavesOutColumn implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        List<String> columns = HazardRule.insertColumns(st);
        if (!st.copiesRows() || columns == null) {
            return;
        }
        Table target = c.before().table(st.tableName()).orElse(null);
        List<String> sources = HazardRule.readTables(st);
        Table source = sources.size() == 1 ? c.before().table(sources.get(0)).orElse(null) : null;
        if (target == null || source == null || !c.mayHoldRows(source.name())) {
            return;
        }
        for (Column col : target.columns()) {
            boolean named = columns.stream().anyMatch(n -> Identifiers.same(n, col.name()));
            if (named) {
                continue;
            }
            if (source.column(col.name()).isPresent()) {
                c.warn(out, "copies rows from " + source.name() + " into " + target.name() + " but leaves out column "
                        + col.name() + ", which both have: its values would be lost; name it in both column lists");
            } else if (col.notNull() && col.defaultValue() == null && col.primaryKeyPosition() == 0) {
                c.warn(out, "copies rows into " + target.name() + " without column " + col.name() + ", which is NOT"
                        + " NULL with no default: the copy fails on the first row; give it a DEFAULT or a value in"
                        + " the SELECT");
            }
        }
    }
}
