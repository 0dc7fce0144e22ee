package dev.converge.source;

import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** converge new: the next file in the folder's own layout and numbering. */
class NewMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path folder(String name, String... files) throws Exception {
        Path dir = tmp.resolve(name);
        for (int i = 0; i < files.length; i += 2) {
            Path f = dir.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static List<String> names(Path dir, List<Path> created) {
        return created.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void convergeNumbersOnKeepingTheWidth() throws Exception {
        Path dir = folder("c", "001_a.sql", "CREATE TABLE a (x);", "002_b.sql", "CREATE TABLE b (x);");
        assertThat(names(dir, NewMigration.create(dir, null, "Add email", CLOCK))).containsExactly("003_add_email.sql");
        Path empty = tmp.resolve("empty");
        assertThat(names(empty, NewMigration.create(empty, null, "init", CLOCK)))
                .containsExactly("001_init.sql");
    }

    @Test
    void flywayIncrementsTheLastPartOfTheLastVersion() throws Exception {
        Path dir = folder("f", "V1__a.sql", "CREATE TABLE a (x);", "V1.9__b.sql", "CREATE TABLE b (x);");
        assertThat(names(dir, NewMigration.create(dir, null, "c", CLOCK))).containsExactly("V1.10__c.sql");
    }

    @Test
    void golangMigrateMakesAnUpAndADownFile() throws Exception {
        Path dir = folder("g", "1_a.up.sql", "CREATE TABLE a (x);", "1_a.down.sql", "DROP TABLE a;");
        assertThat(names(dir, NewMigration.create(dir, null, "b", CLOCK)))
                .containsExactly("2_b.up.sql", "2_b.down.sql");
    }

    @Test
    void timestampToolsNameByTheClockButNeverAtOrBelowTheLastVersion() throws Exception {
        Path dbmate = folder("d", "20240101000000_a.sql", "-- migrate:up\nCREATE TABLE a (x);\n");
        assertThat(names(dbmate, NewMigration.create(dbmate, null, "b", CLOCK)))
                .containsExactly("20250304050607_b.sql");
        assertThat(Files.readString(dbmate.resolve("20250304050607_b.sql"))).contains("-- migrate:up").contains("-- migrate:down");
        Path ahead = folder("d2", "20990101000000_a.sql", "-- migrate:up\nCREATE TABLE a (x);\n");
        assertThat(names(ahead, NewMigration.create(ahead, null, "b", CLOCK))).containsExactly("20990101000001_b.sql");
        Path diesel = folder("diesel", "2024-01-01-000000_a/up.sql", "CREATE TABLE a (x);");
        assertThat(names(diesel, NewMigration.create(diesel, null, "b", CLOCK)))
                .containsExactly("2025-03-04-050607_b/up.sql", "2025-03-04-050607_b/down.sql");
        Path prisma = folder("prisma", "20240101000000_init/migration.sql", "CREATE TABLE a (x);");
        assertThat(names(prisma, NewMigration.create(prisma, null, "b", CLOCK)))
                .containsExactly("20250304050607_b/migration.sql");
    }

    @Test
    void aNameThatIsNotAFileNameAndADrizzleFolderAreRefused() throws Exception {
        Path dir = folder("c", "001_a.sql", "CREATE TABLE a (x);");
        assertThatThrownBy(() -> NewMigration.create(dir, null, "../escape", CLOCK))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("'../escape'");
        assertThatThrownBy(() -> NewMigration.create(dir, Layout.DRIZZLE, "x", CLOCK))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("drizzle-kit generate");
    }
}
