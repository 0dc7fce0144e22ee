package dev.converge.apply;

import dev.converge.detect.Action;
import dev.converge.detect.MigrationEffects;
import dev.converge.detect.MigrationState;
import dev.converge.detect.ObjectHistory;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.history.HistoryTable;
import dev.converge.history.How;
import dev.converge.dialect.Dialect;
import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.StatementTexts;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a proven {@link Plan} (DESIGN.md §4 step 6). Each migration runs in its own transaction on an
 * autocommit connection whose {@code foreign_keys} the caller switched off beforehand: {@code BEGIN IMMEDIATE} (the
 * write lock first, so the busy timeout applies), re-read history — if another process moved it, stop and let the
 * caller detect again — run the planned statements one per JDBC call, verify every object the migration touched
 * against the reference, check foreign keys of the touched tables for new violations, write the history row with the
 * {@code schema_version}, {@code COMMIT}. Any failure rolls back and closes the connection.
 */
public final class Runner {
    private static final System.Logger LOG = System.getLogger(Runner.class.getName());


    private final Dialect dialect;
    private final HistoryTable history;
    /** Set by the last {@code runStep}: an UNCERTAIN migration's rows were refused as already there. */
    private boolean settledAsDetected;
    private final RunListener listener;
    private final MigrationSet set;
    private final Set<String> historyTables;
    /** The history rows the current step wrote (for {@link CommitWatch}). */
    private final List<HistoryEntry> recorded = new ArrayList<>();
    /** The catalogue as the open transaction's steps that execute nothing verify it (read once for all of them). */
    private final CatalogueSnapshot catalogue = new CatalogueSnapshot();
    /**
     * A first install ({@link FreshInstall}): one transaction for all of its steps, committed at its end and verified
     * whole, once, before it commits, instead of step by step.
     */
    private boolean firstInstall;
    /** The open transaction's history writer (one prepared INSERT); null when none is open. */
    private HistoryTable.Recorder recorder;

    /** Thrown inside a run when history moved under the plan: the caller plans again. */
    public static final class HistoryMoved extends Exception {
        private static final long serialVersionUID = 1L;

        HistoryMoved() {
            super("history moved", null, false, false);
        }
    }

    public Runner(Dialect dialect, HistoryTable history, MigrationSet set, Set<String> historyTables,
                  RunListener listener) {
        this.dialect = dialect;
        this.history = history;
        this.set = set;
        this.historyTables = historyTables;
        this.listener = listener;
    }

