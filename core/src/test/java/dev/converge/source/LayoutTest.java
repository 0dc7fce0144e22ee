package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Other tools' migration folders, read in place: which layout, which versions in which order, what runs. */
class LayoutTest {
    @TempDir
    Path tmp;

    private static Path resource(String folder) throws Exception {
        return Path.of(LayoutTest.class.getResource("/switch/" + folder).toURI());
    }

    @ParameterizedTest
    @CsvSource({
            "flyway, FLYWAY, 1 1.1 2024.01.05.1",
            "golang-migrate, GOLANG_MIGRATE, 1 2 10",
            "dbmate, DBMATE, 20240105120000 20240105120100 20240105120200",
            "goose, GOOSE, 1 2 3",
            "sqlx, CONVERGE, 20240105120000 20240105120100 20240105120200",
            "diesel, DIESEL, 20240105120000 20240105120100 20240105120200",
            "prisma, PRISMA, 20240105120000 20240105120100 20240105120200",
            "drizzle, DRIZZLE, 0000 0001 0002",
            "liquibase, LIQUIBASE, alice:1 alice:2 bob:3"})
    void eachToolsFolderIsRecognisedAndReadInItsOrderWithItsVersions(String folder, Layout layout, String versions)
            throws Exception {
        Path dir = resource(folder);
        assertThat(Layout.detect(dir)).isEqualTo(layout);
        MigrationSet set = MigrationSource.folder(dir).load();
        assertThat(set.migrations()).extracting(m -> m.version().text()).containsExactly(versions.split(" "));
    }

    @Test
    void sqlxFilesReadTheSameWhenTheLayoutIsNamed() throws Exception {
        MigrationSet set = MigrationSource.folder(resource("sqlx"), Layout.SQLX, Map.of()).load();
        assertThat(set.migrations()).extracting(Migration::name).containsExactly("20240105120000_create_users.sql",
                "20240105120100_create_posts.sql", "20240105120200_create_tags.sql");
    }

    @Test
    void dottedVersionsOrderPartByPartAndTrailingZerosDoNotCount() {
        List<Version> vs = new ArrayList<>(List.of(Version.dotted("1.10"), Version.dotted("2024.01.05.1"),
                Version.dotted("1.9"), Version.dotted("1_2"), Version.dotted("1")));
        Collections.sort(vs);
        assertThat(vs).extracting(Version::text).containsExactly("1", "1.2", "1.9", "1.10", "2024.01.05.1");
        assertThat(Version.dotted("1.0")).isEqualTo(Version.of(1)).hasSameHashCodeAs(Version.of(1));
        assertThat(Version.dotted("1.1").isNumber()).isFalse();
        assertThat(Version.dotted("1.1").value()).isEqualTo(-1);
    }

    @Test
    void dbmateRunsOnlyTheUpSectionAndKeepsTheFilesLineNumbers() throws Exception {
        Migration m = MigrationSource.folder(resource("dbmate")).load().migrations().get(0);
        assertThat(m.text()).doesNotContain("DROP TABLE").contains("CREATE TABLE users");
        assertThat(m.statements().get(0).line()).isEqualTo(2);
        assertThat(m.fileText()).contains("DROP TABLE users");
    }

    @Test
    void gooseKeepsAStatementBeginBlockAsOneStatement() throws Exception {
        Migration m = MigrationSource.folder(resource("goose")).load().migrations().get(1);
        assertThat(m.statements()).hasSize(3);
        assertThat(m.statements().get(2).text()).startsWith("CREATE TRIGGER").contains("UPDATE posts").contains("END");
        assertThat(m.text()).doesNotContain("DROP TABLE");
    }

