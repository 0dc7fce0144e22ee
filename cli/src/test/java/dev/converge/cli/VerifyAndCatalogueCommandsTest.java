package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** converge verify, scenario, reproduce and rehearse. */
class VerifyAndCatalogueCommandsTest {
    @TempDir
    Path dir;

    private Path migrations(String second) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_t.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                + "CREATE INDEX t_name ON t(name);");
        Files.writeString(m.resolve("002_u.sql"), second);
        return m;
    }

    @Test
    void verifyExitsZeroAndPrintsEveryStateWhenEverythingConverges() throws Exception {
        Path m = migrations("ALTER TABLE t ADD COLUMN note TEXT;\nCREATE TABLE u (x TEXT);");
        Path baseline = dir.resolve("schema.sql");
        Files.writeString(baseline, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', note TEXT);\n"
                + "CREATE INDEX t_name ON t(name);\nCREATE TABLE u (x TEXT);");
        Path report = dir.resolve("report.md");
        Cli r = Cli.run("verify", "--migrations", m.toString(), "--baseline", baseline.toString(), "--report", report.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("empty").contains("baseline-only(schema)").contains("history-lost(2)")
                .contains("half-applied(2, 1)").contains("CONVERGED").doesNotContain("FAILED");
        assertThat(Files.readString(report)).startsWith("# Converge verification").contains("| `empty` | CONVERGED");
    }

    @Test
    void verifyExitsOneWhenTheBaselineDiffersFromTheMigrations() throws Exception {
        Path m = migrations("CREATE TABLE u (x TEXT);");
        Path baseline = dir.resolve("schema.sql");
        Files.writeString(baseline, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                + "CREATE TABLE u (x TEXT);"); // the index of 001 is missing: the incident's kind of mistake
        Cli r = Cli.run("verify", "--migrations", m.toString(), "--baseline", baseline.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("t_name");
    }

    @Test
    void verifyExitsTwoWhenTheSetDoesNotReplay() throws Exception {
        Path m = migrations("ALTER TABLE nowhere ADD COLUMN x TEXT;");
        Cli r = Cli.run("verify", "--migrations", m.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("002_u.sql").contains("nowhere").doesNotContain("\tat ");
    }

    @Test
    void theCatalogueListAndAReproductionReportAsJson() {
        Cli list = Cli.run("scenario", "list", "--json");
        Cli repro = Cli.run("reproduce", "incident-partial-002", "--json");

        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out().strip()).startsWith("{").endsWith("}")
                .contains("\"command\": \"scenario list\"", "\"name\": \"incident-partial-002\"");
        assertThat(repro.status()).as(repro.toString()).isZero();
        assertThat(repro.out().strip()).startsWith("{").endsWith("}")
                .contains("\"command\": \"reproduce\"", "\"asExpected\": true", "PARTIAL");
    }

    @Test
    void theCatalogueCanBeListedReproducedAndWrittenToAFile() {
        Cli list = Cli.run("scenario", "list");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("incident-partial-002").contains("conflict-unknown-column");
        Cli repro = Cli.run("reproduce", "incident-partial-002");
        assertThat(repro.status()).as(repro.toString()).isZero();
        assertThat(repro.out()).contains("002").contains("PARTIAL").contains("as expected");
        Cli refused = Cli.run("reproduce", "conflict-unknown-column");
        assertThat(refused.status()).as(refused.toString()).isZero(); // refusing is that scenario's expected outcome
        assertThat(refused.out()).contains("CONFLICT");
        Path db = dir.resolve("incident.db");
        Cli create = Cli.run("scenario", "create", "incident-partial-002", "--out", db.toString());
        assertThat(create.status()).isZero();
        assertThat(db).exists();
        Cli unknown = Cli.run("reproduce", "no-such-scenario");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no scenario is named no-such-scenario");
    }

    @Test
    void rehearseMigratesACopyAndLeavesTheOriginalBytesAlone() throws Exception {
        Path db = dir.resolve("live.db");
        Cli.run("scenario", "create", "incident-partial-002", "--out", db.toString());
        byte[] before = Files.readAllBytes(db);
        Cli r = Cli.run("rehearse", "--db", db.toString(), "--migrations", dir.resolve("live.migrations").toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("converged");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
