package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.List;

/** A direct write to {@code sqlite_schema} / {@code sqlite_master} (under {@code PRAGMA writable_schema}). */
final class SchemaTableWrite implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        boolean write = st.kind() == StatementKind.UPDATE || st.kind() == StatementKind.INSERT
                || st.kind() == StatementKind.DELETE || st.kind() == StatementKind.REPLACE;
        String t = st.tableName() == null ? "" : st.tableName().toLowerCase(java.util.Locale.ROOT);
        if (write && (t.endsWith("sqlite_schema") || t.endsWith("sqlite_master"))) {
            c.warn(out, "writes the schema table directly: SQLite does not check the result, and a wrong edit corrupts"
                    + " the database; make the change with CREATE/ALTER (rebuild the table: create the new one, copy,"
                    + " drop, rename)");
        }
    }
}
