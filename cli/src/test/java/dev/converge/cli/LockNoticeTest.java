package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** migrate says, before it waits, that another process holds the lock and for how long it will wait. */
class LockNoticeTest {
    @TempDir
    Path dir;

    @Test
    void aLockHeldByAnotherConnectionIsSaidBeforeTheWait() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
        Path db = dir.resolve("app.db");
        assertThat(Cli.run("migrate", "--db", db.toString(), "--migrations", migrations.toString()).status()).isZero();
        Files.writeString(migrations.resolve("002_tags.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);");

        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("CREATE TABLE scratch (x)");

            Cli r = Cli.run("migrate", "--db", db.toString(), "--migrations", migrations.toString(),
                    "--lock-timeout", "1s");

            assertThat(r.err()).as(r.toString())
                    .contains("converge: waiting for the lock held by another process, up to 1 s (--lock-timeout)");
            assertThat(r.status()).isEqualTo(1);
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aFreeDatabaseSaysNothing() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
        Path db = dir.resolve("app.db");
        Cli.run("migrate", "--db", db.toString(), "--migrations", migrations.toString());

        Cli r = Cli.run("migrate", "--db", db.toString(), "--migrations", migrations.toString());

        assertThat(r.status()).isZero();
        assertThat(r.err()).doesNotContain("waiting for the lock");
    }
}
