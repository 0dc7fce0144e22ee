package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With --json, a bad command line was reported on stderr only: a script reading stdout got nothing to parse. */
class JsonErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aBadCommandLineIsAlsoAJsonDocumentWhenJsonWasAskedFor() {
        Cli missing = Cli.run("plan", "--db", dir.resolve("x.db").toString(), "--json");
        Cli unknown = Cli.run("status", "--json", "--no-such-option", "--db", "x.db", "--migrations", "m");
        Cli badValue = Cli.run("migrate", "--json", "--lock-timeout", "soon", "--db", "x.db", "--migrations", "m");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.out()).startsWith("{").contains("\"format\": 1", "\"command\": \"plan\"",
                "\"code\": \"BAD_INPUT\"", "\"exitStatus\": 2", "Missing required option: '--migrations=DIR'");
        assertThat(missing.err()).startsWith("converge: error: Missing required option");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.out()).contains("\"command\": \"status\"", "Unknown option: '--no-such-option'");
        assertThat(badValue.status()).isEqualTo(2);
        assertThat(badValue.out()).contains("\"command\": \"migrate\"", "'soon' is not a duration");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void withoutJsonABadCommandLineWritesNothingOnStdout() {
        Cli r = Cli.run("plan", "--db", dir.resolve("x.db").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }
}
