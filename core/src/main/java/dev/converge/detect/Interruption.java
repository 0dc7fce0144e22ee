package dev.converge.detect;

import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.source.Version;
import dev.converge.sql.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pass 3: where a run was interrupted. Only one migration can be: the first unrecorded one after F with a schema
 * effect, when what it touches stands neither as before nor as after it but exactly as after one of its statements.
 * Also builds the {@code HALF_APPLIED} verdict, wherever it is found (docs/design.md §5, pass 3).
 */
final class Interruption {
    private Interruption() {
    }

    /** Where the interruption is: the migration's index in {@code ms} and the statement point, or null. */
    record At(int index, int point) {
    }

    static At find(Scene scene, List<MigrationEffects> ms, int f, Map<Version, HistoryEntry> recorded) {
        int candidate = f + 1;
        while (candidate < ms.size() && ms.get(candidate).hasNoSchemaEffect()) {
            candidate++;
        }
        // rule "F stands mid-way": a rebuild stopped before re-creating its indexes explains the objects the next drops
        if (candidate >= ms.size() || recorded.containsKey(ms.get(candidate).migration().version())
                || standsMidWay(scene, f < 0 ? null : ms.get(f), recorded)) {
            return null;
        }
        MigrationEffects next = ms.get(candidate);
        if (next.touched().isEmpty() || scene.standsAt(next, next.start()) || scene.standsAt(next, next.end())) {
            return null;
        }
        int j = halfPoint(scene, next);
        return j > 0 ? new At(candidate, j) : null;
    }

    /** True when {@code me} is unrecorded and every object it touches stands as after one of its statements, not its last. */
    private static boolean standsMidWay(Scene scene, MigrationEffects me, Map<Version, HistoryEntry> recorded) {
        return me != null && !recorded.containsKey(me.migration().version()) && !me.hasNoSchemaEffect()
                && !scene.standsAt(me, me.end()) && halfPoint(scene, me) > 0;
    }

    /**
     * Rule "interrupted at a statement": the largest j (0 &lt; j &lt; statements) such that every object it touches
     * stands as after its statement j; else 0. A reading that forces the migration's point decides instead (0 when the
     * forced point does not fit).
     */
    static int halfPoint(Scene scene, MigrationEffects me) {
        Integer forced = scene.reading.interruptionOf(me.migration().version());
        if (forced != null) {
            return forced > 0 && forced < me.statements().size() && scene.standsAt(me, me.start() + forced) ? forced : 0;
        }
        for (int j = me.statements().size() - 1; j >= 1; j--) {
            if (scene.standsAt(me, me.start() + j)) {
                return j;
            }
        }
        return 0;
    }

    /** Every statement point of {@code me} (after its first statement, before its last) that its objects fit, latest first. */
    static List<Integer> fittingPoints(Scene scene, MigrationEffects me) {
        List<Integer> out = new ArrayList<>();
        for (int j = me.statements().size() - 1; j >= 1; j--) {
            if (scene.standsAt(me, me.start() + j)) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * Rule "never skip a data statement that may not have run": the points just before data statements fit the schema
     * as well as the points after them, so the interruption is placed at the earliest such point, unless the rows show
     * a statement ran (a copy into a table that holds rows has run, and so has everything before it).
     */
    static int resumePoint(MigrationEffects me, int latest, RowFacts rows) {
        int j = latest;
        while (j > 0) {
            Statement st = me.statements().get(j - 1);
            if (!st.kind().isData() || !me.effects().get(j - 1).isEmpty()
                    || st.copiesRows() && rows.holdsRows(st.tableName())) {
                break;
            }
            j--;
        }
        return j;
    }

    /** True when one of the statements after statement {@code j} (1-based) is a data statement. */
    static boolean hasDataAfter(MigrationEffects me, int j) {
        for (int i = j; i < me.statements().size(); i++) {
            if (me.statements().get(i).kind().isData()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verdict on a migration interrupted after its statement {@code latest}. If it left temporary objects (absent
     * before and after it, like a rebuild's {@code t_new}) and nothing but data statements ran since the first of them
     * was created, the run is rewound to just before that creation: drop them and run from there, because whether the
     * copy into them happened cannot be seen in the schema. Otherwise resume at the resume point.
     */
    static MigrationStatus halfApplied(Scene scene, MigrationEffects me, int latest, Reason objects) {
        int j = resumePoint(me, latest, scene.rows);
        if (j == 0) {
            return status(me, "interrupted before any statement that shows in the schema or the rows: run it whole",
                    objects, 0, List.of());
        }
        List<ObjectId> temporaries = temporaries(scene, me, j);
        int total = me.statements().size();
        if (!temporaries.isEmpty()) {
            int created = Integer.MAX_VALUE;
            for (ObjectId t : temporaries) {
                ObjectHistory h = scene.history(t);
                for (int i = 1; i <= j; i++) {
                    if (h.at(me.start() + i) != null) {
                        created = Math.min(created, i);
                        break;
                    }
                }
            }
            int rewind = created - 1;
            if (scene.standsAtExcept(me, me.start() + rewind, temporaries)) {
                List<String> names = new ArrayList<>();
                temporaries.forEach(id -> names.add(id.toString()));
                return status(me, "interrupted after statement " + j + " of " + total + ", leaving temporary "
                        + String.join(", ", names) + " beside its source: drop " + (temporaries.size() == 1 ? "it" : "them")
                        + " and run the migration from statement " + (rewind + 1), objects, rewind, temporaries);
            }
        }
        return status(me, "interrupted after statement " + j + " of " + total + ": resume after it", objects, j, List.of());
    }

    private static MigrationStatus status(MigrationEffects me, String summary, Reason objects, int resumeAfter,
                                          List<ObjectId> temporaries) {
        return new MigrationStatus.HalfApplied(me.migration().version(), me.migration().name(),
                new Reason(summary, objects.holding(), objects.missing(), objects.intermediate(), List.of()),
                me.migration(), resumeAfter, temporaries);
    }

    /** Objects absent before and after the migration but present after its statement j, filled by a copy if tables. */
    private static List<ObjectId> temporaries(Scene scene, MigrationEffects me, int j) {
        List<ObjectId> out = new ArrayList<>();
        for (ObjectId id : me.touched()) {
            ObjectHistory h = scene.history(id);
            if (h.at(me.start()) == null && h.at(me.end()) == null && h.at(me.start() + j) != null
                    && (id.type() != ObjectType.TABLE || filledByACopy(me, id))) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * True when the migration fills the table with {@code INSERT … SELECT}: a rebuild's {@code t_new}, whose rows are
     * copies that the rerun makes again. A table created and then renamed away by the same migration holds rows
     * nothing else has: it is never dropped to rerun the migration, which resumes instead.
     */
    private static boolean filledByACopy(MigrationEffects me, ObjectId table) {
        for (Statement st : me.statements()) {
            if (st.copiesRows() && ObjectId.table(st.tableName()).equals(table)) {
                return true;
            }
        }
        return false;
    }
}
