package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import dev.converge.sql.Token;

import java.util.List;

/** A UNIQUE index on a table an earlier migration made: it fails on a real database whose rows repeat a value. */
final class UniqueOnExistingTable implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        if (st.kind() != StatementKind.CREATE_INDEX || !c.mayHoldRows(st.tableName())) {
            return;
        }
        List<Token> tokens = HazardRule.words(st);
        if (tokens.size() > 1 && tokens.get(1).is("UNIQUE")) {
            c.warn(out, "adds a UNIQUE index to table " + st.tableName() + ", which may already hold rows that repeat"
                    + " a value: it then fails; deduplicate first (a DELETE or UPDATE before it that leaves one row per"
                    + " value)");
        }
    }
}
