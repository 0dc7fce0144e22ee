package dev.converge.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions people bring from other tools: environment variables, a configuration file, a default migrations
 * folder, URL forms of --db (accepted, or refused by name — never a stray file), status --exit-code, shell completion.
 */
class ConventionsTest {
    @TempDir
    Path work;

    private Path migrations;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void migrationsFolder() throws Exception {
        migrations = Files.createDirectories(work.resolve("db").resolve("migrations"));
        Files.writeString(migrations.resolve("001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
    }

    private Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, false, env, work);
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean hasNotes(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM sqlite_schema WHERE name = 'notes'")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    @Test
    void theEnvironmentNamesTheDatabaseAndTheMigrations() throws Exception {
        Path db = work.resolve("env.db");
        env.put("CONVERGE_DB", db.toString());
        env.put("CONVERGE_MIGRATIONS", migrations.toString());

        Cli r = run("migrate");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(hasNotes(db)).isTrue();
    }

    @Test
    void aConfigurationFileInTheWorkingFolderIsReadAndTheCommandLineWins() throws Exception {
        Path fromFile = work.resolve("file.db");
        Files.writeString(work.resolve("converge.properties"), "db=" + fromFile + "\nmigrations=" + migrations + "\n");
        Path fromCommandLine = work.resolve("cli.db");

        assertThat(run("migrate").status()).isZero();
        assertThat(hasNotes(fromFile)).isTrue();

        assertThat(run("migrate", "--db", fromCommandLine.toString()).status()).isZero();
        assertThat(hasNotes(fromCommandLine)).isTrue();
    }

    @Test
    void theEnvironmentWinsOverTheFileAndConfigNamesAnotherFile() throws Exception {
        Path named = work.resolve("named.properties");
        Files.writeString(named, "db=" + work.resolve("named.db") + "\n");
        Path fromEnv = work.resolve("env.db");
        env.put("CONVERGE_DB", fromEnv.toString());

        assertThat(run("migrate", "--config", named.toString()).status()).isZero();

        assertThat(hasNotes(fromEnv)).isTrue();
        assertThat(work.resolve("named.db")).doesNotExist();
        env.clear();
        assertThat(run("migrate", "--config=" + named).status()).isZero();
        assertThat(hasNotes(work.resolve("named.db"))).isTrue();
    }

    @Test
    void aMissingConfigurationFileIsAClearError() {
        Cli r = run("migrate", "--config", work.resolve("nope.properties").toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read the configuration file").contains("nope.properties");
    }

    @Test
    void databaseUrlInItsSqliteFormIsTheDatabaseAndOtherDatabasesUrlsAreIgnored() throws Exception {
        Path db = work.resolve("url.db");
        env.put("DATABASE_URL", "sqlite://" + db); // sqlite:///abs/path

        assertThat(run("migrate").status()).isZero();
        assertThat(hasNotes(db)).isTrue();

        env.put("DATABASE_URL", "postgres://user@host/app");
        Cli r = run("migrate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--db");
    }

    @Test
    void urlFormsOfDbAreAcceptedOrRefusedByNameNeverAStrayFile() throws Exception {
        Path a = work.resolve("a.db");
        Path b = work.resolve("b.db");

        assertThat(run("migrate", "--db", "sqlite:" + a).status()).isZero();
        assertThat(run("migrate", "--db", "jdbc:sqlite:" + b).status()).isZero();
        assertThat(hasNotes(a)).isTrue();
        assertThat(hasNotes(b)).isTrue();

        Cli refused = run("migrate", "--db", "postgres://host/app");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("'postgres://host/app' is not a SQLite database");
        Cli memory = run("migrate", "--db", "sqlite::memory:");
        assertThat(memory.status()).isEqualTo(2);
        assertThat(memory.err()).contains("names no database file");
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> !n.contains(":"));
        }
        try (var files = Files.list(Path.of(""))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("sqlite:")
                    || n.startsWith("postgres:"));
        }
    }

    @Test
    void theMigrationsFolderDefaultsToDbMigrationsInTheWorkingFolder() throws Exception {
        Path db = work.resolve("default.db");

        assertThat(run("migrate", "--db", db.toString()).status()).isZero();

        assertThat(hasNotes(db)).isTrue();
    }

    @Test
    void statusExitCodeSaysWhetherAnythingNeedsDoing() throws Exception {
        Path db = work.resolve("gate.db");
        assertThat(run("migrate", "--db", db.toString()).status()).isZero();
        assertThat(run("status", "--db", db.toString(), "--exit-code").status()).isZero();

        Files.writeString(migrations.resolve("002_tags.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);");
        assertThat(run("status", "--db", db.toString()).status()).isZero();
        Cli gate = run("status", "--db", db.toString(), "--exit-code");
        assertThat(gate.status()).as(gate.toString()).isEqualTo(1);
        assertThat(gate.out()).contains("002_tags.sql");
    }

    @Test
    void aShellCompletionScriptCoversEveryCommand() {
        Cli r = run("generate-completion");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("complete -F").contains("migrate").contains("status").contains("--db");
    }
}
