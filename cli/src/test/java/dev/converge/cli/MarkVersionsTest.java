package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** mark 4 42, with no migration 42, recorded 4 and then stopped part-way (exit 3) instead of refusing the typo. */
class MarkVersionsTest {
    @TempDir
    Path dir;

    @Test
    void aVersionThatIsNotInTheSetIsRefusedBeforeAnyIsMarked() throws Exception {
        Path db = dir.resolve("m.db");
        String m = Starpunk.MIGRATIONS.toString();
        assertThat(Cli.run("migrate", "--db", db.toString(), "--migrations", m).status()).isZero();
        assertThat(Cli.run("unmark", "4", "--db", db.toString(), "--migrations", m).status()).isZero();
        byte[] before = Files.readAllBytes(db);

        Cli r = Cli.run("mark", "4", "42", "--db", db.toString(), "--migrations", m);

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("converge: error: no migration 42 in " + m)
                .contains("versions 0 to 5", "Nothing was changed");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
