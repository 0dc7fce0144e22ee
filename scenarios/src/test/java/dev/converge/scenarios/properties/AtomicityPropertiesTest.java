package dev.converge.scenarios.properties;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunListener;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.scenarios.state.ContentHash;
import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Guarantee "atomicity" of DESIGN.md §5 on generated chains: a failure injected at any statement the run executes
 * (a listener that throws on the j-th {@link RunEvent.StatementExecuted}) leaves the database exactly as a run that
 * stopped just before that migration began (a copy of the same state, run with a listener that throws at the
 * {@link RunEvent.StepStarted} of the same step): same catalogue, same rows per table, same history. The next run,
 * without injection, converges to S_n.
 */
class AtomicityPropertiesTest {
    private static final Coverage COVERAGE = new Coverage();
    private static final String HISTORY = StateBuilder.DEFAULT_HISTORY_TABLE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    /** Reads every catalogue row. */
    private static final String CATALOGUE = "SELECT type || '|' || name || '|' || tbl_name || '|' || ifnull(sql, '')"
            + " FROM sqlite_schema ORDER BY type, name";
    /** Reads the ordinary tables but the history table and SQLite's own. */
    private static final String TABLES = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '" + HISTORY + "' ORDER BY name";
    /** Reads a table's columns whose default does not read the clock. */
    private static final String STABLE_COLUMNS = "SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1"
            + " AND (dflt_value IS NULL OR upper(dflt_value) NOT LIKE '%CURRENT\\_%' ESCAPE '\\') ORDER BY cid";
    /** Reads history without its clock- and timing-dependent columns. */
    private static final String HISTORY_ROWS = "SELECT version || '|' || name || '|' || checksum || '|' || how FROM "
            + HISTORY + " ORDER BY version";

    @TempDir
    static Path work;

