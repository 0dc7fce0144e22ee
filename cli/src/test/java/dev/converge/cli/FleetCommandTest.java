package dev.converge.cli;

import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate}, {@code status} and {@code plan} over a fleet: which databases, what is printed, the exit status. */
class FleetCommandTest {
    private static final StateBuilder STATES = StateBuilder.forFolder(Starpunk.MIGRATIONS);

    @TempDir
    Path dir;
    Path tenants;

    @BeforeEach
    void fleet() throws Exception {
        tenants = Files.createDirectories(dir.resolve("tenants"));
        for (int i = 0; i < 6; i++) {
            STATES.prefix(tenants.resolve("t" + i + ".db"), i % 3, HistoryLayout.CONVERGE);
        }
    }

    private static String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--migrations", Starpunk.MIGRATIONS.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static String field(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"((?:[^\"\\\\]++|\\\\.)*+)\"|[^,}]+)").matcher(line);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    @Test
    void aPatternMigratesEveryMatchingFileAndJsonSaysEachOnOneLine() throws Exception {
        Files.writeString(tenants.resolve("notes.txt"), "not a database, and not matched");
        Cli r = Cli.run(args("migrate", "--db", tenants + "/*.db", "--json", "--parallel", "2"));

        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(7);
        List<String> paths = new ArrayList<>();
        for (String line : lines.subList(0, 6)) {
            paths.add(field(line, "path"));
            assertThat(field(line, "outcome")).isEqualTo("CONVERGED");
            assertThat(field(line, "exitStatus")).isEqualTo("0");
            assertThat(field(line, "error")).isEqualTo("null");
            String name = Path.of(field(line, "path")).getFileName().toString();
            int k = name.charAt(1) - '0';
            assertThat(field(line, "steps")).as(line).isEqualTo(String.valueOf(6 - (k % 3) - 1));
        }
        assertThat(paths).containsExactlyInAnyOrder(tenants + "/t0.db", tenants + "/t1.db", tenants + "/t2.db",
                tenants + "/t3.db", tenants + "/t4.db", tenants + "/t5.db");
        assertThat(lines.get(6)).contains("\"summary\": {\"databases\": 6,\"CONVERGED\": 6,\"UP_TO_DATE\": 0")
                .contains("\"exitStatus\": 0");
        for (int i = 0; i < 6; i++) {
            assertThat(Starpunk.history(tenants.resolve("t" + i + ".db"))).hasSize(6);
        }

        Cli again = Cli.run(args("migrate", "--db", tenants + "/*.db"));
        assertThat(again.status()).isZero();
        assertThat(again.out()).containsPattern("up to date +6").containsPattern("converged +0")
                .containsPattern("total +6  in ");
    }

    @Test
    void severalDbAndListsMakeOneFleetAndTheWorstDatabaseSetsTheExitStatus() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.db"), "garbage ".repeat(200));
        Path list = Files.writeString(dir.resolve("fleet.txt"), "# two tenants\n" + tenants.resolve("t1.db") + "\n"
                + tenants.resolve("t2.db") + "\n" + corrupt + "\n");
        Cli r = Cli.run(args("migrate", "--db", tenants.resolve("t0.db").toString(), "--db",
                tenants.resolve("t1.db").toString(), "--db-list", list.toString()));

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("refused: " + corrupt + ": ").containsPattern("converged +3")
                .containsPattern("refused +1").containsPattern("total +4");
        assertThat(Starpunk.history(tenants.resolve("t3.db"))).hasSize(1); // prefix(0), not in the fleet: untouched
    }

    @Test
    void statusOverAFleetCountsTheDatabasesAtEachPointOfTheTimeline() throws Exception {
        Files.writeString(tenants.resolve("zz-corrupt.db"), "garbage ".repeat(200));
        Cli r = Cli.run(args("status", "--db", tenants + "/*.db"));

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("at 0, 5 steps to run +2")
                .containsPattern("at 1, 4 steps to run +2")
                .containsPattern("at 2, 3 steps to run +2")
                .containsPattern("refused: NOT_A_DATABASE +1")
                .contains("refused: NOT_A_DATABASE: " + tenants.resolve("zz-corrupt.db"))
                .containsPattern("total +7");
        Cli json = Cli.run(args("plan", "--db", tenants + "/t*.db", "--json"));
        assertThat(json.status()).as(json.toString()).isZero();
        String last = json.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("\"command\": \"plan\"", "\"databases\": 6", "\"at 1, 4 steps to run\": 2");
        assertThat(Starpunk.history(tenants.resolve("t1.db"))).hasSize(2); // status and plan change nothing
    }

    @Test
    void progressIsShownOnATerminalOnly() {
        Cli quiet = Cli.run(false, args("migrate", "--db", tenants + "/*.db"));
        Cli tty = Cli.run(true, args("migrate", "--db", tenants + "/*.db", "--shard", "0/1"));
        assertThat(quiet.err()).isEmpty();
        assertThat(tty.err()).contains("6/6 done, 0 failed, 0 pending, ").contains("databases/s");
    }

    @Test
    void aShardTakesItsShareOnlyAndTheSharesCoverTheFleet() throws Exception {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            Cli r = Cli.run(args("migrate", "--db", tenants + "/*.db", "--shard", i + "/3", "--json"));
            assertThat(r.status()).as(r.toString()).isZero();
            total += (int) r.out().lines().count() - 1;
        }
        assertThat(total).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(Starpunk.history(tenants.resolve("t" + i + ".db"))).hasSize(6);
        }
        Cli bad = Cli.run(args("migrate", "--db", tenants + "/*.db", "--shard", "3"));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("JOB_COMPLETION_INDEX");
    }

    @Test
    void whatOnlyOneDatabaseCanDoIsRefusedForAFleet() throws Exception {
        Cli backup = Cli.run(args("migrate", "--db", tenants + "/*.db", "--backup", dir.resolve("b.db").toString()));
        Cli mark = Cli.run(args("mark", "--db", tenants.resolve("t0.db").toString(), "--db",
                tenants.resolve("t1.db").toString(), "1"));
        Cli none = Cli.run(args("migrate", "--db", dir + "/nothing/*.db"));
        Path emptyList = Files.writeString(dir.resolve("empty.txt"), "# nobody yet\n");
        Cli empty = Cli.run(args("migrate", "--db-list", emptyList.toString()));
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).contains("the fleet is empty: [" + emptyList + "]");
        assertThat(backup.status()).isEqualTo(2);
        assertThat(backup.err()).contains("--backup copies one database");
        assertThat(mark.status()).isEqualTo(2);
        assertThat(mark.err()).contains("this command takes one --db, not 2");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no database file matches " + dir + "/nothing/*.db");
    }
}
