package dev.converge.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code converge verify} builds and proves every state of a set kept in another tool's layout, read as the engine
 * reads it (issue 13: each layout's set "passes verify"). The sets are core's switching fixtures.
 */
class VerifyOtherLayoutsTest {
    private static Path fixture(String layout) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("core/src/test/resources/switch"))) {
            p = p.getParent();
        }
        return p.resolve("core/src/test/resources/switch").resolve(layout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dbmate", "diesel", "drizzle", "golang-migrate", "goose", "liquibase", "prisma", "sqlx"})
    void everyStateOfTheSetConverges(String layout) {
        Cli r = Cli.run("verify", "--migrations", fixture(layout).toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 failed", "Every guarantee holds");
    }

    @Test
    void aFlywaySetWithPlaceholdersIsVerifiedWithTheirValues() {
        Cli r = Cli.run("verify", "--migrations", fixture("flyway-placeholders").toString(), "--placeholder",
                "prefix=app_", "--placeholder", "default_email=x@example.org");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Every guarantee holds");
    }

    /** Flyway's 1, 1.1, 2024.01.05.1: states in Converge's history layout only, which records dotted versions. */
    @Test
    void aFlywaySetWithDottedVersionsIsVerifiedInConvergesHistoryLayout() {
        Cli r = Cli.run("verify", "--migrations", fixture("flyway").toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 failed", "Every guarantee holds").doesNotContain("legacy");
    }
}
