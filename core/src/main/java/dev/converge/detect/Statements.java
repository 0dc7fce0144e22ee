package dev.converge.detect;

import dev.converge.history.How;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which statements run for a migration the detector says must run (docs/design.md §6): the whole file, a resume, a
 * rewind over temporaries, or a completion of the missing part — with the TEMP objects, transient lifecycles and
 * indexes a run's own DROP TABLE removes that each of those needs. Pure.
 */
final class Statements {
    private Statements() {
    }

    /**
     * The statements of an ABSENT, UNCERTAIN, PARTIAL, HALF_APPLIED or replacing CONFLICT migration: {@code shown} is
     * the verdict the step reports, {@code acted} the one whose statements run (the same, or an out-of-order
     * migration's underlying verdict).
     */
    static Step execute(Reference ref, MigrationStatus shown, MigrationStatus acted) {
        MigrationStatus s = shown;
        MigrationEffects me = ref.effectsOf(s.migration());
        List<Statement> run = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        How how;
        if (acted instanceof MigrationStatus.Uncertain u && u.dataFrom() > 0) {
            how = How.COMPLETED; // its trailing data statements
            run.addAll(me.statements().subList(u.dataFrom(), me.statements().size()));
        } else if (acted.state() == MigrationState.ABSENT || acted instanceof MigrationStatus.Uncertain
                || (acted instanceof MigrationStatus.HalfApplied h && h.resumeAfter() == 0
                && h.temporaries().isEmpty())) {
            run.addAll(me.statements());
            how = How.EXECUTED;
        } else if (acted instanceof MigrationStatus.HalfApplied half) {
            how = How.COMPLETED;
            int resumeAfter = half.resumeAfter();
            for (ObjectId t : half.temporaries()) {
                run.add(Repairs.synthesized("DROP " + t.type().sqlName().toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                        + Identifiers.quote(Repairs.nameOf(ref, t)), s.migration().origin()));
            }
            // TEMP objects never survive an interruption: what made them before the resume point runs again
            Set<String> temporary = new HashSet<>();
            Set<String> lost = new HashSet<>();
            for (int j = 0; j < resumeAfter && j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                if (st.createsTemporary()) {
                    temporary.add(Identifiers.key(st.objectName()));
                    if (st.kind() == StatementKind.CREATE_TABLE && !readsOnlyWhatStands(ref, st, me.start() + resumeAfter)) {
                        lost.add(Identifiers.key(st.objectName()));
                    }
                }
            }
            for (int j = 0; j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                if (usesLostTemporary(st, lost)) {
                    skipped.add(Repairs.skip(st, "its TEMP table was filled from a table the interruption had already"
                            + " dropped: those rows are gone"));
                    continue;
                }
                boolean remakesTemporary = j < resumeAfter && (st.createsTemporary()
                        || st.kind() == StatementKind.CREATE_INDEX && st.tableName() != null
                        && temporary.contains(Identifiers.key(st.tableName())) || st.kind().isData()
                        && st.tableName() != null && temporary.contains(Identifiers.key(st.tableName()))
                        && readsOnlyWhatStands(ref, st, me.start() + resumeAfter));
                boolean repeats = j < resumeAfter && st.kind().isData()
                        && SafeRepeats.safeToRepeat(ref, st, me.start() + j, me.start() + resumeAfter,
                        me.statements().subList(j + 1, me.statements().size()));
                if (j >= resumeAfter || (st.kind().isData() && st.dataAlways()) || remakesTemporary || repeats) {
                    run.add(st);
                } else if (st.kind().isData()) {
                    skipped.add(Repairs.skip(st, "before the resume point"));
                }
            }
        } else {
            // PARTIAL, or CONFLICT that replaces: run what touches a missing (or conflicting) object
            how = acted.reason().holding().isEmpty() ? How.EXECUTED : How.COMPLETED;
            Set<ObjectId> todo = new HashSet<>(acted.reason().missing());
            acted.reason().conflicts().forEach(c -> todo.add(c.object()));
            Set<String> writtenTables = new HashSet<>();
            for (ObjectId id : todo) {
                if (id.type() == ObjectType.TABLE) {
                    writtenTables.add(id.key());
                }
            }
            for (int j = 0; j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                boolean touchesTodo = false;
                for (ObjectId id : me.effects().get(j)) {
                    if (todo.contains(id)) {
                        touchesTodo = true;
                        break;
                    }
                }
                if (!touchesTodo) {
                    touchesTodo = recreatesWhatARunStatementDropped(ref, me, j, run);
                }
                if (touchesTodo) {
                    run.add(st);
                } else if (st.kind().isData()) {
                    if (st.dataAlways() || (st.tableName() != null && writtenTables.contains(Identifiers.key(st.tableName())))) {
                        run.add(st);
                    } else {
                        skipped.add(Repairs.skip(st, "writes " + st.tableName() + ", which this run neither creates nor alters"));
                    }
                }
            }
            addIntermediateLifecycles(ref, me, run, skipped);
            addRecreationsAround(ref, me, acted.reason().holding(), run);
        }
        return new Step.Execute(s.version(), s.name(), s.state(), how, s.reason(), run, skipped,
                new ArrayList<>(me.touched()), List.of(), s.migration(), mayHaveRun(me, acted, run));
    }

