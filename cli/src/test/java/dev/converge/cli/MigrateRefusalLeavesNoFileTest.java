package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** migrate on a missing database left an empty file behind when it refused the migrations, baseline or backup. */
class MigrateRefusalLeavesNoFileTest {
    @TempDir
    Path dir;

    private Path migrations(String second) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_a.sql"), "CREATE TABLE a (x);\n");
        Files.writeString(m.resolve("002_b.sql"), second);
        return m;
    }

    private Cli migrate(Path db, Path migrations, String... more) {
        String[] head = {"migrate", "--db", db.toString(), "--migrations", migrations.toString()};
        String[] all = new String[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return Cli.run(all);
    }

    @Test
    void aSetThatDoesNotReplayLeavesNoFile() throws Exception {
        Path db = dir.resolve("new.db");

        Cli r = migrate(db, migrations("CREATE TABLE b (x);\nCREATE TABL c (y);\n"));

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("002_b.sql:2", "does not replay");
        assertThat(db).doesNotExist();
    }

    @Test
    void aMigrationWritingTheHistoryTableLeavesNoFile() throws Exception {
        Path db = dir.resolve("new.db");

        Cli r = migrate(db, migrations("CREATE TABLE b (x);\nINSERT INTO schema_migrations VALUES (9);\n"));

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("002_b.sql:2", "touches the history table schema_migrations");
        assertThat(db).doesNotExist();
    }

    @Test
    void transactionControlInAMigrationLeavesNoFile() throws Exception {
        Path db = dir.resolve("new.db");

        Cli r = migrate(db, migrations("CREATE TABLE b (x);\nBEGIN;\nCREATE TABLE c (y);\n"));

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("002_b.sql:2", "`BEGIN`");
        assertThat(db).doesNotExist();
    }

    @Test
    void aBaselineThatDoesNotRunLeavesNoFile() throws Exception {
        Path db = dir.resolve("new.db");
        Path baseline = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (x);\nCREATE TABLE oops (\n");

        Cli r = migrate(db, migrations("CREATE TABLE b (x);\n"), "--baseline", baseline.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("schema.sql:2");
        assertThat(db).doesNotExist();
    }

    @Test
    void aBackupThatCannotBeWrittenLeavesNoFile() throws Exception {
        Path db = dir.resolve("new.db");
        Path existing = Files.writeString(dir.resolve("old.bak"), "an older backup");
        Path m = migrations("CREATE TABLE b (x);\n");

        Cli exists = migrate(db, m, "--backup", existing.toString());
        Cli noFolder = migrate(db, m, "--backup", dir.resolve("nowhere").resolve("x.bak").toString());

        assertThat(exists.status()).as(exists.toString()).isEqualTo(2);
        assertThat(exists.err()).contains(existing + " already exists");
        assertThat(noFolder.status()).as(noFolder.toString()).isEqualTo(2);
        assertThat(noFolder.err()).contains("does not exist");
        assertThat(db).doesNotExist();
        assertThat(Files.readString(existing)).isEqualTo("an older backup");
    }

    @Test
    void aGoodSetStillCreatesTheDatabase() throws Exception {
        Path db = dir.resolve("new.db");

        Cli r = migrate(db, migrations("CREATE TABLE b (x);\n"));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(db).exists();
    }
}
