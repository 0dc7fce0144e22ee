package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.List;
import java.util.Locale;

/** {@code ALTER TABLE … ADD COLUMN … NOT NULL} without a DEFAULT: SQLite refuses it on any table, rows or not. */
final class NotNullWithoutDefault implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        String text = st.text().toUpperCase(Locale.ROOT);
        if (st.kind() == StatementKind.ALTER_ADD_COLUMN && text.contains("NOT NULL") && !text.contains("DEFAULT")) {
            c.warn(out, "adds a NOT NULL column without a default: existing rows would have no value for it; add"
                    + " DEFAULT …, or add it nullable and fill it with an UPDATE");
        }
    }
}
