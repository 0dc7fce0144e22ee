package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** lint printed the file and line twice for SQL that does not split or replay: "ERROR f.sql:2: f.sql:2: …". */
class LintLocationTest {
    @TempDir
    Path dir;

    @Test
    void eachFindingNamesItsFileAndLineOnce() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_a.sql"), "CREATE TABLE a (x);\nINSERT INTO a VALUES ('oops);\n");
        Path baseline = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (x);\nCREATE TABLE oops (\n");
        Path m2 = Files.createDirectories(dir.resolve("migrations2"));
        Files.writeString(m2.resolve("001_a.sql"), "CREATE TABLE a (x);\nCREATE TABL b (y);\n");

        Cli split = Cli.run("lint", "--migrations", m.toString());
        Cli replay = Cli.run("lint", "--migrations", m2.toString(), "--baseline", baseline.toString());

        assertThat(split.status()).as(split.toString()).isEqualTo(1);
        assertThat(split.out()).contains("ERROR " + m.resolve("001_a.sql") + ":2: unterminated string");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(1);
        assertThat(replay.out()).contains("ERROR " + m2.resolve("001_a.sql") + ":2: migration 1 does not replay")
                .doesNotContain("001_a.sql:2: 001_a.sql:2");
    }
}
