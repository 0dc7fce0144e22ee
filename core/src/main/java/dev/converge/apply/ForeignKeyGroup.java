package dev.converge.apply;

import dev.converge.detect.Step;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migrations that share one transaction because the first of them left foreign-key violations that a later one
 * may clear (a parent rebuilt by renaming it away leaves the children pointing at the old name until the next migration
 * rebuilds them). Foreign keys are judged against what the group started with: the group commits when its last
 * migration leaves no new violation, and rolls back whole when the run ends with some. Mutable, owned by one run.
 */
final class ForeignKeyGroup {
    private final List<Step> steps = new ArrayList<>();
    /** Violations per table before the group's first statement, under the names the tables have now. */
    private final Map<String, Long> before = new HashMap<>();
    private final Set<String> tables = new LinkedHashSet<>();
    /** The new violations after the latest migration, or null when there are none. */
    private String violations;

    /** The tables of {@code touched} whose violations the group has not counted yet. */
    Set<String> unseen(Set<String> touched) {
        Set<String> out = new LinkedHashSet<>(touched);
        out.removeAll(tables);
        return out;
    }

    /** Adds a migration, with the violations its tables had before it, for those the group had not counted. */
    void join(Step step, Map<String, Long> counted) {
        steps.add(step);
        counted.forEach((t, n) -> {
            before.putIfAbsent(t, n);
            tables.add(t);
        });
    }

    /** A renamed table keeps the violations it had: they are not new. */
    void followRenames(List<Statement> statements) {
        for (Statement st : statements) {
            if (st.kind() == StatementKind.ALTER_RENAME_TABLE && st.tableName() != null && st.newName() != null) {
                String from = Identifiers.key(st.tableName());
                String to = Identifiers.key(st.newName());
                Long moved = before.remove(from);
                if (moved != null) {
                    before.merge(to, moved, Long::sum);
                }
                if (tables.remove(from)) {
                    tables.add(to);
                }
            }
        }
    }

    Set<String> tables() {
        return tables;
    }

    /** Compares the violations now with those before the group. */
    void check(Map<String, Long> now) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            long was = before.getOrDefault(e.getKey(), 0L);
            if (e.getValue() > was) {
                found.add((e.getValue() - was) + " new foreign-key violation(s) in table " + e.getKey());
            }
        }
        violations = found.isEmpty() ? null : String.join(", ", found);
    }

    /** The new violations left by the latest migration, or null. */
    String violations() {
        return violations;
    }

    List<Step> steps() {
        return steps;
    }

    /** The refusal when the run ends with the group's violations still there. */
    String refusal() {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.name()));
        String together = steps.size() == 1 ? "it was rolled back"
                : "no later migration of this run clears them; " + String.join(", ", names)
                + " ran in one transaction and were rolled back together";
        return "leaves " + violations + " (PRAGMA foreign_key_check); " + together;
    }
}