    /**
     * Runs the work of {@code plan} on {@code c}. Returns the steps committed. Throws {@link HistoryMoved} (after
     * rolling back the current transaction, with {@code committed} holding what this call committed) when another
     * process changed history since the plan was made; the caller plans again and calls this once more.
     */
    public List<Step> run(Connection c, Plan plan, List<Step> committed) throws HistoryMoved {
        List<Step> work = plan.work();
        String expectedHistory = plan.historyFingerprint();
        long expectedSchema = plan.schemaVersion();
        Reference ref = plan.reference();
        int index = 0;
        // one transaction may hold several steps: history rows of detected migrations commit with the next migration
        // that runs, so that a refusal there leaves nothing behind; and a migration that leaves new foreign-key
        // violations stays open for the migrations after it until one ends with no new violation (then all commit
        // together) or the work ends (then all roll back)
        List<Step> open = new ArrayList<>();
        ForeignKeyGroup group = null;
        CommitWatch watch = new CommitWatch(c);
        // a first install commits once, at its end: the replay already ran all of it, and a failure leaves the
        // database empty, as it was, instead of part-way
        firstInstall = FreshInstall.repeatsTheReplay(c, plan, historyTables);
        for (int w = 0; w < work.size(); w++) {
            Step step = work.get(w);
            if (step.action() == Action.RECORD && step.how() == How.BASELINE) {
                continue; // recorded inside the baseline's transaction
            }
            index++;
            listener.on(new RunEvent.StepStarted(step, index, work.size()));
            long t0 = System.nanoTime();
            if (open.isEmpty()) {
                begin(c, step, committed);
            }
            try {
                // nobody else committed since this connection's last step (or the step joins this connection's
                // open transaction, which holds the write lock): history is as that step left it
                History unchanged = open.isEmpty() ? watch.unchangedHistory(c) : watch.known();
                History h = unchanged != null ? unchanged : history.read(c);
                assert unchanged == null || unchanged.fingerprint().equals(history.read(c).fingerprint());
                if (unchanged == null && expectedHistory == null) {
                    expectedHistory = watch.known().fingerprint(); // the history the last step left, as noted
                }
                boolean moved = unchanged == null && !h.fingerprint().equals(expectedHistory);
                if (moved || dialect.schemaVersion(c) != expectedSchema) {
                    rollbackQuietly(c);
                    throw new HistoryMoved();
                }
                // a step that adopts or creates the history table writes rows the watch does not see: the next
                // step reads the history instead of trusting what the watch noted
                boolean historyMade = h.layout() != History.Layout.CURRENT;
                if (h.layout() == History.Layout.LEGACY) {
                    history.adopt(c, h, set);
                } else if (h.layout() == History.Layout.NONE) {
                    history.create(c, set);
                }
                open.add(step);
                recorded.clear();
                if (step.action() == Action.BASELINE) {
                    watch.forget();
                    runBaseline(c, step, work, ref, plan, committed, t0);
                } else {
                    group = runStep(c, step, ref, group, t0);
                    if (settledAsDetected) {
                        // an UNCERTAIN migration whose rows were already there: it ran nothing and is recorded detected
                        open.set(open.size() - 1, ((Step.Execute) step).asDetected());
                    }
                }
                History left = watch.leave(c, h, recorded);
                if (historyMade) {
                    watch.forget();
                    left = null;
                }
                // null: as the watch noted it (its fingerprint is built only when someone else wrote meanwhile)
                expectedHistory = left != null ? null : history.read(c).fingerprint();
                expectedSchema = dialect.schemaVersion(c);
                boolean more = w + 1 < work.size();
                if (group != null && group.violations() != null && !more) {
                    throw fail(step, null, group.refusal() + sampleViolations(c, group.violatingTables()), null);
                }
                if (more && (group != null && group.violations() != null || step.action() == Action.RECORD)) {
                    restoreSettings(c, step);
                    continue; // the next step joins this transaction
                }
                if (more && firstInstall) {
                    group = null; // this step left no new violation: the next one checks only its own tables
                    restoreSettings(c, step);
                    continue;
                }
                if (firstInstall) {
                    verifyWhole(c, open, ref);
                }
                commit(c, step);
                committed.addAll(open);
                listener.on(new RunEvent.Committed(open));
                open.clear();
                group = null;
                restoreSettings(c, step);
            } catch (HistoryMoved e) {
                throw e;
            } catch (ConvergeException e) {
                rollbackQuietly(c);
                throw partWay(e, open.isEmpty() ? step : open.get(0), committed);
            } catch (RuntimeException e) {
                rollbackQuietly(c);
                throw partWay(new ConvergeException(ErrorCode.INTERNAL, "unexpected failure in " + step.name() + ": " + e, e),
                        open.isEmpty() ? step : open.get(0), committed);
            }
        }
        return committed;
    }

