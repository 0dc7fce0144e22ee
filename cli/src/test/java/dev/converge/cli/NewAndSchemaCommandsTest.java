package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** converge new and converge schema. */
class NewAndSchemaCommandsTest {
    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_t.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "CREATE VIEW b_names AS SELECT name FROM t;\nINSERT INTO t (name) VALUES ('seed');");
        Files.writeString(m.resolve("002_u.sql"), "ALTER TABLE t ADD COLUMN note TEXT;\n"
                + "CREATE VIEW a_notes AS SELECT name FROM b_names;\nCREATE INDEX t_note ON t (note);");
        return m;
    }

    @Test
    void newPrintsTheCreatedFileNumberedAfterTheLast() throws Exception {
        Path m = migrations();
        Cli r = Cli.run("new", "add users", "--migrations", m.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().strip()).endsWith("003_add_users.sql");
        assertThat(m.resolve("003_add_users.sql")).exists();
    }

    @Test
    void theSchemaScriptIsABaselineThatLintAgreesWith() throws Exception {
        Path m = migrations();
        Path out = dir.resolve("schema.sql");
        Cli schema = Cli.run("schema", "--migrations", m.toString(), "--out", out.toString());
        assertThat(schema.status()).as(schema.toString()).isZero();
        String script = Files.readString(out);
        assertThat(script).contains("note TEXT").contains("CREATE INDEX t_note").doesNotContain("INSERT");
        assertThat(script).contains("CREATE VIEW a_notes").contains("CREATE VIEW b_names");

        Cli lint = Cli.run("lint", "--migrations", m.toString(), "--baseline", out.toString());
        assertThat(lint.status()).as(lint.toString()).isZero();
        assertThat(lint.out()).contains("0 errors, 0 warnings");

        Cli printed = Cli.run("schema", "--migrations", m.toString());
        assertThat(printed.out()).isEqualTo(script);

        Path db = dir.resolve("fresh.db");
        Cli migrate = Cli.run("migrate", "--migrations", m.toString(), "--baseline", out.toString(), "--db", db.toString());
        assertThat(migrate.status()).as(migrate.toString()).isZero();
    }
}
