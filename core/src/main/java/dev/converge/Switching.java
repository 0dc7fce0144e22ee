package dev.converge;

import dev.converge.detect.Plan;
import dev.converge.history.ForeignHistory;
import dev.converge.history.History;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the engine does for a database coming from another migration tool: that tool's history table is no part of
 * the application's schema, and a plan says that it will be adopted (and which of its rows are not trusted).
 */
final class Switching {
    private Switching() {
    }

    /** {@code live} without the history tables of other tools ({@link ForeignHistory#tablesIn}). */
    static Schema withoutOtherToolsTables(Connection c, Schema live) {
        Schema out = live;
        for (String table : ForeignHistory.tablesIn(c)) {
            out = out.without(ObjectId.table(table));
        }
        return out;
    }

    /** {@code names} (Converge's history tables, its own first) and the history tables of other tools present. */
    static Set<String> withOtherToolsTables(Connection c, Set<String> names) {
        Set<String> out = new LinkedHashSet<>(names);
        out.addAll(ForeignHistory.tablesIn(c));
        return out;
    }

    /** {@code plan} with a note naming the adoption of another tool's history, when {@code h} is one. */
    static Plan naming(Plan plan, History h) {
        if (h.adopted() == null) {
            return plan;
        }
        List<String> notes = new ArrayList<>();
        notes.add(h.adopted().summary());
        notes.addAll(h.adopted().notes());
        notes.addAll(plan.notes());
        return new Plan(plan.steps(), plan.problems(), notes, plan.detection(), plan.historyFingerprint(),
                plan.schemaVersion(), plan.tolerated(), plan.reference());
    }

    /** The set of {@code source}, loaded the first time it is asked for. */
    static Supplier<MigrationSet> once(MigrationSource source) {
        return new Supplier<>() {
            private MigrationSet set;

            @Override
            public synchronized MigrationSet get() {
                if (set == null) {
                    set = source.load();
                }
                return set;
            }
        };
    }
}