    /**
     * Runs one step inside the open transaction. Returns the foreign-key group the transaction now holds: null when the
     * step (and any group it joined) leaves no new violation, so that the caller commits.
     */
    private ForeignKeyGroup runStep(Connection c, Step step, Reference ref, ForeignKeyGroup joined, long t0) {
        Migration m = step.migration();
        Set<String> tables = tablesOf(step.verify());
        ForeignKeyGroup group = joined == null ? new ForeignKeyGroup() : joined;
        // a step that executes nothing (a detected migration recorded) with no group open cannot leave a new
        // violation: its tables' counts after it are their counts before it, so neither is read
        boolean countsUnchanged = step.statements().isEmpty() && joined == null;
        group.join(step, countsUnchanged ? Map.of() : foreignKeyViolations(c, group.unseen(tables), step));
        boolean settled = false;
        settledAsDetected = false;
        if (step.state() == MigrationState.UNCERTAIN) {
            settled = runTentatively(c, step);
        } else {
            int k = 0;
            Set<Statement> tried = step.tried().isEmpty() ? Set.of() : new java.util.HashSet<>(step.tried());
            try (StatementTexts texts = StatementTexts.of(m)) { // a large file's data statements, read again
                for (Statement st : step.statements()) {
                    k++;
                    if (tried.contains(st)) {
                        tryOnce(c, texts.of(st), step);
                    } else {
                        execute(c, texts.of(st), step);
                    }
                    listener.on(new RunEvent.StatementExecuted(step, st, k, step.statements().size()));
                }
            }
        }
        if (!step.statements().isEmpty()) {
            catalogue.forget();
        }
        if (!settled) {
            if (!firstInstall) {
                verify(c, step, ref);
                listener.on(new RunEvent.Verified(step));
            }
            group.followRenames(step.statements());
            group.check(countsUnchanged ? Map.of() : foreignKeyViolations(c, group.tables(), step));
        }
        if (m != null && step.how() != null) {
            How how = settled ? How.DETECTED : step.how();
            settledAsDetected = settled;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // a step that executed nothing left schema_version as the transaction's other such steps read it
            HistoryEntry entry = step.statements().isEmpty() ? history.entry(m, how, ms, catalogue.schemaVersion(c))
                    : history.entry(c, m, how, ms);
            recorder(c).record(entry);
            recorded.add(entry);
            listener.on(new RunEvent.Recorded(step, entry));
        }
        return group.violations() == null && joined == null ? null : group;
    }

