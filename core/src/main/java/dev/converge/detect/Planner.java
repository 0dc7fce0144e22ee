package dev.converge.detect;

import dev.converge.error.ErrorCode;
import dev.converge.history.History;
import dev.converge.history.How;
import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.source.Migration;
import dev.converge.source.Script;
import dev.converge.source.Version;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a detection into a {@link Plan}: for each migration the exact statements to run (DESIGN.md §4, data
 * statements), the refusals, the drift repairs and notes. Pure; the plan is proven by rehearsal afterwards.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * Plans a run.
     *
     * @param ref            the reference
     * @param live           the live schema (without the history table)
     * @param history        the history as read
     * @param schemaVersion  the live {@code PRAGMA schema_version}
     * @param options        what to tolerate
     * @param baseline       the baseline script, or null
     * @param baselineSchema the schema the baseline creates (replayed), or null
     */
    public static Plan plan(Reference ref, Schema live, History history, long schemaVersion, PlanOptions options,
                            Script baseline, Schema baselineSchema) {
        return plan(ref, live, history, schemaVersion, options, baseline, baselineSchema, RowFacts.NONE);
    }

    /** Like the other {@code plan}, with facts about the live rows for detection ({@link RowFacts}). */
    public static Plan plan(Reference ref, Schema live, History history, long schemaVersion, PlanOptions options,
                            Script baseline, Schema baselineSchema, RowFacts rows) {
        List<String> notes = new ArrayList<>();
        boolean emptyDb = live.isEmpty() && history.entries().isEmpty();
        if (emptyDb && baseline != null && baselineSchema != null) {
            List<Change> diff = SchemaDiff.between(ref.target(), baselineSchema);
            if (diff.isEmpty()) {
                return baselinePlan(ref, history, schemaVersion, baseline);
            }
            notes.add("the baseline " + baseline.name() + " differs from the schema the migrations build ("
                    + diff.size() + " difference(s), first: " + diff.get(0).describe()
                    + "); creating the database by replaying the migrations instead. Run lint for the details.");
        }
        Detection d = Detector.detect(ref, live, history, rows);
        List<Step> steps = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<ObjectId> pendingTouched = new HashSet<>();
        for (MigrationStatus s : d.statuses()) {
            Step step = step(ref, s, options, problems, notes);
            steps.add(step);
            if (step.action() == Action.EXECUTE && s.migration() != null) {
                pendingTouched.addAll(effects(ref, s.migration()).touched());
                if (s.migration().wrapsItselfInATransaction()) {
                    notes.add(s.migration().name() + ": its own BEGIN … COMMIT around the whole file is the one"
                            + " transaction Converge runs it in");
                }
            }
        }
        putBackAhead(ref, d, steps, notes);
        notes.addAll(ForeignKeyForecast.notes(ref, steps));
        Set<ObjectId> tolerated = new LinkedHashSet<>(d.unmanaged());
        for (ObjectId id : d.unmanaged()) {
            notes.add(id + " is not created by any migration: left alone");
        }
        steps.addAll(drift(ref, live, d, pendingTouched, tolerated, notes));
        return new Plan(steps, problems, notes, d, history.fingerprint(), schemaVersion, tolerated, ref);
    }

    private static Plan baselinePlan(Reference ref, History history, long schemaVersion, Script baseline) {
        List<Step> steps = new ArrayList<>();
        Reason why = Reason.of("empty database: created by the baseline " + baseline.name()
                + ", which builds exactly the target schema");
        steps.add(new Step(null, baseline.name(), null, Action.BASELINE, null, why, baseline.statements(), List.of(),
                new ArrayList<>(ref.target().ids()), List.of(), null));
        List<MigrationStatus> statuses = new ArrayList<>();
        for (MigrationEffects me : ref.migrations()) {
            Migration m = me.migration();
            List<String> skipped = new ArrayList<>();
            for (Statement st : me.statements()) {
                if (st.kind().isData()) {
                    skipped.add("line " + st.line() + ": " + st.firstLine() + " (a baseline install runs no data statements)");
                }
            }
            Reason r = Reason.of("contained in the baseline");
            steps.add(new Step(m.version(), m.name(), MigrationState.PRESENT, Action.RECORD, How.BASELINE, r, List.of(),
                    skipped, List.of(), List.of(), m));
            statuses.add(new MigrationStatus(m.version(), m.name(), MigrationState.PRESENT, r, m, null, 0, List.of(),
                    false, null));
        }
        Detection d = new Detection(statuses, ref.migrationSet().highest().orElse(null), List.of());
        return new Plan(steps, List.of(), List.of(), d, history.fingerprint(), schemaVersion, Set.of(), ref);
    }

    private static MigrationEffects effects(Reference ref, Migration m) {
        for (MigrationEffects me : ref.migrations()) {
            if (me.migration().version().equals(m.version())) {
                return me;
            }
        }
        throw new IllegalArgumentException("not in the reference: " + m.name());
    }

    private static Step step(Reference ref, MigrationStatus s, PlanOptions options, List<Problem> problems,
                             List<String> notes) {
        Migration m = s.migration();
        switch (s.state()) {
            case APPLIED:
                return nothing(s);
            case PRESENT: {
                MigrationEffects me = effects(ref, m);
                List<String> skipped = new ArrayList<>();
                for (Statement st : me.statements()) {
                    if (st.kind().isData()) {
                        skipped.add(skip(st, "its effects are already in place, so the migration does not run"));
                    }
                }
                return new Step(s.version(), s.name(), s.state(), Action.RECORD, How.DETECTED, s.reason(), List.of(),
                        skipped, new ArrayList<>(me.touched()), List.of(), m);
            }
            case ABSENT:
            case PARTIAL:
            case HALF_APPLIED:
                return execute(ref, s, s.state());
            case UNCERTAIN:
                notes.add(m.name() + ": " + s.reason().summary() + ". It runs inside a savepoint: if a constraint"
                        + " refuses its rows, they are taken as already there, nothing is changed, and it is recorded as"
                        + " detected (`converge mark " + s.version() + "` records it by hand)");
                return execute(ref, s, s.state());
            case CONFLICT:
                if (s.replaces()) {
                    notes.add(m.name() + ": " + s.reason().summary());
                    return execute(ref, s, s.state());
                }
                problems.add(conflict(s));
                return refuse(s);
            case CHECKSUM_MISMATCH:
                problems.add(new Problem(ErrorCode.CHECKSUM_MISMATCH, s.version().value(), m.origin(), null,
                        "migration " + s.version() + " (" + m.origin() + ") was applied with checksum "
                                + s.entry().checksum() + " but the file now has checksum " + m.checksum()
                                + ". Restore the file as it was applied, or run `converge repair` to accept the edited file."));
                return refuse(s);
            case MISSING:
                if (options.allowMissing()) {
                    notes.add("migration " + s.version() + " (" + s.name() + ") is recorded but has no file: allowed");
                    return nothing(s);
                }
                problems.add(new Problem(ErrorCode.MISSING_MIGRATION, s.version().value(), s.name(), null,
                        "migration " + s.version() + " (" + s.name() + ") is recorded in history but its file is missing"
                                + " from the migration set. Restore the file, run `converge unmark " + s.version()
                                + "`, or allow missing migrations (--allow-missing)."));
                return refuse(s);
            case FUTURE:
                if (options.refuseFuture()) {
                    problems.add(new Problem(ErrorCode.FUTURE_VERSION, s.version().value(), s.name(), null,
                            "history records migration " + s.version() + " (" + s.name()
                                    + "), newer than this migration set: the database was migrated by a newer release."
                                    + " Upgrade the application, or do not refuse future versions."));
                    return refuse(s);
                }
                notes.add(futureNote(s.version(), s.name()));
                return nothing(s);
            case OUT_OF_ORDER:
                if (options.allowOutOfOrder()) {
                    return execute(ref, s, s.underlying());
                }
                problems.add(new Problem(ErrorCode.OUT_OF_ORDER, s.version().value(), m.origin(), null,
                        "migration " + s.version() + " (" + m.name() + ") is not applied but newer migrations are ("
                                + s.reason().summary() + "). Allow out-of-order migrations (--allow-out-of-order) to run it."));
                return refuse(s);
            default:
                throw new IllegalStateException(String.valueOf(s.state()));
        }
    }

    private static Problem conflict(MigrationStatus s) {
        StringBuilder sb = new StringBuilder("migration " + s.version() + " (" + s.migration().origin()
                + ") touches objects that match no point of its migrations, and it does not replace them:");
        String first = null;
        for (ObjectConflict c : s.reason().conflicts()) {
            sb.append("\n    ").append(c.describe());
            if (c.expected() != null && c.actual() != null) {
                for (Change ch : SchemaDiff.between(c.expected(), c.actual())) {
                    sb.append("\n      ").append(ch.describe());
                }
            }
            if (first == null) {
                first = c.object().toString();
            }
        }
        sb.append("\n  Fix these objects by hand to match a version of the migrations, then run again.");
        return new Problem(ErrorCode.CONFLICT, s.version().value(), s.migration().origin(), first, sb.toString());
    }

    private static Step nothing(MigrationStatus s) {
        return new Step(s.version(), s.name(), s.state(), Action.NOTHING, null, s.reason(), List.of(), List.of(),
                List.of(), List.of(), s.migration());
    }

    private static Step refuse(MigrationStatus s) {
        return new Step(s.version(), s.name(), s.state(), Action.REFUSE, null, s.reason(), List.of(), List.of(),
                List.of(), List.of(), s.migration());
    }

    /** The note for a migration recorded by a newer release and tolerated, whether detection ran or not. */
    public static String futureNote(Version version, String name) {
        return "migration " + version + " (" + name + ") was applied by a newer release: tolerated";
    }

    /** The statements of an ABSENT, PARTIAL, HALF_APPLIED or replacing CONFLICT migration. */
    private static Step execute(Reference ref, MigrationStatus s, MigrationState as) {
        MigrationEffects me = effects(ref, s.migration());
        List<Statement> run = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        How how;
        if (as == MigrationState.ABSENT || as == MigrationState.UNCERTAIN
                || (as == MigrationState.HALF_APPLIED && s.resumeAfter() == 0
                && s.temporaries().isEmpty())) {
            run.addAll(me.statements());
            how = How.EXECUTED;
        } else if (as == MigrationState.HALF_APPLIED) {
            how = How.COMPLETED;
            for (ObjectId t : s.temporaries()) {
                run.add(synthesized("DROP " + t.type().sqlName().toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                        + Identifiers.quote(nameOf(ref, t)), s.migration().origin()));
            }
            // TEMP objects never survive an interruption: what made them before the resume point runs again
            Set<String> temporary = new HashSet<>();
            for (int j = 0; j < s.resumeAfter() && j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                if (st.createsTemporary()) {
                    temporary.add(Identifiers.key(st.objectName()));
                }
            }
            for (int j = 0; j < me.statements().size(); j++) {
                Statement st = me.statements().get(j);
                boolean remakesTemporary = j < s.resumeAfter() && (st.createsTemporary() || st.kind().isData()
                        && st.tableName() != null && temporary.contains(Identifiers.key(st.tableName())));
                if (j >= s.resumeAfter() || (st.kind().isData() && st.dataAlways()) || remakesTemporary) {
                    run.add(st);
                } else if (st.kind().isData()) {
                    skipped.add(skip(st, "before the resume point"));
                }
            }
        } else {
            // PARTIAL, or CONFLICT that replaces: run what touches a missing (or conflicting) object
            how = s.reason().holding().isEmpty() ? How.EXECUTED : How.COMPLETED;
            Set<ObjectId> todo = new HashSet<>(s.reason().missing());
            s.reason().conflicts().forEach(c -> todo.add(c.object()));
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
                        skipped.add(skip(st, "writes " + st.tableName() + ", which this run neither creates nor alters"));
                    }
                }
            }
            addIntermediateLifecycles(ref, me, run, skipped);
        }
        return new Step(s.version(), s.name(), s.state(), Action.EXECUTE, how, s.reason(), run, skipped,
                new ArrayList<>(me.touched()), List.of(), s.migration());
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
     * True when statement {@code j} makes an index or trigger that holds already, but on a table that a statement this
     * step runs before it drops: SQLite drops a table's indexes and triggers with it, so the object holds only until
     * then (a baseline put the index of a rebuilt table on the table the rebuild replaces).
     */
    private static boolean recreatesWhatARunStatementDropped(Reference ref, MigrationEffects me, int j, List<Statement> run) {
        for (ObjectId id : me.effects().get(j)) {
            if (id.type() != ObjectType.INDEX && id.type() != ObjectType.TRIGGER) {
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
     * Views and triggers that stand ahead of the first migration the run executes are dropped at the start of its step
     * and, where the timeline has them there, re-created as they stood then; the later migrations re-make them.
     */
    private static void putBackAhead(Reference ref, Detection d, List<Step> steps, List<String> notes) {
        if (d.ahead().isEmpty()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.action() != Action.EXECUTE || step.migration() == null) {
                continue;
            }
            Migration m = step.migration();
            int start = effects(ref, m).start();
            List<Statement> run = new ArrayList<>();
            List<SchemaObject> before = new ArrayList<>();
            for (ObjectId id : d.ahead()) {
                run.add(synthesized("DROP " + id.type().sqlName().toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                        + Identifiers.quote(nameOf(ref, id)), m.origin()));
                SchemaObject then = ref.objects().get(id).at(start);
                if (then != null) {
                    before.add(then);
                }
                notes.add(id + " stands as later migrations make it (created early, e.g. by a baseline): "
                        + (then == null ? "dropped" : "put back as it stands") + " before " + m.name()
                        + ", and re-made by the migrations after it");
            }
            before.sort((a, b) -> Integer.compare(createdAt(ref, a.id(), start), createdAt(ref, b.id(), start)));
            for (SchemaObject o : before) {
                run.add(synthesized(o.sql(), m.origin()));
            }
            run.addAll(step.statements());
            steps.set(i, new Step(step.version(), step.name(), step.state(), step.action(), step.how(), step.reason(),
                    run, step.skipped(), step.verify(), step.destructive(), m));
            return;
        }
    }

    /** Where the definition an object has at {@code point} began. */
    private static int createdAt(Reference ref, ObjectId id, int point) {
        ObjectHistory h = ref.objects().get(id);
        return h.start(h.intervalAt(point));
    }

    private static String nameOf(Reference ref, ObjectId id) {
        ObjectHistory h = ref.objects().get(id);
        for (int i = 0; i < h.size(); i++) {
            if (h.definition(i) != null) {
                return h.definition(i).name();
            }
        }
        return id.key();
    }

    private static Statement synthesized(String sql, String origin) {
        return SqlSplitter.split(sql, origin + " (converge)").get(0);
    }

    private static String skip(Statement st, String why) {
        return "line " + st.line() + ": " + st.firstLine() + " — skipped: " + why;
    }

    /**
     * Drift (DESIGN.md §4 step 7): indexes, views and triggers of the target that are missing while the migrations
     * that made them are recorded and no pending migration touches them are re-created; other differences in objects
     * no pending migration touches are reported and tolerated.
     */
    private static List<Step> drift(Reference ref, Schema live, Detection d, Set<ObjectId> pendingTouched,
                                    Set<ObjectId> tolerated, List<String> notes) {
        List<Step> repairs = new ArrayList<>();
        // objects touched by a migration whose effects are not known to be in place: not drift, whatever they look like
        Set<ObjectId> pendingAll = new HashSet<>(pendingTouched);
        for (MigrationStatus s : d.statuses()) {
            if (s.migration() != null && s.state() != MigrationState.APPLIED && s.state() != MigrationState.PRESENT) {
                pendingAll.addAll(effects(ref, s.migration()).touched());
            }
        }
        for (SchemaObject target : ref.target().objects()) {
            ObjectId id = target.id();
            if (pendingAll.contains(id)) {
                continue;
            }
            SchemaObject actual = live.get(id).orElse(null);
            if (actual == null && id.type() != ObjectType.TABLE) {
                Reason r = Reason.of(id + " was created by a recorded migration and is missing: re-created");
                repairs.add(new Step(null, "repair " + id, null, Action.REPAIR, null, r,
                        List.of(synthesized(target.sql(), "target schema")), List.of(), List.of(id), List.of(), null));
            } else if (actual == null) {
                notes.add("drift: " + id + " was created by a recorded migration and is missing");
                tolerated.add(id);
            } else if (!target.sameDefinition(actual)) {
                StringBuilder sb = new StringBuilder("drift: " + id + " differs from what the recorded migrations made:");
                for (Change c : SchemaDiff.between(target, actual)) {
                    sb.append(" ").append(c.describe()).append(";");
                }
                notes.add(sb.toString());
                tolerated.add(id);
            }
        }
        for (SchemaObject actual : live.objects()) {
            ObjectId id = actual.id();
            if (ref.names(id) && !ref.target().contains(id) && !pendingAll.contains(id)) {
                notes.add("drift: " + id + " exists although the recorded migrations removed it: left alone");
                tolerated.add(id);
            }
        }
        return repairs;
    }
}
