package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** --reference-cache DIR: the first run leaves the compiled reference in DIR, the next runs use it. */
class ReferenceCacheOptionTest {
    @TempDir
    Path dir;

    @Test
    void migrateWritesTheCompiledReferenceAndPlanReadsItBack() throws Exception {
        Path db = dir.resolve("app.db");
        Path cache = dir.resolve("cache");

        Cli migrate = Cli.run("migrate", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(),
                "--reference-cache", cache.toString());
        Cli plan = Cli.run("plan", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString(),
                "--reference-cache", cache.toString());

        assertThat(migrate.status()).as(migrate.toString()).isZero();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).matches("reference-[0-9a-f]{64}\\.bin"));
        }
        assertThat(plan.status()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("up to date");
    }

    @Test
    void withoutTheOptionNoFileIsWrittenAnywhereNearTheDatabase() throws Exception {
        Path db = dir.resolve("app.db");

        Cli migrate = Cli.run("migrate", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(migrate.status()).as(migrate.toString()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("app.db");
        }
    }
}
