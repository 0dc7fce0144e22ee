package dev.converge.scenarios.catalogue;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import dev.converge.sql.Identifiers;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One named regression scenario: a database state of an application, changed by hand afterwards with raw SQL (run
 * in order, each a whole script) and with edits to the migration files, and what Converge must do with it.
 * {@link #run} builds it in a folder, proves the guarantees with the {@link Verifier}, and compares the result with
 * {@link #expected()}.
 *
 * <pre>{@code
 * Scenario.named("drift-missing-index")
 *         .description("every migration applied and recorded, then an index dropped by hand")
 *         .on(Fixture.starpunk())
 *         .state(State.prefix(5, HistoryLayout.CONVERGE))
 *         .sql("DROP INDEX idx_tokens_me")
 *         .expect(Expected.converges().mentioning("idx_tokens_me"))
 *         .build();
 * }</pre>
 *
 * @param name        a stable name, lower-case words joined by {@code -}
 * @param description what happened, in a sentence or two
 * @param fixture     the application
 * @param state       the state built first
 * @param sql         raw SQL run on the built state, in order, before rows are filled in
 * @param edits       changes to the migration files after the state was built
 * @param expected    what Converge must do
 */
public record Scenario(String name, String description, Fixture fixture, State state, List<String> sql,
                       List<FileEdit> edits, Expected expected) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("a scenario name is lower-case words joined by '-', not: " + name);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fixture, "fixture");
        Objects.requireNonNull(state, "state");
        sql = List.copyOf(sql);
        edits = List.copyOf(edits);
        Objects.requireNonNull(expected, "expected");
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The database file name of the scenario: its name with {@code .db}. */
    public String fileName() {
        return name + ".db";
    }

    /**
     * Builds the scenario in {@code workDir} ({@code migrations/} with the edits, {@code schema.sql}, and the
     * database {@link #fileName()}, filled with rows), makes a plan of it, then verifies it and compares with what is
     * expected. The files are left in {@code workDir}.
     */
    public Verdict run(Path workDir) {
        Fixture.OnDisk files = fixture.writeTo(workDir, edits);
        Path db = workDir.resolve(fileName());
        buildFilled(db);
        Plan plan = null;
        ConvergeException planError = null;
        try {
            plan = converge(db, files).plan();
        } catch (ConvergeException e) {
            planError = e;
        }
        Outcome outcome = new Verifier(files.migrations(), files.baseline(), fixture.stateBuilder()).verifyFilled(state, db);
        Map<Long, String> history = outcome.result() == Outcome.Result.CONVERGED ? history(db) : Map.of();
        return new Verdict(this, plan, planError, outcome, history, mismatches(plan, outcome, history));
    }

    /** Builds the state at {@code db} and runs the scenario's SQL on it; no rows are filled in. */
    public Path build(Path db) {
        fixture.stateBuilder().build(state, db);
        if (!sql.isEmpty()) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
                for (String script : sql) {
                    c.unwrap(SQLiteConnection.class).getDatabase()._exec(script);
                }
            } catch (SQLException e) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "scenario " + name + ": its SQL fails on "
                        + state.name() + ": " + e.getMessage(), e);
            }
        }
        return db;
    }

    /** Builds the scenario at {@code db} and fills it with the rows the verification uses. */
    public Path buildFilled(Path db) {
        build(db);
        DataFiller.seeded(42).excluding(fixture.historyTable()).fill(db);
        return db;
    }

    private Converge converge(Path db, Fixture.OnDisk files) {
        Converge.Builder b = Converge.configure().database(db).migrations(files.migrations())
                .historyTable(fixture.historyTable()).createDatabase(false).logRuns(false);
        if (files.baseline() != null) {
            b.baseline(files.baseline());
        }
        return b.load();
    }

    private List<String> mismatches(Plan plan, Outcome outcome, Map<Long, String> history) {
        List<String> out = new ArrayList<>();
        if (outcome.result() == Outcome.Result.FAILED) {
            out.addAll(outcome.failures());
            return out;
        }
        if (expected.convergence()) {
            if (outcome.result() != Outcome.Result.CONVERGED) {
                out.add("expected to converge, but it was refused with " + outcome.refusal() + ": " + outcome.message());
                return out;
            }
            expected.hows().forEach((version, how) -> {
                String actual = history.get(version);
                if (!how.column().equals(actual)) {
                    out.add("migration " + version + ": expected how = " + how.column() + ", history holds "
                            + (actual == null ? "no row" : actual));
                }
            });
            String notes = plan == null ? "" : planText(plan);
            for (String m : expected.mentions()) {
                if (!notes.contains(m)) {
                    out.add("the plan's notes and reasons do not mention \"" + m + "\"; they are: "
                            + (notes.isEmpty() ? "(none)" : notes.replace('\n', ';')));
                }
            }
        } else {
            if (outcome.result() != Outcome.Result.REFUSED) {
                out.add("expected a refusal with " + expected.refusal() + ", but it converged: " + outcome.message());
                return out;
            }
            if (outcome.refusal() != expected.refusal()) {
                out.add("expected a refusal with " + expected.refusal() + ", but it was refused with "
                        + outcome.refusal() + ": " + outcome.message());
            }
            for (String m : expected.mentions()) {
                if (!outcome.message().contains(m)) {
                    out.add("the refusal does not mention \"" + m + "\": " + outcome.message());
                }
            }
        }
        return out;
    }

    /** The plan's notes and every step's reason, one per line: what a convergent scenario's mentions are looked for in. */
    static String planText(Plan plan) {
        List<String> lines = new ArrayList<>(plan.notes());
        for (var step : plan.steps()) {
            lines.add(step.name() + ": " + step.reason().summary());
        }
        return String.join("\n", lines);
    }

    /** Version → how, read from the history table; empty when there is none. */
    private Map<Long, String> history(Path db) {
        Map<Long, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, how FROM " + Identifiers.quote(fixture.historyTable())
                     + " ORDER BY version")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            return Map.of(); // no history table in Converge's layout
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Assembles a scenario; {@link #on}, {@link #state} and {@link #expect} are required. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private Fixture fixture;
        private State state;
        private final List<String> sql = new ArrayList<>();
        private final List<FileEdit> edits = new ArrayList<>();
        private Expected expected;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder on(Fixture f) {
            this.fixture = f;
            return this;
        }

        public Builder state(State s) {
            this.state = s;
            return this;
        }

        /** Raw SQL run after the state is built (a whole script; several calls run in order). */
        public Builder sql(String script) {
            sql.add(script);
            return this;
        }

        public Builder edit(FileEdit e) {
            edits.add(e);
            return this;
        }

        /** The migration file as the application ships it now: its text changed by {@code change}. */
        public Builder editFile(String fileName, UnaryOperator<String> change) {
            if (fixture == null) {
                throw new IllegalStateException("call on(fixture) before editFile");
            }
            return edit(FileEdit.write(fileName, change.apply(fixture.text(fileName))));
        }

        public Builder deleteFile(String fileName) {
            return edit(FileEdit.delete(fileName));
        }

        public Builder expect(Expected e) {
            this.expected = e;
            return this;
        }

        public Scenario build() {
            return new Scenario(name, description, fixture, state, sql, edits, expected);
        }
    }
}
