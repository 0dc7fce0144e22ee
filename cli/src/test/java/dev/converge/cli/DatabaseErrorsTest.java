package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors about the database file itself did not say which file: "the file is not a SQLite database", "the database is
 * locked"; a --db that is a folder or a URI was reported as SQLite's "unable to open" or taken as a file name.
 */
class DatabaseErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotADatabaseIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "just some text\n".repeat(20));
        byte[] before = Files.readAllBytes(text);

        Cli plan = Cli.run("plan", "--db", text.toString(), "--migrations", Starpunk.MIGRATIONS.toString());
        Cli json = Cli.run("migrate", "--db", text.toString(), "--migrations", Starpunk.MIGRATIONS.toString(),
                "--json");

        assertThat(plan.status()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err()).startsWith("converge: error: " + text + ": the file is not a SQLite database");
        assertThat(json.status()).isEqualTo(1);
        assertThat(json.out()).contains("\"code\": \"NOT_A_DATABASE\"", "\"file\": \"" + text + "\"");
        assertThat(Files.readAllBytes(text)).isEqualTo(before);
    }

    @Test
    void aLockedDatabaseIsNamed() throws Exception {
        Path db = dir.resolve("busy.db");
        assertThat(Cli.run("migrate", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString()).status())
                .isZero();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");

            Cli r = Cli.run("unmark", "5", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(),
                    "--lock-timeout", "0s");

            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).startsWith("converge: error: " + db + ": the database is locked by another process");
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aFolderGivenAsTheDatabaseIsSaidToBeAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));

        Cli migrate = Cli.run("migrate", "--db", folder.toString(), "--migrations", Starpunk.MIGRATIONS.toString());
        Cli status = Cli.run("status", "--db", folder.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        for (Cli r : new Cli[]{migrate, status}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("converge: error: --db " + folder + " is a folder, not a database file");
        }
        assertThat(folder).isEmptyDirectory();
    }

    /** A FIFO given as --db was "This is a bug in Converge" (exit 4); it is refused before opening, by name. */
    @Test
    void aNamedPipeGivenAsTheDatabaseIsRefusedAsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("pipe.db");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

        for (String command : new String[]{"migrate", "status"}) {
            Cli r = Cli.run(command, "--db", fifo.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).startsWith("converge: error: " + fifo.toAbsolutePath() + " is not a regular file (it is"
                    + " a named pipe (FIFO))").doesNotContain("bug");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("pipe.db");
    }

    @Test
    void aMissingDatabaseSaysHowToCreateOne() {
        Path db = dir.resolve("absent.db");

        Cli r = Cli.run("status", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: cannot open the database " + db + ": no such file")
                .contains("run migrate to create it").doesNotContain("SQLITE_CANTOPEN");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aUriGivenAsTheDatabaseIsRefusedAndNoFileIsCreated() {
        Cli r = Cli.run("migrate", "--db", "file:" + dir.resolve("app.db") + "?mode=ro", "--migrations",
                Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--db takes the path of a file, not a URI");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void captureNamesTheFileAndVerboseShowsTheStackTraceForScenarioCommandsToo() throws Exception {
        Path text = Files.writeString(dir.resolve("prod-copy.db"), "just some text\n".repeat(20));

        Cli plain = Cli.run("scenario", "capture", "--db", text.toString(), "--name", "x", "--out",
                dir.resolve("catalogue").toString());
        Cli verbose = Cli.run("scenario", "capture", "--db", text.toString(), "--name", "x", "--out",
                dir.resolve("catalogue").toString(), "--verbose");

        assertThat(plain.status()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.err()).startsWith("converge: error: " + text + ": ").contains("not a SQLite database")
                .doesNotContain("\tat ");
        assertThat(verbose.err()).contains("\tat dev.converge.");
        assertThat(dir.resolve("catalogue")).doesNotExist();
    }
}
