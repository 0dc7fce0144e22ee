package dev.converge.scenarios.verify;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planted defects of issue 12: what verify must call a failure, a clean refusal, or a data hazard, and that the
 * cause is there in full.
 */
class VerifierOutcomesTest {
    @TempDir
    Path dir;

    private Path set(String... files) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(m.resolve(String.format("%03d_m%d.sql", i + 1, i + 1)), files[i]);
        }
        return m;
    }

    private Outcome verify(Path migrations, Path baseline, State state) {
        StateBuilder b = StateBuilder.forFolder(migrations);
        if (baseline != null) {
            b = b.withBaseline(Baseline.read(baseline));
        }
        return new Verifier(migrations, baseline, b).verify(state, dir.resolve("state.db"));
    }

    /** Planted: a set the engine refuses on a new database (VACUUM in a migration) fails; it is not a pass. */
    @Test
    void aRefusedFreshInstallIsAFailureWithTheFullReason() throws Exception {
        Path m = set("CREATE TABLE t (id INTEGER PRIMARY KEY);", "VACUUM;");
        Outcome o = verify(m, null, State.empty());
        assertThat(o.result()).as(o.detail()).isEqualTo(Outcome.Result.FAILED);
        assertThat(o.detail()).contains("refused empty, a state on the set's own timeline")
                .contains("BAD_SQL").contains("VACUUM").contains("002_m2.sql:1")
                .contains("PRAGMA journal_mode belong outside migrations"); // the end of the message: nothing cut
        assertThat(o.ok()).isFalse();
    }

    /** Planted: an unsafe seed (explicit id 1, which a table with rows already holds) is a hazard, with SQLite's words. */
    @Test
    void aSeedNotSafeToRepeatIsADataHazardWithItsSqliteMessageAndFix() throws Exception {
        Path m = set("CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
                "INSERT INTO roles (id, name) VALUES (1, 'administrator of everything, with a long name');");
        Outcome o = verify(m, null, State.prefix(1, HistoryLayout.CONVERGE));
        assertThat(o.result()).as(o.detail()).isEqualTo(Outcome.Result.HAZARD);
        assertThat(o.ok()).isTrue();
        assertThat(o.ok(true)).isFalse();
        Hazard h = o.hazard();
        assertThat(h.file()).endsWith("002_m2.sql");
        assertThat(h.line()).isEqualTo(1);
        assertThat(h.statement()).contains("with a long name'");
        assertThat(h.constraint()).isEqualTo("UNIQUE constraint failed: roles.id");
        assertThat(h.sqlite()).contains("UNIQUE constraint failed: roles.id");
        assertThat(h.sampleRow()).contains("id=1");
        assertThat(h.fix()).contains("INSERT OR IGNORE");
        assertThat(o.detail()).contains("data hazard").contains("with a long name'").contains("INSERT OR IGNORE");
    }

    /** A rebuild that adds a CHECK existing rows break is a hazard, with a row that breaks it. */
    @Test
    void aCheckARebuildAddsIsAHazardWithTheRowThatBreaksIt() throws Exception {
        Path m = set("CREATE TABLE m (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);",
                "CREATE TABLE m_new (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n < 10));\n"
                        + "INSERT INTO m_new (id, n) SELECT id, n FROM m;\nDROP TABLE m;\nALTER TABLE m_new RENAME TO m;");
        Outcome o = verify(m, null, State.prefix(1, HistoryLayout.CONVERGE));
        assertThat(o.result()).as(o.detail()).isEqualTo(Outcome.Result.HAZARD);
        assertThat(o.hazard().line()).isEqualTo(2);
        assertThat(o.hazard().constraint()).isEqualTo("CHECK constraint failed: n < 10");
        assertThat(o.hazard().sampleRow()).contains("breaks CHECK (n < 10)").contains("n=");
        assertThat(o.hazard().fix()).contains("UPDATE them to valid values");
    }

    /** A baseline that lacks an index the migrations create fails (every state that uses it says so). */
    @Test
    void aBaselineThatLacksAnIndexFails() throws Exception {
        Path m = set("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nCREATE INDEX t_name ON t (name);");
        Path baseline = dir.resolve("schema.sql");
        Files.writeString(baseline, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);");
        Outcome o = verify(m, baseline, State.baselineOnly(Baseline.read(baseline)));
        assertThat(o.result()).as(o.detail()).isEqualTo(Outcome.Result.FAILED);
        assertThat(o.detail()).contains("the baseline differs from the migrations' target");
    }

    /** A drifted state refused cleanly is a refusal with the reason refusing is right, not a failure. */
    @Test
    void aStateOffTheTimelineIsPlacedThereWithWhyRefusingIsRight() throws Exception {
        Path m = set("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nCREATE INDEX t_name ON t (name);");
        Outcome o = verify(m, null, State.drifted(dev.converge.scenarios.state.Drift.EXTRA_TABLE));
        assertThat(o.placement().onTimeline()).isFalse();
        assertThat(o.placement().why()).contains("refusing it before any change is a right answer");
        assertThat(o.result()).isNotEqualTo(Outcome.Result.FAILED);
    }

    /**
     * Rows go in where a real database holds them: in half-applied(2, 2) of a rename-away rebuild, the rows are in
     * the old table, and the new one is empty.
     */
    @Test
    void aRebuildInterruptedBeforeItsCopyHoldsTheRowsInTheOldTable() throws Exception {
        Path m = Path.of(getClass().getResource("/cases/resume-rebuild-before-copy/migrations").toURI());
        StateBuilder b = StateBuilder.forFolder(m);
        Path db = dir.resolve("half.db");
        b.build(State.halfApplied(2, 2, HistoryLayout.CONVERGE), db,
                c -> dev.converge.scenarios.state.DataFiller.seeded(1).fill(c));
        assertThat(count(db, "_page_hash_old")).isEqualTo(5);
        assertThat(count(db, "page_hash")).isZero();
    }

    /**
     * Verify never calls that state converged while rows are gone: either page_hash ends with the five rows, or the
     * outcome is a failure naming the table (today's engine skips the copy; the lead is fixing it).
     */
    @Test
    void verifyDoesNotCallARebuildThatLostItsRowsConverged() throws Exception {
        Path m = Path.of(getClass().getResource("/cases/resume-rebuild-before-copy/migrations").toURI());
        Outcome o = new Verifier(m, null, StateBuilder.forFolder(m))
                .verify(State.halfApplied(2, 2, HistoryLayout.CONVERGE), dir.resolve("state.db"));
        if (o.result() == Outcome.Result.CONVERGED) {
            assertThat(count(dir.resolve("state.db"), "page_hash")).isEqualTo(5);
        } else {
            assertThat(o.result()).as(o.detail()).isEqualTo(Outcome.Result.FAILED);
            assertThat(o.detail()).contains("page_hash");
        }
    }

    /** Planted row loss: a plain run ended with five rows, the engine's result has none: named, with a row. */
    @Test
    void rowsAPlainRunnerKeepsAndTheEngineLostAreAFailure() throws Exception {
        Path plain = dir.resolve("plain.db");
        Path engine = dir.resolve("engine.db");
        exec(plain, "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER)",
                "INSERT INTO page_hash VALUES ('h1', 1), ('h2', 2)", "CREATE TABLE other (x TEXT)",
                "INSERT INTO other VALUES ('kept')");
        exec(engine, "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER)", "CREATE TABLE other (x TEXT)",
                "INSERT INTO other VALUES ('kept')");
        List<String> lost = Verifier.lostRows(Verifier.rows(plain), Verifier.rows(engine), t -> true);
        assertThat(lost).singleElement().asString().contains("table page_hash holds 2 row(s)")
                .contains("after migrate() it holds 0").contains("hash=String:h1");
        assertThat(Verifier.lostRows(Verifier.rows(plain), Verifier.rows(plain), t -> true)).isEmpty();
    }

    private static void exec(Path db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
