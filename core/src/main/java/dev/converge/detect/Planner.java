package dev.converge.detect;

import dev.converge.error.ErrorCode;
import dev.converge.history.History;
import dev.converge.history.How;
import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.Migration;
import dev.converge.source.Script;
import dev.converge.source.Version;
import dev.converge.sql.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a detection into a {@link Plan}: for each migration the exact statements to run (docs/design.md §6, data
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
        return plan(ref, live, history, schemaVersion, options, baseline, baselineSchema, RowFacts.NONE, Reading.FIRST);
    }

    /** Like the other {@code plan}, with facts about the live rows and the reading detection tries ({@link Reading}). */
    public static Plan plan(Reference ref, Schema live, History history, long schemaVersion, PlanOptions options,
                            Script baseline, Schema baselineSchema, RowFacts rows, Reading reading) {
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
        Detection d = Detector.detect(ref, live, history, rows, reading);
        List<Step> steps = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<ObjectId> pendingTouched = new HashSet<>();
        for (MigrationStatus s : d.statuses()) {
            Step step = step(ref, s, options, problems, notes);
            steps.add(step);
            if (step.action() == Action.EXECUTE && s.migration() != null) {
                pendingTouched.addAll(ref.effectsOf(s.migration()).touched());
                if (s.migration().wrapsItselfInATransaction()) {
                    notes.add(s.migration().name() + ": its own BEGIN … COMMIT around the whole file is the one"
                            + " transaction Converge runs it in");
                }
            }
        }
        Repairs.putBackAhead(ref, d, steps, notes);
        TablesAhead.keepForeignKeys(ref, live, steps, notes);
        notes.addAll(ForeignKeyForecast.notes(ref, steps));
        Set<ObjectId> tolerated = new LinkedHashSet<>(d.unmanaged());
        for (ObjectId id : d.unmanaged()) {
            notes.add(id + " is not created by any migration: left alone");
        }
        steps.addAll(Repairs.drift(ref, live, d, pendingTouched, tolerated, notes));
        return new Plan(steps, problems, notes, d, history.fingerprint(), schemaVersion, tolerated, ref);
    }

    private static Plan baselinePlan(Reference ref, History history, long schemaVersion, Script baseline) {
        List<Step> steps = new ArrayList<>();
        Reason why = Reason.of("empty database: created by the baseline " + baseline.name()
                + ", which builds exactly the target schema");
        steps.add(new Step.Baseline(baseline.name(), why, baseline.statements(), new ArrayList<>(ref.target().ids())));
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
            steps.add(new Step.Record(m.version(), m.name(), MigrationState.PRESENT, How.BASELINE, r, skipped, List.of(),
                    m));
            statuses.add(MigrationStatus.of(m, MigrationState.PRESENT, r));
        }
        Detection d = new Detection(statuses, ref.migrationSet().highest().orElse(null), List.of());
        return new Plan(steps, List.of(), List.of(), d, history.fingerprint(), schemaVersion, Set.of(), ref);
    }

    private static Step step(Reference ref, MigrationStatus s, PlanOptions options, List<Problem> problems,
                             List<String> notes) {
        Migration m = s.migration();
        switch (s.state()) {
            case APPLIED:
                return nothing(s);
            case PRESENT: {
                MigrationEffects me = ref.effectsOf(m);
                List<String> skipped = new ArrayList<>();
                for (Statement st : me.statements()) {
                    if (st.kind().isData()) {
                        skipped.add(Repairs.skip(st, "its effects are already in place, so the migration does not run"));
                    }
                }
                return new Step.Record(s.version(), s.name(), s.state(), How.DETECTED, s.reason(), skipped,
                        new ArrayList<>(me.touched()), m);
            }
            case ABSENT:
            case PARTIAL:
            case HALF_APPLIED:
                return Statements.execute(ref, s, s);
            case UNCERTAIN:
                notes.add(m.name() + ": " + s.reason().summary() + ". It runs inside a savepoint: if a constraint"
                        + " refuses its rows, they are taken as already there, nothing is changed, and it is recorded as"
                        + " detected (`converge mark " + s.version() + "` records it by hand)");
                return Statements.execute(ref, s, s);
            case CONFLICT:
                if (((MigrationStatus.Conflict) s).replaces()) {
                    notes.add(m.name() + ": " + s.reason().summary());
                    return Statements.execute(ref, s, s);
                }
                problems.add(conflict(s));
                return refuse(s);
            case CHECKSUM_MISMATCH:
                problems.add(new Problem(ErrorCode.CHECKSUM_MISMATCH, s.version().value(), m.origin(), null,
                        "migration " + s.version() + " (" + m.origin() + ") was applied with checksum "
                                + s.entry().checksum() + " but the file now has checksum " + m.checksumLike(s.entry().checksum())
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
                    return Statements.execute(ref, s, ((MigrationStatus.OutOfOrder) s).underlying());
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
        return new Step.Nothing(s);
    }

    private static Step refuse(MigrationStatus s) {
        return new Step.Refuse(s);
    }

    /** The note for a migration recorded by a newer release and tolerated, whether detection ran or not. */
    public static String futureNote(Version version, String name) {
        return "migration " + version + " (" + name + ") was applied by a newer release: tolerated";
    }

}