    /** The injected failure. */
    static final class Injected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Injected(String where) {
            super("injected failure " + where, null, false, false);
        }
    }

    @Test
    void aFailureAtAnyStatementLeavesTheDatabaseAsBeforeThatMigrationAndTheNextRunConverges() {
        PropertyCheck.check("a failure at any statement leaves the database as before that migration, and the next run"
                + " converges", PropertyCheck.examples(80), Example.examples(COVERAGE), AtomicityPropertiesTest::atomic);
    }

    private static Converge converge(Chain.Written w, Path db, RunListener listener) {
        return Converge.configure().database(db).migrations(w.migrations()).baseline(w.baseline()).clock(CLOCK)
                .listener(listener).load();
    }

    static void atomic(Example ex) {
        State state = ex.state();
        COVERAGE.count("state " + state.kind());
        Path dir = Workspace.fresh(work);
        Chain.Written w = ex.chain().write(dir);
        Path failed = dir.resolve("failed.db");
        Path stopped = dir.resolve("stopped.db");
        ex.chain().builder().build(state, failed);
        DataFiller.seeded(42).fill(failed);
        try {
            Files.copy(failed, stopped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Plan plan = converge(w, failed, RunListener.NONE).plan();
        if (plan.refused()) {
            COVERAGE.count("outcome refused");
            Workspace.delete(dir);
            return;
        }
        int total = 0;
        for (Step s : plan.work()) {
            if (s.action() == Action.EXECUTE || s.action() == Action.BASELINE || s.action() == Action.REPAIR) {
                total += s.statements().size();
            }
        }
        if (total == 0) {
            COVERAGE.count("outcome nothing to execute");
            Workspace.delete(dir);
            return;
        }
        int at = ex.failurePick() % total + 1;
        int[] executed = {0};
        int[] step = {0};
        String[] statement = {null};
        boolean reached = false;
        try {
            converge(w, failed, e -> {
                if (e instanceof RunEvent.StepStarted s) {
                    step[0] = s.index();
                } else if (e instanceof RunEvent.StatementExecuted s && ++executed[0] == at) {
                    statement[0] = s.step().name() + " statement " + s.index() + "/" + s.total() + ": " + s.statement().firstLine();
                    throw new Injected("at statement " + at + " of the run");
                }
            }).migrate();
        } catch (RuntimeException e) {
            reached = statement[0] != null;
            if (!reached) {
                throw new AssertionError("atomicity: the run failed before the injection point (statement " + at
                        + " of " + total + " planned): " + e.getMessage(), e);
            }
        }
        if (!reached) {
            throw new AssertionError("honest plan: the run ended before statement " + at + " of the " + total + " planned");
        }
        COVERAGE.count("outcome injected");
        int failedStep = step[0];
        try {
            converge(w, stopped, e -> {
                if (e instanceof RunEvent.StepStarted s && s.index() == failedStep) {
                    throw new Injected("at the start of step " + failedStep);
                }
            }).migrate();
            throw new AssertionError("atomicity: the run stopped before step " + failedStep + " did not reach it");
        } catch (Injected expected) {
            // stopped where it should
        }
        List<String> differences = new ArrayList<>();
        Snapshot a = Snapshot.of(failed);
        Snapshot b = Snapshot.of(stopped);
        if (!a.catalogue.equals(b.catalogue)) {
            differences.add("catalogue " + firstDifference(b.catalogue, a.catalogue));
        }
        if (!a.content.equals(b.content)) {
            List<String> tables = new ArrayList<>();
            for (String t : a.content.keySet()) {
                if (!a.content.get(t).equals(b.content.get(t))) {
                    tables.add(t);
                }
            }
            b.content.keySet().stream().filter(t -> !a.content.containsKey(t)).forEach(tables::add);
            differences.add("rows of " + tables);
        }
        if (!a.history.equals(b.history)) {
            differences.add("history " + firstDifference(b.history, a.history));
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("atomicity: a failure at " + statement[0] + " left the database unlike before that"
                    + " migration (expected against actual): " + String.join("; ", differences));
        }
        try {
            converge(w, failed, RunListener.NONE).migrate();
        } catch (ConvergeException refused) {
            if (state.kind() != State.Kind.PREFIX_PLUS_BASELINE || refused.exitStatus() != 1) {
                throw refused;
            }
            // off the migrations' timeline, as ConvergencePropertiesTest allows: a clear refusal that changed nothing
            if (!Snapshot.of(failed).equals(a)) {
                throw new AssertionError("clear refusal: the next run after the failure refused but changed the database");
            }
            COVERAGE.count("outcome next run refused");
            Workspace.delete(dir);
            return;
        }
        Plan after = converge(w, failed, RunListener.NONE).plan();
        if (after.hasWork()) {
            throw new AssertionError("atomicity: after the failed run, the next run left work to do: " + after.work());
        }
        Reference ref = after.reference();
        Schema live = schema(failed);
        List<String> off = new ArrayList<>();
        for (Change c : SchemaDiff.between(ref.target(), live)) {
            if (!(c instanceof Change.ObjectUnexpected && !ref.names(c.object())) && !after.tolerated().contains(c.object())) {
                off.add(c.describe());
            }
        }
        if (!off.isEmpty()) {
            throw new AssertionError("convergence: after a failed run, the next run did not reach S_n: " + off);
        }
        Workspace.delete(dir);
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String x = i < expected.size() ? expected.get(i) : "(nothing)";
            String y = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return "expected `" + x.lines().findFirst().orElse("") + "`, actual `" + y.lines().findFirst().orElse("") + "`";
            }
        }
        return "";
    }

    private static Schema schema(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return SchemaInspector.inspect(c, HISTORY);
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + db + ": " + e.getMessage(), e);
        }
    }

    /** What a database holds, compared across the two runs: catalogue, clock-free row hashes, history. */
    private record Snapshot(List<String> catalogue, Map<String, String> content, List<String> history) {
        static Snapshot of(Path db) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                Map<String, String> content = new TreeMap<>();
                for (String t : strings(c, TABLES, null)) {
                    content.put(t.toLowerCase(Locale.ROOT), ContentHash.table(c, t, strings(c, STABLE_COLUMNS, t)));
                }
                List<String> history = strings(c, "SELECT count(*) FROM sqlite_schema WHERE name = '" + HISTORY + "'"
                        + " AND sql LIKE '%checksum%'", null).get(0).equals("1") ? strings(c, HISTORY_ROWS, null) : List.of();
                return new Snapshot(strings(c, CATALOGUE, null), content, history);
            } catch (SQLException e) {
                throw new AssertionError("cannot read " + db + ": " + e.getMessage(), e);
            }
        }

        private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }
    }

    @AfterAll
    static void everyKindAppeared() {
        System.out.println("atomicity properties: " + COVERAGE);
        COVERAGE.assertSeen("atomicity", Coverage.stateKinds());
        COVERAGE.assertSeen("atomicity", Coverage.stepKinds());
    }
}