    /**
     * Rule "data an interruption may have come after is tried": a resume starts at the earliest point the schema
     * fits, so the data statements right after it (up to the next statement that changes the schema) may have run
     * already, as an interrupted seed's {@code INSERT} has; each is tried in a savepoint, and a constraint that
     * refuses its rows means they are there. Test: {@code ResumeAtDataTest.aSeedInterruptedAmongItsInsertsIsNotInsertedTwice}.
     */
    private static List<Statement> mayHaveRun(MigrationEffects me, MigrationStatus acted, List<Statement> run) {
        List<Statement> out = new ArrayList<>();
        if (acted instanceof MigrationStatus.HalfApplied half && half.resumeAfter() > 0 && half.temporaries().isEmpty()) {
            for (int j = half.resumeAfter(); j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                if (!st.kind().isData() || !me.effects().get(j).isEmpty()) {
                    break;
                }
                if (run.contains(st)) {
                    out.add(st);
                }
            }
        }
        return out;
    }

    /**
     * Objects the migration makes and removes again (absent before and after it, like an FTS table created and then
     * renamed, or a rebuild's {@code t_new}) cannot hold in a live database; when a statement this step runs touches
     * one, every statement of the migration that touches it runs too, data into it included, in the file's order.
     */
    private static void addIntermediateLifecycles(Reference ref, MigrationEffects me, List<Statement> run,
                                                  List<String> skipped) {
        Set<ObjectId> intermediates = new HashSet<>();
        for (ObjectId id : me.touched()) {
            var h = ref.objects().get(id);
            if (h.at(me.start()) == null && h.at(me.end()) == null) {
                intermediates.add(id);
            }
        }
        if (intermediates.isEmpty()) {
            return;
        }
        List<Statement> all = me.statements();
        boolean[] chosen = new boolean[all.size()];
        for (int j = 0; j < all.size(); j++) {
            chosen[j] = run.contains(all.get(j));
        }
        Set<ObjectId> needed = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int j = 0; j < all.size(); j++) {
                if (chosen[j]) {
                    for (ObjectId id : me.effects().get(j)) {
                        if (intermediates.contains(id)) {
                            grew |= needed.add(id);
                        }
                    }
                }
            }
            for (int j = 0; j < all.size(); j++) {
                Statement st = all.get(j);
                boolean touches = me.effects().get(j).stream().anyMatch(needed::contains)
                        || st.kind().isData() && st.tableName() != null && needed.contains(ObjectId.table(st.tableName()));
                if (!chosen[j] && touches) {
                    chosen[j] = true;
                    grew = true;
                }
            }
        }
        if (needed.isEmpty()) {
            return;
        }
        run.clear();
        for (int j = 0; j < all.size(); j++) {
            if (chosen[j]) {
                run.add(all.get(j));
                String line = "line " + all.get(j).line() + ":";
                skipped.removeIf(sk -> sk.startsWith(line));
            }
        }
    }

    /**
     * Rule "a drop and re-creation around a run statement run with it": when the migration drops a view, trigger or
     * index that holds and makes it again later, and a statement this step runs lies between the two, both run too,
     * in the file's order — the object stood in that statement's way (a view over a table that a rebuild drops and
     * renames into place stops the rename). Test: {@code IdiomsConvergeTest} (typeorm, efcore: prefix+baseline).
     */
    private static void addRecreationsAround(Reference ref, MigrationEffects me, List<ObjectId> holding, List<Statement> run) {
        List<Statement> all = me.statements();
        boolean[] chosen = new boolean[all.size()];
        for (int j = 0; j < all.size(); j++) {
            chosen[j] = run.contains(all.get(j));
        }
        boolean added = false;
        for (ObjectId id : holding) {
            if (id.type() == ObjectType.TABLE) {
                continue;
            }
            ObjectHistory h = ref.objects().get(id);
            int dropped = -1;
            int made = -1;
            for (int j = 0; j < all.size(); j++) {
                if (me.effects().get(j).contains(id)) {
                    if (h.at(me.start() + j + 1) == null) {
                        dropped = dropped < 0 ? j : dropped;
                    } else if (dropped >= 0) {
                        made = j;
                    }
                }
            }
            for (int j = dropped + 1; dropped >= 0 && j < made; j++) {
                if (chosen[j] && !chosen[dropped]) {
                    chosen[dropped] = true;
                    chosen[made] = true;
                    added = true;
                }
            }
        }
        if (added) {
            run.clear();
            for (int j = 0; j < all.size(); j++) {
                if (chosen[j]) {
                    run.add(all.get(j));
                }
            }
        }
    }

    /**
     * True when statement {@code j} makes an index or trigger that holds already, but on a table that a statement this
     * step runs before it drops: SQLite drops a table's indexes and triggers with it, so the object holds only until
     * then (a baseline put the index of a rebuilt table on the table the rebuild replaces).
     */
    private static boolean recreatesWhatARunStatementDropped(Reference ref, MigrationEffects me, int j, List<Statement> run) {
        for (ObjectId id : me.effects().get(j)) {
            if (id.type() == ObjectType.TABLE || !Reference.DIALECT.droppedWithItsTable(id.type())) {
                continue;
            }
            SchemaObject made = ref.objects().get(id).at(me.start() + j + 1);
            if (made == null) {
                continue;
            }
            for (Statement earlier : run) {
                if (earlier.kind() == StatementKind.DROP_TABLE && earlier.objectName() != null
                        && Identifiers.same(earlier.objectName(), made.tableName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Rule "a TEMP copy made from a table the interruption dropped is gone with its rows": a {@code CREATE TEMP TABLE
     * … AS SELECT} whose source no longer stands at the resume point cannot be made again, so every statement of its
     * life (the creation, the reads from it, its drop) is left out — the rows it held were lost by the interruption
     * itself, as a plain runner would find. Test: {@code IdiomsConvergeTest} (laravel half-applied(4, 4): Doctrine's
     * {@code __temp__} copy).
     */
    private static boolean usesLostTemporary(Statement st, Set<String> lost) {
        for (String t : lost) {
            if (st.objectName() != null && Identifiers.key(st.objectName()).equals(t) || st.readsFrom(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when every table of the reference that {@code st} reads stands at {@code point}: a TEMP table's fill from a
     * table the interrupted run already dropped cannot run again (those rows were lost by the interruption itself).
     */
    private static boolean readsOnlyWhatStands(Reference ref, Statement st, int point) {
        for (ObjectHistory h : ref.objects().values()) {
            if (h.id().type() == ObjectType.TABLE && h.at(point) == null && st.readsFrom(Repairs.nameOf(ref, h.id()))) {
                return false;
            }
        }
        return true;
    }
}
