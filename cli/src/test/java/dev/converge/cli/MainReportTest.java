package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures that no command line can provoke on purpose are reported: internal errors, stopped part-way. */
class MainReportTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnexpectedExceptionExits4WithOneReadableLineAndNoStackTrace() {
        int status = Main.report(new IllegalStateException("boom"), "migrate", false, false, io);

        assertThat(status).isEqualTo(4);
        assertThat(err()).startsWith("converge: error: internal error: java.lang.IllegalStateException: boom\n")
                .contains("--verbose shows the stack trace").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void verboseAddsTheStackTrace() {
        int status = Main.report(new IllegalStateException("boom"), "migrate", true, false, io);

        assertThat(status).isEqualTo(4);
        assertThat(err()).contains("\tat dev.converge.cli.MainReportTest");
    }

    @Test
    void theExitStatusComesFromTheErrorCode() {
        int partWay = Main.report(new ConvergeException(ErrorCode.STOPPED_PART_WAY, "stopped at 3"), "migrate", false,
                false, io);
        int internal = Main.report(new ConvergeException(ErrorCode.INTERNAL, "sqlite said no"), "migrate", false,
                true, io);

        assertThat(partWay).isEqualTo(3);
        assertThat(internal).isEqualTo(4);
        assertThat(err()).contains("converge: error: stopped at 3\n", "converge: error: sqlite said no\n",
                "please report it");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"format\": 1", "\"code\": \"INTERNAL\"",
                "\"exitStatus\": 4");
    }
}
