package dev.converge.cli;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done": a fleet of several hundred databases, in every state the state builder makes for the example,
 * converges in one command with --parallel; a locked, a corrupt and a refused database are reported as such, with
 * their paths, and do not stop the rest; the JSON lines and the summary agree with what is on disk afterwards.
 */
class FleetOfHundredsTest {
    private static final int DATABASES = 300;

    @TempDir
    Path dir;

    @Test
    void aFleetInAssortedStatesConvergesAndTheLockedCorruptAndRefusedOnesAreReported() throws Exception {
        StateBuilder builder = StateBuilder.forFolder(Starpunk.MIGRATIONS)
                .withBaseline(Baseline.read(Starpunk.BASELINE))
                .withReleases(Baseline.readFolder(Starpunk.DIR.resolve("old")))
                .withLegacyHistoryFrom(1);
        List<State> states = builder.allStates();
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        int upToDate = 0;
        for (int i = 0; i < DATABASES; i++) {
            State s = states.get(i % states.size());
            Path db = builder.build(s, fleet.resolve(String.format("db-%03d.db", i)));
            if (i % 10 == 0) {
                DataFiller.seeded(i).excluding(builder.historyTable()).fill(db);
            }
            if (s.kind() == State.Kind.PREFIX && s.version() == builder.lastVersion()
                    && s.layout() == HistoryLayout.CONVERGE) {
                upToDate++;
            }
        }
        Path locked = builder.prefix(fleet.resolve("locked.db"), 2, HistoryLayout.CONVERGE);
        Path corrupt = Files.writeString(fleet.resolve("corrupt.db"), "PK\u0003\u0004 a zip file, not SQLite".repeat(40));
        Path refused = fleet.resolve("refused.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + refused); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, body BLOB, slug INTEGER)");
        }

        long t0 = System.nanoTime();
        Cli r;
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + locked);
             Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // another connection holds the write lock for the whole run
            r = Cli.run(args("migrate", "--db", fleet + "/*.db", "--parallel", "4", "--json", "--lock-timeout",
                    "300ms"));
            s.execute("ROLLBACK");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(DATABASES + 4);
        Map<String, String> outcome = new HashMap<>();
        Map<String, String> code = new HashMap<>();
        for (String line : lines.subList(0, DATABASES + 3)) {
            String path = FleetCommandTest.field(line, "path");
            assertThat(outcome.put(path, FleetCommandTest.field(line, "outcome"))).as("twice: " + path).isNull();
            code.put(path, FleetCommandTest.field(line, "code"));
        }
        assertThat(outcome.get(locked.toString())).isEqualTo("LOCKED");
        assertThat(outcome.get(corrupt.toString())).isEqualTo("REFUSED");
        assertThat(code.get(corrupt.toString())).isEqualTo("NOT_A_DATABASE");
        assertThat(outcome.get(refused.toString())).isEqualTo("REFUSED");
        assertThat(code.get(refused.toString())).isEqualTo("CONFLICT");
        for (String line : lines.subList(0, DATABASES + 3)) {
            String path = FleetCommandTest.field(line, "path");
            if (!List.of(locked.toString(), corrupt.toString(), refused.toString()).contains(path)) {
                assertThat(outcome.get(path)).as(line).isIn("CONVERGED", "UP_TO_DATE");
            } else {
                assertThat(FleetCommandTest.field(line, "error")).as(line).contains(path);
                assertThat(FleetCommandTest.field(line, "exitStatus")).isEqualTo("1");
            }
        }
        // up to date: at least the fully migrated ones (a legacy history only adopted, or a drift only noted, runs
        // no step either); every one reported converged ran at least one step
        long reportedUpToDate = outcome.values().stream().filter("UP_TO_DATE"::equals).count();
        assertThat(reportedUpToDate).isGreaterThanOrEqualTo(upToDate).isLessThan(DATABASES / 4);
        for (String line : lines.subList(0, DATABASES + 3)) {
            String steps = FleetCommandTest.field(line, "steps");
            assertThat("CONVERGED".equals(FleetCommandTest.field(line, "outcome"))).as(line)
                    .isEqualTo(!"0".equals(steps));
        }
        assertThat(lines.get(DATABASES + 3)).contains("\"databases\": " + (DATABASES + 3),
                "\"CONVERGED\": " + (DATABASES - reportedUpToDate), "\"UP_TO_DATE\": " + reportedUpToDate,
                "\"REFUSED\": 2",
                "\"LOCKED\": 1", "\"STOPPED_PART_WAY\": 0", "\"exitStatus\": 1");

        // what is on disk agrees: status over the same fleet finds every other database up to date
        Cli status = Cli.run(args("status", "--db", fleet + "/*.db"));
        assertThat(status.out()).containsPattern("up to date +" + DATABASES + "\n")
                .containsPattern("at 2, 3 steps to run +1\n")
                .containsPattern("refused: CONFLICT +1").containsPattern("refused: NOT_A_DATABASE +1");
        // and running the command again is the resume: nothing but the locked one has work left
        Cli again = Cli.run(args("migrate", "--db", fleet + "/*.db", "--parallel", "4"));
        assertThat(again.out()).containsPattern("converged +1\n").containsPattern("up to date +" + DATABASES + "\n");
        assertThat(millis).as("the fleet run's wall time").isLessThan(60_000);
        System.out.println("FleetOfHundredsTest: " + (DATABASES + 3) + " databases migrated in " + millis + " ms");
    }

    private static String[] args(String command, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command, "--migrations", Starpunk.MIGRATIONS.toString(),
                "--baseline", Starpunk.BASELINE.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
