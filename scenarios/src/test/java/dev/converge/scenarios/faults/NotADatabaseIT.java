package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files that are not SQLite databases, or are damaged: a text file, a database cut inside its header, a database cut
 * after its first two pages, garbage after a valid header, and a directory. {@code migrate} and {@code plan} refuse
 * ({@link ErrorCode#NOT_A_DATABASE}; for the directory "not a regular file", before opening it) and leave the bytes as they
 * were and no file beside them. Bytes are read only before and after Converge's run.
 */
class NotADatabaseIT {
    @TempDir
    Path dir;

    private Path valid() throws Exception {
        Files.createDirectories(dir.resolve("source"));
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("source/valid.db"), 5);
        Fixtures.fill(db, 17, 200);
        return db;
    }

    private Path make(String kind) throws Exception {
        Path target = dir.resolve("app/app.db");
        Files.createDirectories(target.getParent());
        switch (kind) {
            case "text" -> Files.writeString(target, "id,name\n1,not a database\n", StandardCharsets.UTF_8);
            case "cut-in-header" -> Files.write(target, Arrays.copyOf(Files.readAllBytes(valid()), 50));
            case "cut-after-two-pages" -> {
                byte[] bytes = Files.readAllBytes(valid());
                assertThat(bytes.length).as("the source spans many pages").isGreaterThan(4 * 4096);
                Files.write(target, Arrays.copyOf(bytes, 2 * 4096));
            }
            case "garbage-after-header" -> {
                byte[] bytes = Files.readAllBytes(valid());
                byte[] garbage = new byte[bytes.length - 100];
                new Random(42).nextBytes(garbage);
                System.arraycopy(garbage, 0, bytes, 100, garbage.length);
                Files.write(target, bytes);
            }
            case "directory" -> Files.createDirectory(target);
            default -> throw new IllegalArgumentException(kind);
        }
        return target;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "cut-in-header", "cut-after-two-pages", "garbage-after-header", "directory"})
    void refusedAndLeftAsItWas(String kind) throws Exception {
        Path target = make(kind);
        boolean directory = kind.equals("directory");
        String sha = directory ? null : Fixtures.sha256(target);
        List<String> files = Fixtures.listing(target.getParent());
        Converge converge = Converge.configure().database(target).migrations(Fixtures.starpunkMigrations()).load();
        ErrorCode expected = ErrorCode.NOT_A_DATABASE;

        ConvergeException onMigrate = catchThrowableOfType(ConvergeException.class, converge::migrate);
        ConvergeException onPlan = catchThrowableOfType(ConvergeException.class, converge::plan);

        for (ConvergeException e : new ConvergeException[] {onMigrate, onPlan}) {
            assertThat(e).as(kind).isNotNull();
            assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
        }
        if (!directory) {
            assertThat(onMigrate.getMessage()).contains("not a SQLite database").contains("Nothing was changed");
            assertThat(Fixtures.sha256(target)).as("the file's bytes").isEqualTo(sha);
        } else {
            assertThat(Fixtures.listing(target)).as("nothing created inside the directory").isEmpty();
        }
        assertThat(Fixtures.listing(target.getParent())).as("no journal or WAL left beside it").isEqualTo(files);
    }
}
