package dev.converge.scenarios.verify;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunResult;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.Index;
import dev.converge.scenarios.state.ContentHash;
import dev.converge.scenarios.state.PlainRunner;
import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Proves the guarantees of DESIGN.md §5 for one migration set on one database state at a time: the state is built
 * with raw JDBC, filled with rows, planned and migrated through the engine, and then checked — convergence to S_n with
 * complete history, nothing lost, idempotence (a second run takes the fast path and changes nothing), an honest plan
 * (exactly the planned statements ran), and refusals that change nothing.
 */
public final class Verifier {
    private final Path migrations;
    private final MigrationSource source;
    private final Path baseline;
    private final StateBuilder builder;
    private final String historyTable;
    private Reference reference;
    private DataFiller filler;

    /**
     * @param migrations the migration folder
     * @param baseline   today's full schema, or null
     * @param builder    the state builder for the same set (with baseline and releases)
     */
    public Verifier(Path migrations, Path baseline, StateBuilder builder) {
        this(migrations, MigrationSource.folder(migrations), baseline, builder);
    }

    /**
     * For a folder in another tool's layout (or with placeholders): the engine reads the migrations through
     * {@code source}.
     *
     * @param migrations the migration folder, for messages
     * @param source     how the engine reads it
     * @param baseline   today's full schema, or null
     * @param builder    the state builder for the same set (with baseline and releases)
     */
    public Verifier(Path migrations, MigrationSource source, Path baseline, StateBuilder builder) {
        this.migrations = migrations;
        this.source = source;
        this.baseline = baseline;
        this.builder = builder;
        this.historyTable = builder.historyTable();
    }

    /** Every state the builder makes. */
    public List<State> states() {
        return builder.allStates();
    }

    /** Verifies every state, reporting each outcome to {@code progress} as it is known. */
    public List<Outcome> verifyAll(Path workDir, Consumer<Outcome> progress) {
        return verifyAll(workDir, null, progress);
    }

    /**
     * Verifies every state, reporting each outcome to {@code progress} as it is known, and keeping each FAILED or
     * HAZARD state's database as built (before the engine ran) in {@code keepDir}, when given.
     */
    public List<Outcome> verifyAll(Path workDir, Path keepDir, Consumer<Outcome> progress) {
        List<Outcome> out = new ArrayList<>();
        int i = 0;
        for (State s : states()) {
            Path db = workDir.resolve(String.format("%03d-%s", ++i, s.fileName()));
            Outcome o = verify(s, db, keepDir);
            out.add(o);
            progress.accept(o);
        }
        return out;
    }

    private Converge converge(Path db, List<String> executed) {
        Converge.Builder b = Converge.configure().database(db).migrations(source)
                .historyTable(historyTable).logRuns(false) // hundreds of rehearsal runs: not the application's log
                .listener(e -> {
                    if (e instanceof RunEvent.StatementExecuted se) {
                        executed.add(se.statement().text());
                    }
                });
        if (baseline != null) {
            b.baseline(baseline);
        }
        return b.load();
    }

    /**
     * Builds {@code state} at {@code db} (replacing any file there) with rows where a real database would hold them,
     * runs the engine and checks; then judges the outcome by where the state sits on the set's timeline: a refusal of
     * a state on it is a failure, and a failure that the same state with empty tables does not have is a data
     * hazard of the set. Where a plain sequential runner finishes from the same state and rows, every row it ends
     * with in a table of S_n must be there after migrate() too.
     */
    public Outcome verify(State state, Path db) {
        delete(db);
        DataFiller filler = filler();
        try {
            builder.build(state, db, filler::fill);
        } catch (ConvergeException rowsRefused) {
            if (state.kind() != State.Kind.HALF_APPLIED) {
                throw rowsRefused;
            }
            // the interrupted statements refuse these rows (a hazard a plain run would meet too): rows afterwards
            builder.build(state, db);
            filler.fill(db);
        }
        Placement placement = timeline().place(state, schema(db));
        Path before = sibling(db, "before");
        copy(db, before);
        try {
            Run run = run(state, db);
            Outcome o = run.outcome();
            List<String> failures = new ArrayList<>(o.failures());
            if (o.result() == Outcome.Result.CONVERGED) {
                failures.addAll(comparedWithPlainRunner(state, before, db));
            }
            if (o.result() == Outcome.Result.REFUSED && placement.onTimeline()) {
                failures.add("convergence: refused " + state.name() + ", a state on the set's own timeline ("
                        + placement.why() + "), with " + o.refusal() + ":\n" + o.message());
            }
            if (failures.isEmpty()) {
                return withPlacement(o, placement);
            }
            Outcome failed = new Outcome(state, Outcome.Result.FAILED, o.hows(), o.refusal(),
                    String.join("\n", failures), failures, o.millis(), placement, null);
            return run.error() == null ? failed : hazardOrFailure(state, db, before, run.error(), failed);
        } finally {
            delete(before);
        }
    }

