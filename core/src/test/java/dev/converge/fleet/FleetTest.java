package dev.converge.fleet;

import dev.converge.Converge;
import dev.converge.detect.Reference;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Many databases in one process: each its own outcome, failures reported and never stopping the others. */
class FleetTest {
    private static final Map<String, String> SET = new TreeMap<>(Map.of(
            "001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
            "002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, body TEXT);",
            "003_email.sql", "ALTER TABLE users ADD COLUMN email TEXT;\nCREATE INDEX users_email ON users(email);"));

    @TempDir
    Path dir;

    private Fleet fleet() {
        return Fleet.prepare(MigrationSource.memory(SET), b -> b.lockTimeout(Duration.ofMillis(200))).parallel(3);
    }

    private Path db(String name) {
        return dir.resolve(name);
    }

    /** A database migrated with the first {@code k} migrations only. */
    private Path prefix(String name, int k) {
        Map<String, String> first = new TreeMap<>();
        SET.entrySet().stream().limit(k).forEach(e -> first.put(e.getKey(), e.getValue()));
        Path p = db(name);
        Converge.configure().database(p).migrations(MigrationSource.memory(first)).load().migrate();
        return p;
    }

    private Path raw(String name, String sql) throws SQLException {
        Path p = db(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
        return p;
    }

    private static int historyRows(Path p) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM schema_migrations")) {
            return rs.getInt(1);
        }
    }

    @Test
    void everyDatabaseConvergesAndFailuresAreReportedWithoutStoppingTheOthers() throws Exception {
        List<Path> fleet = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fleet.add(prefix("p" + i + ".db", i % 4));
        }
        Path conflict = raw("conflict.db", "CREATE TABLE users (id TEXT, something_else BLOB)");
        Path corrupt = db("corrupt.db");
        Files.writeString(corrupt, "this is not a SQLite database, not even close; ".repeat(50));
        Path missing = db("missing.db");
        Path locked = prefix("locked.db", 1);
        fleet.addAll(List.of(conflict, corrupt, missing, locked));

        FleetResult r;
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + locked);
             Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            r = fleet().migrate(fleet);
            s.execute("ROLLBACK");
        }

        Map<Path, DatabaseOutcome> by = new TreeMap<>();
        r.outcomes().forEach(o -> by.put(o.path(), o));
        assertThat(r.outcomes()).extracting(DatabaseOutcome::path).containsExactlyElementsOf(fleet);
        for (int i = 0; i < 12; i++) {
            DatabaseOutcome o = by.get(db("p" + i + ".db"));
            assertThat(o.outcome()).as(o.toString()).isEqualTo(i % 4 == 3 ? Outcome.UP_TO_DATE : Outcome.CONVERGED);
            assertThat(o.steps()).isEqualTo(3 - i % 4);
            assertThat(historyRows(o.path())).isEqualTo(3);
        }
        assertThat(by.get(conflict).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(by.get(conflict).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(by.get(corrupt).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(by.get(corrupt).code()).isEqualTo(ErrorCode.NOT_A_DATABASE);
        assertThat(by.get(corrupt).error()).contains(corrupt.toString());
        assertThat(by.get(missing).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(by.get(missing).code()).isEqualTo(ErrorCode.NO_DATABASE);
        assertThat(missing).doesNotExist();
        assertThat(by.get(locked).outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(by.get(locked).exitStatus()).isEqualTo(1);
        assertThat(historyRows(locked)).isEqualTo(1);
        assertThat(r.counts()).containsEntry(Outcome.CONVERGED, 9).containsEntry(Outcome.UP_TO_DATE, 3)
                .containsEntry(Outcome.REFUSED, 2).containsEntry(Outcome.LOCKED, 1).containsEntry(Outcome.FAILED, 1);
        assertThat(r.exitStatus()).isEqualTo(2);

        // the same command again is the resume: the converged ones are up to date, the locked one now converges
        Fleet second = fleet();
        FleetResult again = second.migrate(fleet);
        // every database was planned with the one reference the fleet replayed (the engine finds it by the set)
        assertThat(Reference.of(second.migrations())).isSameAs(second.reference());
        Map<Outcome, Integer> counts = again.counts();
        assertThat(counts).containsEntry(Outcome.UP_TO_DATE, 12).containsEntry(Outcome.CONVERGED, 1);
        assertThat(historyRows(locked)).isEqualTo(3);
    }

    @Test
    void theExitStatusIsTheWorstDatabases() {
        assertThat(result().exitStatus()).isZero();
        assertThat(result(Outcome.UP_TO_DATE, 0, Outcome.REFUSED, 1).exitStatus()).isEqualTo(1);
        assertThat(result(Outcome.REFUSED, 1, Outcome.STOPPED_PART_WAY, 3, Outcome.CONVERGED, 0).exitStatus())
                .isEqualTo(3);
        assertThat(result(Outcome.CONVERGED, 0).allConverged()).isTrue();
        assertThat(result(Outcome.SKIPPED, 0).allConverged()).isFalse();
    }

    private static FleetResult result(Object... outcomeAndStatus) {
        List<DatabaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < outcomeAndStatus.length; i += 2) {
            out.add(new DatabaseOutcome(Path.of("d" + i), (Outcome) outcomeAndStatus[i], 0,
                    (Integer) outcomeAndStatus[i + 1], null, null, 0));
        }
        return new FleetResult(out, 0);
    }

    @Test
    void failFastStartsNoDatabaseAfterTheFirstFailure() throws Exception {
        Path corrupt = db("a-corrupt.db");
        Files.writeString(corrupt, "not a database ".repeat(100));
        List<Path> fleet = new ArrayList<>(List.of(corrupt));
        for (int i = 0; i < 5; i++) {
            fleet.add(prefix("b" + i + ".db", 0));
        }
        FleetResult r = fleet().parallel(1).failFast(true).migrate(fleet);
        assertThat(r.outcomes().get(0).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.outcomes().subList(1, 6)).extracting(DatabaseOutcome::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(r.exitStatus()).isEqualTo(1);
    }

    @Test
    void theListenerHearsEveryDatabaseOnceAndOneAtATime() throws Exception {
        List<Path> fleet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fleet.add(prefix("l" + i + ".db", i % 3));
        }
        List<Path> heard = Collections.synchronizedList(new ArrayList<>());
        int[] started = {0};
        int[] inside = {0};
        boolean[] overlapped = {false};
        fleet().parallel(4).listener(new FleetListener() {
            @Override
            public void started(int databases) {
                started[0] = databases;
            }

            @Override
            public void finished(DatabaseOutcome outcome) {
                if (++inside[0] > 1) {
                    overlapped[0] = true;
                }
                heard.add(outcome.path());
                inside[0]--;
            }
        }).migrate(fleet);
        assertThat(started[0]).isEqualTo(20);
        assertThat(heard).containsExactlyInAnyOrderElementsOf(fleet);
        assertThat(overlapped[0]).isFalse();
    }

    @Test
    void aSurveyGroupsTheDatabasesByWhereTheyStand() throws Exception {
        List<Path> fleet = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fleet.add(prefix("s" + i + ".db", i % 4));
        }
        fleet.add(raw("conflict.db", "CREATE TABLE users (id TEXT, something_else BLOB)"));
        Survey s = fleet().survey(fleet, false);
        assertThat(s.groups()).containsExactly(
                Map.entry("nothing in place, 3 steps to run", 2),
                Map.entry("at 1, 2 steps to run", 2),
                Map.entry("at 2, 1 step to run", 2),
                Map.entry("up to date", 2),
                Map.entry("refused: CONFLICT", 1));
        assertThat(s.exitStatus()).isEqualTo(1);
        assertThat(historyRows(fleet.get(1))).isEqualTo(1); // a survey changes nothing
    }

    @Test
    void aSetThatDoesNotReplayIsRefusedBeforeAnyDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fleet.prepare(MigrationSource.memory(Map.of(
                        "001_a.sql", "CREATE TABLE a (id);", "002_b.sql", "ALTER TABLE nowhere ADD COLUMN x;")), b -> { }))
                .hasMessageContaining("002_b.sql");
    }
}
