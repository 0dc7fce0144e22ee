package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scenario create overwrote an existing --out file (even a folder); --catalogue, capture --out and capture --migrations
 * that are not folders ended as internal errors (exit 4); capturing over an existing entry replaced it silently.
 */
class ScenarioCommandInputTest {
    @TempDir
    Path dir;

    @Test
    void createRefusesToOverwriteAnExistingDatabase() throws Exception {
        Path precious = dir.resolve("precious.db");
        assertThat(Cli.run("migrate", "--db", precious.toString(), "--migrations", Starpunk.MIGRATIONS.toString())
                .status()).isZero();
        byte[] before = Files.readAllBytes(precious);

        Cli r = Cli.run("scenario", "create", "drift-missing-index", "--out", precious.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: --out " + precious + " already exists");
        assertThat(Files.readAllBytes(precious)).isEqualTo(before);
        assertThat(dir.resolve("precious.migrations")).doesNotExist();
    }

    @Test
    void createRefusesWhenTheMigrationFolderBesideItExists() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("app.migrations"));
        Files.writeString(folder.resolve("001_mine.sql"), "CREATE TABLE mine (x);");

        Cli r = Cli.run("scenario", "create", "drift-missing-index", "--out", dir.resolve("app.db").toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(folder + " already exists");
        assertThat(folder.resolve("001_mine.sql")).exists();
        assertThat(dir.resolve("app.db")).doesNotExist();
    }

    @Test
    void aCatalogueThatIsNotAFolderExits2NamingIt() throws Exception {
        Path missing = dir.resolve("no-such-catalogue");
        Path file = Files.writeString(dir.resolve("catalogue.txt"), "x");

        Cli list = Cli.run("scenario", "list", "--catalogue", missing.toString());
        Cli reproduce = Cli.run("reproduce", "incident-partial-002", "--catalogue", file.toString());

        assertThat(list.status()).as(list.toString()).isEqualTo(2);
        assertThat(list.err()).startsWith("converge: error: --catalogue " + missing + ": no such folder")
                .doesNotContain("internal error");
        assertThat(reproduce.status()).as(reproduce.toString()).isEqualTo(2);
        assertThat(reproduce.err()).contains("--catalogue " + file + " is a file, not a folder");
    }

    private Path database() {
        Path db = dir.resolve("copy-of-prod.db");
        assertThat(Cli.run("migrate", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString()).status())
                .isZero();
        return db;
    }

    @Test
    void captureIntoAFileOrWithAMissingMigrationFolderExits2AndWritesNothing() throws Exception {
        Path db = database();
        Path file = Files.writeString(dir.resolve("catalogue.txt"), "x");
        Path catalogue = dir.resolve("catalogue");
        Path missing = dir.resolve("no-such-migrations");

        Cli intoFile = Cli.run("scenario", "capture", "--db", db.toString(), "--name", "one", "--out", file.toString());
        Cli noMigrations = Cli.run("scenario", "capture", "--db", db.toString(), "--name", "two", "--out",
                catalogue.toString(), "--migrations", missing.toString());

        assertThat(intoFile.status()).as(intoFile.toString()).isEqualTo(2);
        assertThat(intoFile.err()).contains("--out " + file + " is a file, not a folder");
        assertThat(noMigrations.status()).as(noMigrations.toString()).isEqualTo(2);
        assertThat(noMigrations.err()).contains("--migrations " + missing + ": no such folder");
        assertThat(catalogue).doesNotExist();
    }

    @Test
    void captureRefusesToReplaceAnExistingEntry() throws Exception {
        Path db = database();
        Path catalogue = dir.resolve("catalogue");
        String[] capture = {"scenario", "capture", "--db", db.toString(), "--name", "my-incident", "--out",
                catalogue.toString()};
        assertThat(Cli.run(capture).status()).isZero();
        Path properties = catalogue.resolve("my-incident").resolve("scenario.properties");
        Files.writeString(properties, Files.readString(properties).replace("say here what went wrong", "edited"));

        Cli again = Cli.run(capture);

        assertThat(again.status()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains(catalogue.resolve("my-incident") + " already exists");
        assertThat(Files.readString(properties)).contains("edited");
    }
}
