package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: verify as a release gate — exit status, full causes, hazards, kept databases, scenario create, help. */
class VerifyGateTest {
    @TempDir
    Path dir;

    private Path set(String... files) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(m.resolve(String.format("%03d_m%d.sql", i + 1, i + 1)), files[i]);
        }
        return m;
    }

    private Path seedSet() throws Exception {
        return set("CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
                "INSERT INTO roles (id, name) VALUES (1, 'administrator of everything, whose name is long enough to be"
                        + " cut off by a table that cuts at a hundred and sixty characters, which verify once did')");
    }

    @Test
    void aSetEveryStateWouldRefuseIsUnusableAndSaysSoBeforeBuildingAState() throws Exception {
        Path m = set("CREATE TABLE t (id INTEGER PRIMARY KEY);", "VACUUM;");
        Cli r = Cli.run("verify", "--migrations", m.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("every state would be refused").contains("002_m2.sql:1").contains("VACUUM");
        assertThat(r.out()).doesNotContain("Verifying");
    }

    @Test
    void anOlderReleaseTheMigrationsCannotUpgradeFailsVerify() throws Exception {
        Path m = set("CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);", "CREATE INDEX a_x ON a (x);");
        Path old = dir.resolve("r1.sql");
        Files.writeString(old, "CREATE TABLE a (id INTEGER PRIMARY KEY, y BLOB);");
        Cli r = Cli.run("verify", "--migrations", m.toString(), "--old", old.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("legacy(r1)").contains("FAILED").contains("a state on the set's own timeline")
                .contains("Fix these objects by hand"); // the refusal's last line: the cause in full
    }

    @Test
    void anUnsafeSeedIsAHazardInFullEverywhereAndFailsOnlyWithStrict() throws Exception {
        Path m = seedSet();
        Path report = dir.resolve("report.md");
        Path keep = dir.resolve("kept");
        Cli r = Cli.run("verify", "--migrations", m.toString(), "--report", report.toString(),
                "--keep-failed", keep.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("HAZARD").contains("UNIQUE constraint failed: roles.id")
                .contains("INSERT OR IGNORE").contains("once did')").contains("data hazard(s)");
        assertThat(Files.readString(report)).contains("HAZARD").contains("UNIQUE constraint failed: roles.id")
                .contains("which verify once did')");
        try (Stream<Path> kept = Files.list(keep)) {
            List<String> names = kept.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.contains("prefix_1"));
        }
        Cli json = Cli.run("verify", "--migrations", m.toString(), "--json");
        assertThat(json.out()).contains("\"onTimeline\": true").contains("\"outcome\": \"HAZARD\"").contains("\"hazard\"").contains("\"constraint\": \"UNIQUE constraint failed: roles.id\"")
                .contains("which verify once did')");
        Cli strict = Cli.run("verify", "--migrations", m.toString(), "--strict");
        assertThat(strict.status()).as(strict.toString()).isEqualTo(1);
    }

    @Test
    void scenarioCreateBuildsAStateOfTheUsersOwnSetByName() throws Exception {
        Path m = seedSet();
        Path db = dir.resolve("lost.db");
        Cli r = Cli.run("scenario", "create", "--migrations", m.toString(), "--state", "history-lost(1)",
                "--out", db.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(db).exists();
        Cli bad = Cli.run("scenario", "create", "--migrations", m.toString(), "--state", "history-lost(9)",
                "--out", dir.resolve("x.db").toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("history-lost(9)").contains("history-lost(2)");
    }

    @Test
    void everySubcommandAnswersHelpAndHelpCommandWorks() {
        for (String[] args : new String[][]{{"verify", "--help"}, {"rehearse", "--help"}, {"reproduce", "--help"},
                {"scenario", "--help"}, {"scenario", "create", "--help"}, {"scenario", "list", "--help"},
                {"scenario", "capture", "--help"}, {"migrate", "--help"}, {"help", "verify"}, {"help", "scenario"}}) {
            Cli r = Cli.run(args);
            assertThat(r.status()).as(String.join(" ", args) + ": " + r).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }
}
