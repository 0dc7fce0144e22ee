package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.List;

/** A DROP TABLE or DROP COLUMN of a table an earlier migration made, with no copy of its rows before it. */
final class DropWithoutCopy implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        if (c.meantAbove()) {
            return; // "-- dropped on purpose": the author says the data is meant to go
        }
        if (st.kind() == StatementKind.DROP_TABLE && c.mayHoldRows(st.objectName()) && !c.copiedBefore(st.objectName())) {
            c.warn(out, "drops table " + st.objectName() + ", which an earlier migration made and a real database"
                    + " may hold rows in, and nothing before it in this migration copies them out; copy the rows first"
                    + " (INSERT INTO t_new (…) SELECT … FROM " + st.objectName() + "); if the rows are meant to go, say so in a"
                    + " comment right above it (-- dropped on purpose)");
        } else if (st.kind() == StatementKind.ALTER_DROP_COLUMN && c.mayHoldRows(st.tableName())
                && !c.copiedBefore(st.tableName())) {
            c.warn(out, "drops column " + st.columnName() + " of table " + st.tableName() + ", and its values with it;"
                    + " copy them where they are still needed first (UPDATE other SET … FROM " + st.tableName()
                    + "); if they are meant to go, say so in a comment right above it (-- dropped on purpose)");
        }
    }
}
