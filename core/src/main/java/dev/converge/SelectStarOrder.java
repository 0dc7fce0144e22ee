package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.Token;

import java.util.List;

/** {@code INSERT INTO t SELECT * FROM s} (positional) where t's and s's column orders differ: values land in the wrong columns. */
final class SelectStarOrder implements HazardRule {
    @Override
    public void check(Context c, List<Finding> out) {
        Statement st = c.statement();
        if (!st.copiesRows() || HazardRule.insertColumns(st) != null) {
            return;
        }
        List<Token> tokens = HazardRule.words(st);
        boolean star = false;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            star |= tokens.get(i).is("SELECT") && tokens.get(i + 1).isPunct("*");
        }
        List<String> sources = HazardRule.readTables(st);
        if (!star || sources.size() != 1) {
            return;
        }
        Table target = c.before().table(st.tableName()).orElse(null);
        Table source = c.before().table(sources.get(0)).orElse(null);
        if (target == null || source == null) {
            return;
        }
        int n = Math.min(target.columns().size(), source.columns().size());
        for (int i = 0; i < n; i++) {
            if (!Identifiers.same(target.columns().get(i).name(), source.columns().get(i).name())) {
                c.warn(out, "copies by position, and column " + (i + 1) + " is " + source.columns().get(i).name()
                        + " in " + source.name() + " but " + target.columns().get(i).name() + " in " + target.name()
                        + ": values would land in the wrong columns; name the columns: INSERT INTO " + target.name()
                        + " (a, b) SELECT a, b FROM " + source.name());
                return;
            }
        }
    }
}
