package dev.converge.detect;

import dev.converge.schema.ForeignKey;
import dev.converge.schema.Schema;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Foretells, from the reference alone, the migrations that the runner will commit together: a migration that leaves
 * foreign keys pointing at a table that no longer exists (a parent rebuilt by renaming it away, which rewrites its
 * children's keys to the old name) leaves every child row in violation until a later migration repoints them. The
 * runner judges foreign keys by what such a group ends with ({@code apply.ForeignKeyGroup}); this says so in the plan.
 * Rows can add violations the schema does not show: the runner groups those too, and the plan cannot foretell them.
 */
final class ForeignKeyForecast {
    private ForeignKeyForecast() {
    }

    /** One note per group of executed steps that will share a transaction. */
    static List<String> notes(Reference ref, List<Step> steps) {
        List<String> out = new ArrayList<>();
        List<Step> run = new ArrayList<>();
        for (Step s : steps) {
            if (s.action() == Action.EXECUTE && s.migration() != null) {
                run.add(s);
            }
        }
        DanglingKeys keys = run.isEmpty() ? null : DanglingKeys.of(ref);
        for (int i = 0; i < run.size(); i++) {
            MigrationEffects me = ref.effectsOf(run.get(i).migration());
            if (!removesATable(me)) {
                continue; // only a rename or a drop can leave a foreign key pointing at nothing
            }
            Set<String> dangling = new TreeSet<>(keys.at(me.end()));
            dangling.removeAll(keys.at(me.start()));
            if (dangling.isEmpty()) {
                continue;
            }
            int j = i + 1;
            while (j < run.size() && !cleared(dangling, keys.at(ref.effectsOf(run.get(j).migration()).end()))) {
                j++;
            }
            if (j >= run.size()) {
                continue; // nothing clears them: the runner refuses if rows violate them
            }
            List<String> names = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                names.add(run.get(k).name());
            }
            out.add(run.get(i).name() + " leaves foreign keys pointing at a table that no longer exists ("
                    + String.join(", ", dangling) + ") and " + run.get(j).name() + " repoints them: "
                    + String.join(", ", names) + " commit together in one transaction, judged by the foreign keys they"
                    + " end with");
            i = j;
        }
        return out;
    }

    private static boolean removesATable(MigrationEffects me) {
        for (dev.converge.sql.Statement st : me.statements()) {
            if (st.kind() == dev.converge.sql.StatementKind.ALTER_RENAME_TABLE
                    || st.kind() == dev.converge.sql.StatementKind.DROP_TABLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean cleared(Set<String> introduced, Set<String> now) {
        for (String d : introduced) {
            if (now.contains(d)) {
                return false;
            }
        }
        return true;
    }

    /** "child → parent" for every foreign key whose parent table is missing from {@code schema} (the definition {@link DanglingKeys} sweeps). */
    static Set<String> dangling(Schema schema) {
        Set<String> out = new TreeSet<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (schema.table(fk.table()).isEmpty()) {
                    out.add(Identifiers.key(t.name()) + " → " + Identifiers.key(fk.table()));
                }
            }
        }
        return out;
    }
}