    /**
     * Like {@link #verify(State, Path)}, also keeping a copy of each FAILED or HAZARD state's database as it was
     * before the engine ran, in {@code keepDir} under the database's file name (null keeps nothing).
     */
    public Outcome verify(State state, Path db, Path keepDir) {
        if (keepDir == null) {
            return verify(state, db);
        }
        Path kept = keepDir.resolve(db.getFileName());
        Outcome o;
        Path probe = sibling(db, "kept");
        try {
            o = verify(state, db);
            if (o.result() == Outcome.Result.FAILED || o.result() == Outcome.Result.HAZARD) {
                // built again: the engine has changed db, and the copy before the run is gone
                builder.build(state, probe, filler()::fill);
                copy(probe, kept);
            }
        } finally {
            delete(probe);
        }
        return o;
    }

    /**
     * Builds {@code state} at {@code target} with the rows verify gives it, where verify puts them: the database a
     * FAILED or HAZARD outcome of {@link #verify(State, Path)} started from, to open and replay by hand.
     */
    public Path buildWithRows(State state, Path target) {
        return builder.build(state, target, filler()::fill);
    }

    private Outcome withPlacement(Outcome o, Placement placement) {
        return new Outcome(o.state(), o.result(), o.hows(), o.refusal(), o.message(), o.failures(), o.millis(),
                placement, o.hazard());
    }

    /**
     * A state that failed with {@code error}: built again with empty tables and run again. When that converges and
     * SQLite named a constraint, the rows caused it: a data hazard of the set. Otherwise the failure stands.
     */
    private Outcome hazardOrFailure(State state, Path db, Path before, ConvergeException error, Outcome failed) {
        Path empty = sibling(db, "empty");
        Path probe = sibling(db, "probe");
        try {
            builder.build(state, empty);
            PlainRunner.emptyTables(empty, historyTable);
            Outcome again = run(state, empty).outcome();
            if (again.result() != Outcome.Result.CONVERGED) {
                return failed;
            }
            copy(before, probe);
            Hazard h = HazardFinder.find(error, source.load(), probe);
            if (h.constraint().startsWith("(")) {
                List<String> f = new ArrayList<>(failed.failures());
                f.add("(the same state with empty tables converges: the rows in it matter)");
                return new Outcome(state, Outcome.Result.FAILED, failed.hows(), failed.refusal(),
                        String.join("\n", f), f, failed.millis(), failed.placement(), null);
            }
            return new Outcome(state, Outcome.Result.HAZARD, List.of(), failed.refusal(), h.describe()
                    + "\n  the engine said: " + error.getMessage(), List.of(), failed.millis(), failed.placement(), h);
        } finally {
            delete(empty);
            delete(probe);
        }
    }

    /**
     * "Nothing lost" against a plain sequential runner: the same state and rows, the remaining migrations run plainly;
     * where that finishes, every row it ends with in a table of S_n (not one a migration writes computed values into)
     * must be in the engine's table too. Not judged for a new database with a baseline (a baseline install runs no
     * data statements, by design) nor where the state's position is unknown.
     */
    private List<String> comparedWithPlainRunner(State state, Path before, Path db) {
        if (state.kind() == State.Kind.EMPTY && baseline != null) {
            return List.of();
        }
        var continuation = new PlainRunner(builder).continuation(state);
        if (continuation.isEmpty()) {
            return List.of();
        }
        Path plain = sibling(db, "plain");
        try {
            copy(before, plain);
            if (!PlainRunner.run(plain, continuation.get())) {
                return List.of(); // the plain runner does not finish from here: no yardstick
            }
            MigrationSet set = source.load();
            Set<String> written = writtenTables(set);
            Schema target = reference().target();
            return lostRows(rows(plain), rows(db), table -> target.table(table).isPresent()
                    && !written.contains(table) && !Identifiers.same(table, historyTable));
        } catch (SQLException e) {
            return List.of("nothing lost: cannot compare with a plain sequential run: " + e.getMessage());
        } finally {
            delete(plain);
        }
    }

