package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database path that names a named pipe, a character device (the same device as {@code /dev/zero}, made in a temp
 * folder so a stray {@code -journal} would land there) or a folder: SQLite opens each without complaint and failed only
 * later — "This is a bug in Converge" for a pipe, {@code SQLITE_IOERR_FSYNC} for {@code /dev/zero} after creating
 * {@code /dev/zero-journal}. Now refused before anything is opened, naming the path and what it is, and nothing is
 * created beside it.
 */
class NotARegularFileIT {
    @TempDir
    Path dir;

    private Path make(String kind) throws Exception {
        Path p = dir.resolve("app.db");
        switch (kind) {
            case "fifo" -> assumeTrue(run("mkfifo", p.toString()), "mkfifo is available");
            case "zero-device" -> assumeTrue(run("mknod", p.toString(), "c", "1", "5"), "mknod works (root)");
            case "folder" -> Files.createDirectory(p);
            default -> throw new IllegalArgumentException(kind);
        }
        return p;
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({"fifo, migrate", "fifo, plan", "fifo, status", "zero-device, migrate", "zero-device, plan",
            "folder, migrate", "folder, status"})
    @Timeout(60)
    void refusedBeforeOpeningAndNothingCreated(String kind, String command) throws Exception {
        Path db = make(kind);
        Converge converge = Converge.configure().database(db).migrations(Fixtures.starpunkMigrations()).load();

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> {
            switch (command) {
                case "migrate" -> converge.migrate();
                case "plan" -> converge.plan();
                default -> converge.status();
            }
        });

        assertThat(e).as("%s on a %s", command, kind).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.NOT_A_DATABASE);
        assertThat(e.getMessage()).contains(db.toAbsolutePath().toString()).contains("not a regular file")
                .contains(kind.equals("fifo") ? "named pipe" : kind.equals("folder") ? "folder" : "character device");
        assertThat(e.file()).hasValue(db.toAbsolutePath().toString());
        assertThat(Fixtures.listing(dir)).as("nothing created beside it (no -journal, -wal, -shm)")
                .containsExactly("app.db");
    }
}
