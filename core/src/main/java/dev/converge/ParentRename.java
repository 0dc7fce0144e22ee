package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.schema.ForeignKey;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.List;

/**
 * Renaming a table other tables' foreign keys point at: SQLite (legacy_alter_table=OFF) rewrites those keys to the
 * new name, so a rebuild that renames the old table away leaves the children pointing at a table it then drops.
 */
final class ParentRename implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        if (st.kind() != StatementKind.ALTER_RENAME_TABLE || st.tableName() == null) {
            return;
        }
        for (Table t : c.before().tables()) {
            if (Identifiers.same(t.name(), st.tableName())) {
                continue;
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (Identifiers.same(fk.table(), st.tableName())) {
                    c.warn(out, "renames " + st.tableName() + ", which table " + t.name() + "'s foreign key points"
                            + " at: SQLite rewrites that key to " + st.newName() + "; rebuild new-table-first instead"
                            + " (CREATE TABLE t_new, copy, DROP TABLE t, ALTER TABLE t_new RENAME TO t)");
                    return;
                }
            }
        }
    }
}
