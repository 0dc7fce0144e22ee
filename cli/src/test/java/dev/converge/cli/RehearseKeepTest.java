package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** rehearse --keep deleted an existing file, even the database being rehearsed on ("the original is only read"). */
class RehearseKeepTest {
    @TempDir
    Path dir;

    private Path database() {
        Path db = dir.resolve("prod.db");
        assertThat(Cli.run("migrate", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString()).status())
                .isZero();
        return db;
    }

    @Test
    void keepingTheCopyOverTheOriginalIsRefusedAndTheOriginalStays() throws Exception {
        Path db = database();
        byte[] before = Files.readAllBytes(db);

        Cli r = Cli.run("rehearse", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(), "--keep",
                db.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: --keep " + db + " already exists")
                .contains("never overwrites").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void keepingTheCopyOverAnotherExistingFileIsRefused() throws Exception {
        Path db = database();
        Path other = Files.writeString(dir.resolve("notes.txt"), "keep me");

        Cli r = Cli.run("rehearse", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(), "--keep",
                other.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--keep " + other + " already exists");
        assertThat(Files.readString(other)).isEqualTo("keep me");
    }

    @Test
    void keepingTheCopyInAFolderThatDoesNotExistExits2NamingIt() {
        Path db = database();
        Path keep = dir.resolve("no-such-folder").resolve("copy.db");

        Cli r = Cli.run("rehearse", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(), "--keep",
                keep.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--keep " + keep, "the folder " + keep.getParent() + " does not exist")
                .doesNotContain("internal error");
    }

    @Test
    void rehearsingOnAFileThatIsNotADatabaseExits1NamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "this is not a database\n".repeat(10));

        Cli r = Cli.run("rehearse", "--db", text.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(text.toString(), "not a SQLite database").doesNotContain("internal error");
    }

    @Test
    void aMissingMigrationFolderIsRefusedBeforeAnyCopyIsMade() throws Exception {
        Path db = database();
        Path keep = dir.resolve("copy.db");
        Path missing = dir.resolve("no-such-migrations");

        Cli r = Cli.run("rehearse", "--db", db.toString(), "--migrations", missing.toString(), "--keep",
                keep.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toString());
        assertThat(r.out()).isEmpty();
        assertThat(keep).doesNotExist();
    }

    @Test
    void theRehearsalReportsAsOneJsonDocument() throws Exception {
        Path db = database();

        Cli r = Cli.run("rehearse", "--json", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).as(r.toString()).isZero();
        String out = r.out().strip();
        assertThat(out).startsWith("{").endsWith("}").contains("\"command\": \"rehearse\"", "\"converged\": true",
                "\"verdict\": \"the rehearsal converged\"", "\"report\": [");
    }
}
