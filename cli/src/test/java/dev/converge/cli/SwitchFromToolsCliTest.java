package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** --layout and --placeholder: another tool's folder from the command line. */
class SwitchFromToolsCliTest {
    @TempDir
    Path dir;

    private Path flywayFolder() throws Exception {
        Path m = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(m.resolve("V1__create_users.sql"), "CREATE TABLE ${prefix}users (id INTEGER PRIMARY KEY);\n");
        Files.writeString(m.resolve("V1.1__create_posts.sql"), "CREATE TABLE ${prefix}posts (id INTEGER PRIMARY KEY,"
                + " note TEXT DEFAULT '${flyway:filename}');\n");
        return m;
    }

    @Test
    void flywayPlaceholdersTakeTheirValuesFromTheCommandLine() throws Exception {
        Path m = flywayFolder();
        Path db = dir.resolve("app.db");
        Cli r = Cli.run("migrate", "--migrations", m.toString(), "--layout", "flyway", "--db", db.toString(),
                "--placeholder", "prefix=cli_");
        assertThat(r.status()).as(r.toString()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'cli_posts'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("'V1.1__create_posts.sql'");
        }
        Cli status = Cli.run("status", "--migrations", m.toString(), "--db", db.toString(), "--placeholder", "prefix=cli_");
        assertThat(status.status()).as(status.toString()).isZero();
        assertThat(status.out()).contains("1.1").contains("V1.1__create_posts.sql");
    }

    @Test
    void aMissingPlaceholderIsExitTwoNamingTheOption() throws Exception {
        Cli r = Cli.run("plan", "--migrations", flywayFolder().toString(), "--db", dir.resolve("none.db").toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
    }

    @Test
    void planNamesTheAdoptionOfFlywaysHistoryAndChangesNothing() throws Exception {
        Path m = flywayFolder();
        Path db = dir.resolve("kept.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE x_users (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                    + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                    + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%d %H:%M:%f','now')), execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
            s.execute("INSERT INTO flyway_schema_history VALUES (1, '1', 'create users', 'SQL', 'V1__create_users.sql',"
                    + " NULL, '', '2024-01-05 12:00:00.000', 4, 1)");
        }
        Cli plan = Cli.run("plan", "--migrations", m.toString(), "--db", db.toString(), "--placeholder", "prefix=x_");
        assertThat(plan.status()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("adopts Flyway's history table flyway_schema_history (1 applied migration)");
        assertThat(plan.out()).contains("each row recorded as adopted from flyway_schema_history (Flyway)")
                .contains("recorded adopted from flyway_schema_history (Flyway) at 2024-01-05 12:00:00.000");
        Cli json = Cli.run("plan", "--json", "--migrations", m.toString(), "--db", db.toString(), "--placeholder",
                "prefix=x_");
        assertThat(json.out()).contains("\"1.1\"").contains("adopts Flyway's history table");
        Cli migrate = Cli.run("migrate", "--migrations", m.toString(), "--db", db.toString(), "--placeholder", "prefix=x_");
        assertThat(migrate.status()).as(migrate.toString()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(version || ':' || how, ' ') FROM schema_migrations")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1:adopted 1.1:executed");
        }
        Cli status = Cli.run("status", "--migrations", m.toString(), "--db", db.toString(), "--placeholder", "prefix=x_");
        assertThat(status.status()).as(status.toString()).isZero();
        assertThat(status.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow())
                .contains("V1__create_users.sql").contains("recorded adopted from flyway_schema_history (Flyway)");
        assertThat(status.out().lines().filter(l -> l.startsWith("1.1 ")).findFirst().orElseThrow())
                .contains("recorded executed").doesNotContain("adopted from");
    }

    /** verify reads another tool's folder as migrate does (VerifyOtherLayoutsTest); a missing value is named. */
    @Test
    void verifyOnAFlywayFolderNamesAMissingPlaceholderAndPassesWithItsValueAndDottedVersions() throws Exception {
        Cli noValue = Cli.run("verify", "--migrations", flywayFolder().toString());
        Cli dotted = Cli.run("verify", "--migrations", flywayFolder().toString(), "--placeholder", "prefix=x_");

        assertThat(noValue.status()).as(noValue.toString()).isEqualTo(2);
        assertThat(noValue.err()).contains("no value for the Flyway placeholder ${prefix}", "--placeholder prefix=VALUE");
        assertThat(dotted.status()).as(dotted.toString()).isZero();
        assertThat(dotted.out()).contains("Every guarantee holds");
    }

    @Test
    void anUnknownLayoutIsExitTwoListingTheKnownOnes() throws Exception {
        Cli r = Cli.run("plan", "--migrations", flywayFolder().toString(), "--layout", "rails", "--db",
                dir.resolve("none.db").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("rails").contains("golang-migrate");
    }
}
