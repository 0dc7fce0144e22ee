package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify checked its inputs late: a missing --old file was an internal error (exit 4), a baseline that does not run
 * stopped the run part-way through the states, and a --report it cannot write failed only after every state had run
 * (with --json: two documents on stdout).
 */
class VerifyInputTest {
    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_t.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        return m;
    }

    @Test
    void aMissingOlderReleaseExits2NamingIt() throws Exception {
        Path missing = dir.resolve("v0.9-schema.sql");

        Cli r = Cli.run("verify", "--migrations", migrations().toString(), "--old", missing.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: --old " + missing + ": no such file")
                .doesNotContain("internal error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBaselineOrOlderReleaseThatDoesNotRunExits2BeforeAnyState() throws Exception {
        Path m = migrations();
        Path broken = Files.writeString(dir.resolve("broken.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE oops (\n");

        Cli baseline = Cli.run("verify", "--migrations", m.toString(), "--baseline", broken.toString());
        Cli old = Cli.run("verify", "--migrations", m.toString(), "--old", broken.toString());

        for (Cli r : new Cli[]{baseline, old}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains(broken + ":2").doesNotContain("internal error");
            assertThat(r.out()).isEmpty();
        }
        assertThat(old.err()).contains("--old");
    }

    @Test
    void aReportThatCannotBeWrittenIsRefusedBeforeAnyState() throws Exception {
        Path m = migrations();
        Path report = dir.resolve("no-such-folder").resolve("verify.md");

        Cli text = Cli.run("verify", "--migrations", m.toString(), "--report", report.toString());
        Cli json = Cli.run("verify", "--migrations", m.toString(), "--report", dir.toString(), "--json");

        assertThat(text.status()).as(text.toString()).isEqualTo(2);
        assertThat(text.err()).contains("--report " + report, "does not exist");
        assertThat(text.out()).isEmpty();
        assertThat(json.status()).as(json.toString()).isEqualTo(2);
        assertThat(json.out()).startsWith("{").contains("\"error\"", "is a folder").doesNotContain("\"states\"");
    }
}