    @Test
    void drizzleSplitsAtStatementBreakpointsAndFollowsItsJournal() throws Exception {
        Path dir = tmp.resolve("drizzle");
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("0000_b.sql"), "CREATE TABLE b (x);");
        Files.writeString(dir.resolve("0001_a.sql"), "CREATE TABLE a (x);\n--> statement-breakpoint\nCREATE TABLE c (x);");
        Files.writeString(dir.resolve("0002_stray.sql"), "CREATE TABLE stray (x);");
        Files.writeString(dir.resolve("meta/_journal.json"), "{\"entries\":[{\"idx\":1,\"when\":2,\"tag\":\"0001_a\"},"
                + "{\"idx\":0,\"when\":1,\"tag\":\"0000_b\"}]}");
        MigrationSet set = MigrationSource.folder(dir).load();
        assertThat(set.migrations()).extracting(Migration::name).containsExactly("0000_b.sql", "0001_a.sql");
        assertThat(set.migrations().get(1).statements()).hasSize(2);
    }

    @Test
    void flywayMigrationsInSubfoldersAreReadAsFlywayScansThem() throws Exception {
        Path dir = flywayFolder("V2__b.sql");
        Files.createDirectories(dir.resolve("2025/q1"));
        Files.writeString(dir.resolve("2025/q1/V1.5__between.sql"), "CREATE TABLE between_ (x);");
        assertThat(MigrationSource.folder(dir).load().migrations()).extracting(Migration::name)
                .containsExactly("V1__a.sql", "V1.5__between.sql", "V2__b.sql");
    }

    @Test
    void aFlywayRepeatableMigrationIsRefusedByName() throws Exception {
        Path dir = flywayFolder("R__views.sql");
        assertThatThrownBy(() -> MigrationSource.folder(dir).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_NAME);
                    assertThat(e.getMessage()).contains("R__views.sql").contains("repeatable");
                });
    }

    @Test
    void dbmatesTransactionFalseIsRefusedNamingFileAndLine() throws Exception {
        Path dir = tmp.resolve("dbmate");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("20240101000000_x.sql"), "-- migrate:up transaction:false\nCREATE TABLE x (a);\n");
        assertThatThrownBy(() -> MigrationSource.folder(dir).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                    assertThat(e.getMessage()).contains("20240101000000_x.sql:1").contains("transaction:false");
                });
    }

    @Test
    void aGooseMigrationWrittenInGoIsRefusedByName() throws Exception {
        Path dir = tmp.resolve("goose");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("00001_a.sql"), "-- +goose Up\nCREATE TABLE a (x);\n");
        Files.writeString(dir.resolve("00002_backfill.go"), "package migrations\n");
        assertThatThrownBy(() -> MigrationSource.folder(dir).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_NAME);
                    assertThat(e.getMessage()).contains("00002_backfill.go").contains("Go");
                });
    }

    @Test
    void aLiquibaseChangesetIsAMigrationWithoutItsRollbackAndRunInTransactionFalseIsRefused() throws Exception {
        Migration m = MigrationSource.folder(resource("liquibase")).load().migrations().get(1);
        assertThat(m.name()).isEqualTo("changelog.sql::2::alice");
        assertThat(m.statements()).hasSize(2);
        assertThat(m.statements().get(0).line()).isEqualTo(10);
        assertThat(m.text()).doesNotContain("DROP TABLE");
        Path dir = tmp.resolve("lb");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.sql"), "--liquibase formatted sql\n--changeset me:1 runInTransaction:false\n"
                + "CREATE TABLE a (x);\n");
        assertThatThrownBy(() -> MigrationSource.folder(dir).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.getMessage())
                        .contains("a.sql:2").contains("runInTransaction:false"));
    }

    @Test
    void aFlywayFolderOnTheClasspathIsReadOnDiskAndInAJarWithItsPlaceholders() throws Exception {
        ClassLoader here = LayoutTest.class.getClassLoader();
        MigrationSet onDisk = MigrationSource.classpath("switch/flyway", here, null, Map.of()).load();
        assertThat(onDisk.migrations()).extracting(m -> m.version().text()).containsExactly("1", "1.1", "2024.01.05.1");

        Path jar = tmp.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String[] e : new String[][] {{"db/", null}, {"db/migration/", null},
                    {"db/migration/V1_1__b.sql", "CREATE TABLE ${p}b (x);"}, {"db/migration/V1__a.sql", "CREATE TABLE a (x);"},
                    {"db/migration/U1_1__b.sql", "DROP TABLE b;"}}) {
                out.putNextEntry(new java.util.jar.JarEntry(e[0]));
                if (e[1] != null) {
                    out.write(e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            MigrationSet inJar = MigrationSource.classpath("db/migration", loader, null, Map.of("p", "app_")).load();
            assertThat(inJar.migrations()).extracting(Migration::name).containsExactly("V1__a.sql", "V1_1__b.sql");
            assertThat(inJar.migrations().get(1).version().text()).isEqualTo("1.1");
            assertThat(inJar.migrations().get(1).text()).isEqualTo("CREATE TABLE app_b (x);");
        }
    }

    @Test
    void placeholdersForAFolderWithoutThemAreRefusedNotIgnored() throws Exception {
        assertThatThrownBy(() -> MigrationSource.folder(resource("dbmate"), null, Map.of("prefix", "x_")).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("prefix").contains("dbmate folder").contains("only Flyway");
                });
    }

    @Test
    void aNamedLayoutThatDoesNotExistListsTheKnownOnes() {
        assertThatThrownBy(() -> Layout.named("rails"))
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.getMessage())
                        .contains("'rails'").contains("flyway").contains("golang-migrate").contains("drizzle"));
        assertThat(Layout.named("Golang_Migrate")).isEqualTo(Layout.GOLANG_MIGRATE);
    }

    @Test
    void aConvergeFolderIsStillReadAsConverges() throws Exception {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("001_a.sql"), "CREATE TABLE a (x);");
        Files.writeString(dir.resolve("002_b.sql"), "CREATE TABLE b (x);");
        assertThat(Layout.detect(dir)).isEqualTo(Layout.CONVERGE);
        assertThat(MigrationSource.folder(dir).load().migrations()).extracting(m -> m.version().value())
                .containsExactly(1L, 2L);
    }

    private Path flywayFolder(String extra) throws Exception {
        Path dir = tmp.resolve("flyway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (x);");
        Files.writeString(dir.resolve(extra), "CREATE VIEW v AS SELECT 1;");
        return dir;
    }
}
