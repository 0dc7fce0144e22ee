package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.source.Migration;
import dev.converge.sql.Statement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One migration as the replay saw it: its statements, where it sits on the timeline, and the objects each statement
 * created, altered or dropped. Statement {@code j} (1-based) moves the timeline from point {@code start + j - 1} to
 * {@code start + j}.
 */
public record MigrationEffects(Migration migration, List<Statement> statements, int start,
                               List<Set<ObjectId>> effects) {

    public MigrationEffects {
        statements = List.copyOf(statements);
        effects = effects.stream().map(Set::copyOf).toList();
    }

    /** The point after its last statement. */
    public int end() {
        return start + statements.size();
    }

    /** Every object any of its statements touched, in the order first touched. */
    public Set<ObjectId> touched() {
        Set<ObjectId> all = new LinkedHashSet<>();
        effects.forEach(all::addAll);
        return all;
    }

    /** True when none of its statements changes the schema (seed rows, a backfill). */
    public boolean hasNoSchemaEffect() {
        for (Set<ObjectId> e : effects) {
            if (!e.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Global point after the first statement that touches {@code id}, or -1. */
    public int firstTouch(ObjectId id) {
        for (int j = 0; j < effects.size(); j++) {
            if (effects.get(j).contains(id)) {
                return start + j + 1;
            }
        }
        return -1;
    }

    /** Global point after the last statement that touches {@code id}, or -1. */
    public int lastTouch(ObjectId id) {
        for (int j = effects.size() - 1; j >= 0; j--) {
            if (effects.get(j).contains(id)) {
                return start + j + 1;
            }
        }
        return -1;
    }
}