    /**
     * For each table {@code judged} accepts: the first row a plain sequential run ended with ({@code expected}) that
     * the engine's result ({@code actual}) lacks, as a failure naming the table, both counts and the row.
     */
    static List<String> lostRows(Map<String, List<Map<String, String>>> expected,
                                 Map<String, List<Map<String, String>>> actual, java.util.function.Predicate<String> judged) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> e : expected.entrySet()) {
            String table = e.getKey();
            if (!judged.test(table)) {
                continue;
            }
            List<Map<String, String>> after = actual.getOrDefault(table, List.of());
            for (Map<String, String> row : e.getValue()) {
                if (!containsProjection(after, row)) {
                    out.add("nothing lost: after a plain sequential run from this state and rows, table " + table
                            + " holds " + e.getValue().size() + " row(s); after migrate() it holds " + after.size()
                            + ", and this row is missing: " + row);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The rows the Verifier fills states with: deterministic, honouring every UNIQUE and foreign key some point of the
     * timeline declares (so that a later migration's key does not meet rows no application could have written).
     */
    public DataFiller filler() {
        if (filler == null) {
            filler = DataFiller.seeded(42).excluding(historyTable).distinct(uniqueSomewhere())
                    .linking(foreignKeysSomewhere());
        }
        return filler;
    }

    /** Every foreign key some point of the timeline declares. */
    private Set<DataFiller.Link> foreignKeysSomewhere() {
        Set<DataFiller.Link> out = new HashSet<>();
        Reference ref = reference();
        for (var me : ref.migrations()) {
            for (var t : ref.schemaAt(me.end()).tables()) {
                for (var fk : t.foreignKeys()) {
                    if (fk.refColumns().isEmpty() || fk.refColumns().size() == fk.columns().size()) {
                        out.add(new DataFiller.Link(t.name(), fk.columns(), fk.table(), fk.refColumns()));
                    }
                }
            }
        }
        return out;
    }

    /** Every {@code table.column} that is UNIQUE (alone) at some point of the timeline. */
    private Set<String> uniqueSomewhere() {
        Set<String> out = new HashSet<>();
        Reference ref = reference();
        List<Integer> points = new ArrayList<>();
        ref.migrations().forEach(me -> points.add(me.end()));
        for (int point : points) {
            Schema s = ref.schemaAt(point);
            for (var t : s.tables()) {
                for (List<String> u : t.uniques()) {
                    u.forEach(col -> out.add(DataFiller.columnKey(t.name(), col)));
                }
            }
            for (var o : s.objects()) {
                if (o instanceof Index ix && ix.unique()) {
                    ix.keys().stream().filter(k -> k.column() != null)
                            .forEach(k -> out.add(DataFiller.columnKey(ix.table(), k.column())));
                }
            }
        }
        return out;
    }

    private Reference reference() {
        if (reference == null) {
            reference = Reference.of(source.load());
        }
        return reference;
    }

    private Timeline timeline() {
        return new Timeline(reference());
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + "." + suffix);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path db) {
        try {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Like {@link #verify(State, Path)} for a database already built at {@code db} (a state, possibly edited by hand
     * afterwards, as a catalogue scenario does): fills it, runs the engine and checks. {@code state} only names it.
     */
    public Outcome verifyBuilt(State state, Path db) {
        DataFiller.seeded(42).excluding(historyTable).fill(db);
        return verifyFilled(state, db);
    }

    /** Like {@link #verifyBuilt(State, Path)} for a database already built and filled with rows: runs the engine and checks. */
    public Outcome verifyFilled(State state, Path db) {
        return run(state, db).outcome();
    }

    /** An outcome, and the engine's error when it refused or failed. */
    private record Run(Outcome outcome, ConvergeException error) {
    }

    private Run run(State state, Path db) {
        List<String> failures = new ArrayList<>();
        Map<String, List<Map<String, String>>> rowsBefore;
        Map<String, String> hashBefore;
        try {
            rowsBefore = rows(db);
            hashBefore = ContentHash.allTables().perTable(db);
        } catch (SQLException | RuntimeException e) {
            return new Run(new Outcome(state, Outcome.Result.FAILED, List.of(), null, "cannot read the built state: "
                    + e.getMessage(), List.of("cannot read the built state: " + e.getMessage()), 0), null);
        }
        Schema schemaBefore = schema(db);
        long t0 = System.nanoTime();
        List<String> executed = new ArrayList<>();
        Plan plan;
        try {
            plan = converge(db, new ArrayList<>()).plan();
        } catch (ConvergeException e) {
            return new Run(refused(state, db, e, hashBefore, schemaBefore, t0), e);
        }
        RunResult run;
        try {
            run = converge(db, executed).migrate();
        } catch (ConvergeException e) {
            if (!plan.refused()) {
                failures.add("honest plan: plan() accepted the state but migrate() refused: " + e.getMessage());
                return new Run(failed(state, failures, t0), e);
            }
            return new Run(refused(state, db, e, hashBefore, schemaBefore, t0), e);
        }
        if (plan.refused()) {
            failures.add("honest plan: plan() refused (" + plan.problems().get(0).message() + ") but migrate() ran");
        }
        // honest plan: exactly the planned statements ran, in order
        List<String> planned = plan.sql();
        if (!planned.equals(executed)) {
            failures.add("honest plan: planned " + planned.size() + " statement(s), executed " + executed.size()
                    + firstDifference(planned, executed));
        }
        // convergence
        MigrationSet set = source.load();
        Reference ref = Reference.of(set);
        Schema live = schema(db);
        for (Change c : SchemaDiff.between(ref.target(), live)) {
            if ((c instanceof Change.ObjectUnexpected && !ref.names(c.object())) || plan.tolerated().contains(c.object())) {
                continue; // objects no migration names, and reported drift, are left alone by design
            }
            failures.add("convergence: " + c.describe());
        }
        if (baseline != null) {
            Schema b = Reference.replayScript(Script.read(baseline));
            if (!SchemaDiff.between(b, ref.target()).isEmpty()) {
                failures.add("convergence: the baseline differs from the migrations' target (see lint)");
            }
        }
        Set<dev.converge.source.Version> recorded = recordedVersions(db);
        for (var m : set) {
            if (!recorded.contains(m.version())) {
                failures.add("convergence: history lacks migration " + m.version() + " (" + m.name() + ")");
            }
        }
        // nothing lost
        try {
            Map<String, List<Map<String, String>>> rowsAfter = rows(db);
            Set<String> written = writtenTables(set);
            List<Statement> ran = new ArrayList<>();
            run.done().forEach(step -> ran.addAll(step.statements()));
            Map<String, String> locations = locationsAfter(rowsBefore.keySet(), ran);
            for (Map.Entry<String, List<Map<String, String>>> e : rowsBefore.entrySet()) {
                String origin = e.getKey();
                String table = locations.get(Identifiers.key(origin));
                if (table == null || !ref.target().table(table).isPresent() || written.contains(Identifiers.key(origin))
                        || written.contains(table) || Identifiers.same(origin, historyTable)) {
                    continue; // dropped by the run, gone from the target, or rewritten by a migration's own data
                }
                List<Map<String, String>> after = rowsAfter.getOrDefault(table, List.of());
                if (after.isEmpty()) {
                    after = rowsAfter.entrySet().stream().filter(a -> Identifiers.same(a.getKey(), table))
                            .map(Map.Entry::getValue).findFirst().orElse(List.of());
                }
                if (!after.isEmpty() && !e.getValue().isEmpty()
                        && java.util.Collections.disjoint(after.get(0).keySet(), e.getValue().get(0).keySet())) {
                    continue; // every column was renamed: rows cannot be matched by column name
                }
                for (Map<String, String> row : e.getValue()) {
                    if (!containsProjection(after, row)) {
                        failures.add("nothing lost: a row of " + origin
                                + (Identifiers.same(origin, table) ? "" : " (now " + table + ")")
                                + " is gone or changed: " + row);
                        break;
                    }
                }
            }
            // idempotence
            Map<String, String> hashAfter = ContentHash.allTables().perTable(db);
            RunResult second = converge(db, new ArrayList<>()).migrate();
            if (!second.fastPath()) {
                failures.add("idempotence: the second run did not take the fast path (did " + second.done().size() + " step(s))");
            }
            if (!ContentHash.allTables().perTable(db).equals(hashAfter)) {
                failures.add("idempotence: the second run changed table contents");
            }
        } catch (SQLException | ConvergeException e) {
            failures.add("after the run: " + e.getMessage());
        }
        List<String> hows = new ArrayList<>();
        for (Step s : run.done()) {
            if (s.version() != null && s.how() != null) {
                hows.add(s.version() + ":" + s.how().column());
            } else if (s.action() == Action.REPAIR) {
                hows.add("repair " + s.name().replaceFirst("^repair ", ""));
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!failures.isEmpty()) {
            return new Run(new Outcome(state, Outcome.Result.FAILED, hows, null, String.join("\n", failures), failures,
                    ms), null);
        }
        String summary = run.done().isEmpty() ? "already up to date" : String.join(", ", hows);
        return new Run(new Outcome(state, Outcome.Result.CONVERGED, hows, null, summary, List.of(), ms), null);
    }

    private Outcome refused(State state, Path db, ConvergeException e, Map<String, String> hashBefore,
                            Schema schemaBefore, long t0) {
        List<String> failures = new ArrayList<>();
        if (!ContentHash.allTables().perTable(db).equals(hashBefore)) {
            failures.add("clear refusal: the refusal changed table contents");
        }
        if (!SchemaDiff.between(schemaBefore, schema(db)).isEmpty()) {
            failures.add("clear refusal: the refusal changed the schema");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!failures.isEmpty()) {
            failures.add("the refusal was: " + e.getMessage());
            return new Outcome(state, Outcome.Result.FAILED, List.of(), e.code(), String.join("\n", failures), failures, ms);
        }
        return new Outcome(state, Outcome.Result.REFUSED, List.of(), e.code(), e.getMessage(), List.of(), ms);
    }

    private static Outcome failed(State state, List<String> failures, long t0) {
        return new Outcome(state, Outcome.Result.FAILED, List.of(), null, String.join("\n", failures), failures,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(nothing)";
            String y = i < b.size() ? b.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return "; first difference at #" + (i + 1) + ": planned `" + first(x) + "`, executed `" + first(y) + "`";
            }
        }
        return "";
    }

    private static String first(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    /** Tables whose rows a migration itself writes with UPDATE, DELETE or REPLACE: "nothing lost" does not judge them. */
    static Set<String> writtenTables(MigrationSet set) {
        Set<String> out = new HashSet<>();
        for (var m : set) {
            for (Statement st : m.statements()) {
                switch (st.kind()) {
                    case UPDATE, DELETE, REPLACE -> {
                        if (st.tableName() != null) {
                            out.add(Identifiers.key(st.tableName()));
                        }
                    }
                    case INSERT -> {
                        if (st.tableName() != null && (copiesComputedValues(st) || replacesRows(st))) {
                            out.add(Identifiers.key(st.tableName()));
                        }
                    }
                    case ALTER_RENAME_TABLE -> {
                        // a rebuild's copy, filled with computed values, renamed onto its table's name
                        if (st.tableName() != null && st.newName() != null && out.contains(Identifiers.key(st.tableName()))) {
                            out.add(Identifiers.key(st.newName()));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    /**
     * True for {@code INSERT OR REPLACE}: like {@code REPLACE}, it deletes the rows whose keys it meets (Room rewrites
     * its {@code room_master_table} row so in every migration).
     */
    static boolean replacesRows(Statement st) {
        List<String> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(st.text(), "insert")) {
            if (t.type() != TokenType.COMMENT && words.size() < 3) {
                words.add(t.text().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return words.equals(List.of("INSERT", "OR", "REPLACE"));
    }

    /**
     * True for {@code INSERT … SELECT} whose result columns are not all plain column names (or {@code *}): with
     * {@code coalesce(n, 0)}, a literal or {@code x AS y} the rows it writes are the migration's own, not the source's
     * rows moved unchanged.
     */
    private static final Set<String> LITERAL_WORDS = Set.of("NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE",
            "CURRENT_TIMESTAMP", "AS");

    static boolean copiesComputedValues(Statement st) {
        List<Token> tokens = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(st.text(), "insert")) {
            if (t.type() != TokenType.COMMENT) {
                tokens.add(t);
            }
        }
        int i = 0;
        int depth = 0;
        while (i < tokens.size() && !(depth == 0 && tokens.get(i).is("SELECT"))) {
            depth += tokens.get(i).isPunct("(") ? 1 : tokens.get(i).isPunct(")") ? -1 : 0;
            i++;
        }
        if (i == tokens.size()) {
            return false; // VALUES: new rows, the table's existing rows untouched
        }
        i++;
        if (i < tokens.size() && (tokens.get(i).is("DISTINCT") || tokens.get(i).is("ALL"))) {
            i++;
        }
        int itemLength = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("FROM") || t.type() == TokenType.SEMICOLON) {
                break;
            }
            if (t.isPunct(",")) {
                itemLength = 0;
                continue;
            }
            boolean partOfName = t.type() == TokenType.QUOTED_IDENTIFIER || t.isPunct(".") || t.isPunct("*")
                    || (t.type() == TokenType.WORD && !LITERAL_WORDS.contains(t.text().toUpperCase(java.util.Locale.ROOT)));
            if (!partOfName || ++itemLength > 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the rows of each table the database held before the run are expected after it, following the statements
     * the run executed, in order: a table renamed is judged under its new name (and a later table that takes its old
     * name is not mistaken for it); a rebuild's copy (filled by {@code INSERT … SELECT}) renamed onto the name of the
     * table it replaced carries that table's rows; a table dropped for good (or dropped and created afresh, or
     * "rebuilt" without a copy) is not in the map. Keys and values are
     * {@link Identifiers#key}s; keys are the names before the run.
     */
    static Map<String, String> locationsAfter(Set<String> tablesBefore, List<Statement> executed) {
        Map<String, String> location = new HashMap<>();    // origin -> where its rows are now
        Map<String, String> holder = new HashMap<>();      // name -> the origin whose rows it holds
        Map<String, String> droppedFrom = new HashMap<>(); // name a table was dropped from -> its origin
        Set<String> copies = new HashSet<>();              // tables the run filled with INSERT … SELECT
        for (String t : tablesBefore) {
            location.put(Identifiers.key(t), Identifiers.key(t));
            holder.put(Identifiers.key(t), Identifiers.key(t));
        }
        for (Statement st : executed) {
            if (st.copiesRows()) {
                copies.add(Identifiers.key(st.tableName()));
            }
            if (st.kind() == StatementKind.DROP_TABLE && st.objectName() != null) {
                String name = Identifiers.key(st.objectName());
                String origin = holder.remove(name);
                if (origin != null) {
                    location.remove(origin);
                    droppedFrom.put(name, origin);
                }
            } else if (st.kind() == StatementKind.ALTER_RENAME_TABLE && st.tableName() != null && st.newName() != null) {
                String to = Identifiers.key(st.newName());
                String from = Identifiers.key(st.tableName());
                String origin = holder.remove(from);
                if (origin == null && copies.contains(from)) {
                    origin = droppedFrom.remove(to); // a rebuild: the copy takes the place of the table it replaced
                }
                if (origin != null) {
                    location.put(origin, to);
                    holder.put(to, origin);
                }
            }
        }
        return location;
    }

    private Schema schema(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return SchemaInspector.inspect(c, historyTable);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The versions the history records: numbers, or the text of a dotted version (a set with Flyway's 1.1). */
    private Set<dev.converge.source.Version> recordedVersions(Path db) {
        Set<dev.converge.source.Version> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + Identifiers.quote(historyTable))) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                out.add(v instanceof Number n ? dev.converge.source.Version.of(n.longValue())
                        : dev.converge.source.Version.dotted(String.valueOf(v)));
            }
        } catch (SQLException e) {
            // no history table: nothing recorded
        }
        return out;
    }

    /**
     * Every row of every ordinary table, keyed by lower-case table name; a row renders as {@code col=value} pairs
     * sorted by column name, so a row can be found again after columns were added or reordered.
     */
    static Map<String, List<Map<String, String>>> rows(Path db) throws SQLException {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Set<String> shadows = SchemaInspector.shadowTables(c);
            List<String> tables = new ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'"
                         + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                if (shadows.contains(Identifiers.key(t))) {
                    continue;
                }
                List<Map<String, String>> rows = new ArrayList<>();
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + Identifiers.quote(t))) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        TreeMap<String, String> row = new TreeMap<>();
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.put(Identifiers.key(rs.getMetaData().getColumnName(i)),
                                    v == null ? "NULL" : v.getClass().getSimpleName() + ":" + (v instanceof byte[] b
                                            ? java.util.HexFormat.of().formatHex(b) : v.toString()));
                        }
                        rows.add(row);
                    }
                }
                out.put(Identifiers.key(t), rows);
            }
        }
        return out;
    }

    /** True when some row of {@code after} agrees with {@code before} on every column both have (at least one). */
    private static boolean containsProjection(List<Map<String, String>> after, Map<String, String> before) {
        for (Map<String, String> a : after) {
            boolean all = true;
            boolean any = false;
            for (Map.Entry<String, String> e : before.entrySet()) {
                String v = a.get(e.getKey());
                if (v != null || a.containsKey(e.getKey())) {
                    any = true;
                    if (!e.getValue().equals(v)) {
                        all = false;
                        break;
                    }
                }
            }
            if (all && any) {
                return true;
            }
        }
        return false;
    }
}