    /**
     * For a migration whose state is {@link MigrationState#UNCERTAIN} (no schema effect, nothing recorded vouches for
     * the migrations before it): runs it inside a savepoint, and when a constraint refuses its rows, rolls back to the
     * savepoint and takes the rows as already there. Returns true when it was settled that way.
     */
    private boolean runTentatively(Connection c, Step step) {
        exec(c, "SAVEPOINT converge_uncertain", step);
        int k = 0;
        StatementTexts texts = StatementTexts.of(step.migration()); // closed below, before the step commits
        for (Statement st : step.statements()) {
            k++;
            Statement run = texts.of(st);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(run.text());
            } catch (SQLException e) {
                texts.close();
                if (!dialect.isConstraint(e)) {
                    throw fail(step, run, e.getMessage(), e);
                }
                // the statement ran, as planned, and was refused: the plan said it would be tried
                listener.on(new RunEvent.StatementExecuted(step, st, k, step.statements().size()));
                exec(c, "ROLLBACK TO converge_uncertain", step);
                exec(c, "RELEASE converge_uncertain", step);
                LOG.log(System.Logger.Level.INFO, () -> step.name() + ": " + e.getMessage()
                        + " — its rows are already there; recorded as detected, nothing changed");
                return true;
            }
            listener.on(new RunEvent.StatementExecuted(step, st, k, step.statements().size()));
        }
        texts.close();
        exec(c, "RELEASE converge_uncertain", step);
        return false;
    }

    private void exec(Connection c, String sql, Step step) {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw fail(step, null, sql + ": " + e.getMessage(), e);
        }
    }

    private void runBaseline(Connection c, Step step, List<Step> work, Reference ref, Plan plan, List<Step> committed,
                             long t0) {
        catalogue.forget();
        int k = 0;
        for (Statement st : step.statements()) {
            k++;
            execute(c, st, step);
            listener.on(new RunEvent.StatementExecuted(step, st, k, step.statements().size()));
        }
        Schema live = dialect.readSchema(c, history.name(), ref.target());
        List<Change> diff = SchemaDiff.between(ref.target(), live);
        if (!diff.isEmpty()) {
            throw fail(step, null, "the baseline did not build the target schema: " + describe(diff), null);
        }
        listener.on(new RunEvent.Verified(step));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (Step s : work) {
            if (s.action() == Action.RECORD && s.how() == How.BASELINE) {
                HistoryEntry entry = history.entry(c, s.migration(), How.BASELINE, ms);
                history.record(c, entry);
                listener.on(new RunEvent.Recorded(s, entry));
                committed.add(s);
            }
        }
    }

    /**
     * Verifies every object the step touched: it must stand as the reference has it at or after the migration's last
     * touch of it (a later migration may already have moved it on), or, for a repair, as in the target.
     */
    private void verify(Connection c, Step step, Reference ref) {
        if (step.state() == MigrationState.OUT_OF_ORDER) {
            return; // later migrations may have changed its objects since; the final comparison judges
        }
        MigrationEffects me = step.migration() == null ? null : effectsOf(ref, step.migration());
        List<String> bad = new ArrayList<>();
        Map<ObjectId, SchemaObject> live = step.statements().isEmpty() ? catalogue.read(c, step.verify(), ref)
                : CatalogueRows.read(c, step.verify(), ref);
        for (ObjectId id : step.verify()) {
            ObjectHistory h = ref.objects().get(id);
            if (h == null) {
                continue;
            }
            SchemaObject actual = live.get(id);
            int from = me == null ? h.size() - 1 : h.intervalAt(me.lastTouch(id));
            boolean ok = false;
            for (int i : h.matching(actual)) {
                if (i >= from) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                SchemaObject expected = me == null ? h.definition(h.size() - 1) : h.at(me.end());
                if (expected != null && actual != null) {
                    bad.add(describe(SchemaDiff.between(expected, actual)));
                } else {
                    bad.add(id + ": expected " + (expected == null ? "absent" : "present") + ", actual "
                            + (actual == null ? "absent" : "present"));
                }
            }
        }
        if (!bad.isEmpty()) {
            throw fail(step, null, "does not verify against the reference (expected against actual): "
                    + String.join("; ", bad) + "; it was rolled back", null);
        }
    }

    /**
     * A first install's transaction, before it commits: the live schema is the reference's target, object for object
     * (one catalogue read, compared text first; in place of a read of each migration's touched objects, which made
     * the install quadratic in the size of the catalogue). Each step is then reported verified. The steps ran exactly
     * the statements the replay ran, from empty, so what stands in between is what the replay saw.
     */
    private void verifyWhole(Connection c, List<Step> steps, Reference ref) {
        Schema live = dialect.readSchema(c, history.name(), ref.target());
        List<Change> diff = SchemaDiff.between(ref.target(), live);
        if (!diff.isEmpty()) {
            throw fail(steps.get(steps.size() - 1), null, "the first install does not verify against the reference"
                    + " (expected against actual): " + describe(diff) + "; all of it was rolled back", null);
        }
        for (Step s : steps) {
            listener.on(new RunEvent.Verified(s));
        }
    }

    private static MigrationEffects effectsOf(Reference ref, Migration m) {
        return ref.effectsOf(m);
    }

    private static Set<String> tablesOf(List<ObjectId> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (ObjectId id : ids) {
            if (id.type() == ObjectType.TABLE) {
                out.add(id.key());
            }
        }
        return out;
    }

    /** Violations per existing table, from {@code PRAGMA foreign_key_check}. */
    /** Reads the rowids and parent tables of a few violating rows per table, for the refusal. */
    private static String sampleViolations(Connection c, List<String> tables) {
        StringBuilder sb = new StringBuilder();
        for (String t : tables) {
            List<String> rows = new ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT rowid, parent FROM pragma_foreign_key_check(" + Identifiers.literal(t)
                         + ") LIMIT 5")) {
                while (rs.next()) {
                    rows.add("rowid " + rs.getString(1) + " → " + rs.getString(2));
                }
            } catch (SQLException e) {
                continue;
            }
            if (!rows.isEmpty()) {
                sb.append("\n  rows of ").append(t).append(" in violation (first ").append(rows.size()).append("): ")
                        .append(String.join(", ", rows));
            }
        }
        return sb.toString();
    }

    private Map<String, Long> foreignKeyViolations(Connection c, Set<String> tables, Step step) {
        Map<String, Long> out = new HashMap<>();
        for (String t : tables) {
            if (isHistory(t)) {
                continue;
            }
            try (java.sql.Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_foreign_key_check(" + Identifiers.literal(t) + ")")) {
                out.put(t, rs.next() ? rs.getLong(1) : 0);
            } catch (SQLException e) {
                // the table does not exist (yet, or any more), or is virtual: nothing to check
                out.put(t, 0L);
            }
        }
        return out;
    }

    private boolean isHistory(String t) {
        for (String h : historyTables) {
            if (Identifiers.same(h, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a statement that may have run before (see {@link Step#tried()}) in a savepoint: when a constraint refuses its
     * rows, they are taken as already there and the statement changes nothing.
     */
    private void tryOnce(Connection c, Statement st, Step step) {
        exec(c, "SAVEPOINT converge_tried", step);
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(st.text());
        } catch (SQLException e) {
            if (!dialect.isConstraint(e)) {
                throw fail(step, st, e.getMessage(), e);
            }
            exec(c, "ROLLBACK TO converge_tried", step);
            LOG.log(System.Logger.Level.INFO, () -> step.name() + ":" + st.line() + ": " + e.getMessage()
                    + " — its rows are already there (an interruption came after it)");
        }
        exec(c, "RELEASE converge_tried", step);
    }

    private void execute(Connection c, Statement st, Step step) {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(st.text());
        } catch (SQLException e) {
            throw fail(step, st, e.getMessage(), e);
        }
    }

    private ConvergeException fail(Step step, Statement st, String what, SQLException cause) {
        String file = step.migration() == null ? step.name() : step.migration().origin();
        StringBuilder sb = new StringBuilder();
        if (step.version() != null) {
            sb.append("migration ").append(step.version()).append(" (").append(file);
        } else {
            sb.append(step.name()).append(" (").append(file);
        }
        if (st != null) {
            sb.append(':').append(st.line()).append(") failed at: ").append(st.firstLine()).append("\n  SQLite: ").append(what);
        } else {
            sb.append(") ").append(what);
        }
        ErrorCode code = ErrorCode.MIGRATION_FAILED;
        if (cause != null) {
            ConvergeException t = dialect.translate(cause, "running " + step.name(), null);
            if (t.code() != ErrorCode.INTERNAL) {
                code = t.code();
                sb.append("\n  ").append(t.getMessage());
            }
        }
        ConvergeException.Builder b = ConvergeException.builder(code, sb.toString()).file(file).cause(cause);
        if (st != null) {
            b.line(st.line()).object(st.objectName());
        }
        if (step.version() != null) {
            b.version(step.version().value());
        }
        return b.build();
    }

    /** Adds the committed migrations to a failure; exit 3 when some committed. */
    private static ConvergeException partWay(ConvergeException e, Step failed, List<Step> committed) {
        if (committed.isEmpty()) {
            return e;
        }
        StringBuilder sb = new StringBuilder(e.getMessage());
        sb.append("\n  Stopped part-way: committed before the failure: ");
        List<String> names = new ArrayList<>();
        for (Step s : committed) {
            names.add(s.name());
        }
        sb.append(String.join(", ", names)).append("; ").append(failed.name())
                .append(" and everything after it were not applied. Fix the cause and run again.");
        ConvergeException.Builder b = ConvergeException.builder(ErrorCode.STOPPED_PART_WAY, sb.toString()).cause(e);
        e.file().ifPresent(b::file);
        e.line().ifPresent(b::line);
        e.version().ifPresent(b::version);
        e.object().ifPresent(b::object);
        return b.build();
    }

    /** The history writer of the open transaction on {@code c}. */
    private HistoryTable.Recorder recorder(Connection c) {
        if (recorder == null || !recorder.on(c)) {
            closeRecorder();
            recorder = history.recorder(c);
        }
        return recorder;
    }

    /** Closes the history writer: a transaction ends, or a new one begins (after a failure rolled one back). */
    private void closeRecorder() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    private void begin(Connection c, Step step, List<Step> committed) {
        closeRecorder();
        catalogue.forget();
        try {
            dialect.beginWrite(c);
        } catch (SQLException e) {
            throw partWay(dialect.translate(e, "taking the write lock for " + step.name(), null), step, committed);
        }
    }

    private void commit(Connection c, Step step) {
        closeRecorder();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("COMMIT");
        } catch (SQLException e) {
            throw fail(step, null, "could not commit: " + e.getMessage(), e);
        }
    }

    /** A migration's pragmas end with it, as in the reference (Reference.Settings#restoreAfter). */
    private void restoreSettings(Connection c, Step step) {
        try {
            Reference.Settings.restoreAfter(dialect, c, step.statements());
        } catch (SQLException e) {
            throw dialect.translate(e, "restoring the connection's settings after " + step.name(), null);
        }
    }

    private void rollbackQuietly(Connection c) {
        closeRecorder();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "rollback after failure: " + e.getMessage());
        }
    }

    private static String describe(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (Change ch : changes) {
            out.add(ch.describe());
        }
        return String.join("; ", out);
    }
}
