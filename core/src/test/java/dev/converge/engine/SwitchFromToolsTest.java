package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.TestDatabases;
import dev.converge.apply.RunResult;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database kept by another tool, with that tool's migration folder read in place: Converge adopts the tool's
 * history once, runs only what is pending, and never changes the tool's table.
 */
class SwitchFromToolsTest {
    @TempDir
    Path tmp;

    private Path database(ToolDatabase tool, boolean secondFails) throws Exception {
        Path db = tmp.resolve(tool.folder + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            tool.write(c, secondFails);
        }
        return db;
    }

    private static Converge converge(ToolDatabase tool, Path db) {
        return Converge.configure().database(db).migrations(tool.dir()).historyTable(tool.convergeTable).load();
    }

    @ParameterizedTest
    @EnumSource(ToolDatabase.class)
    void adoptsTheToolsHistoryOnceAndRunsOnlyWhatIsPending(ToolDatabase tool) throws Exception {
        Path db = database(tool, false);
        List<String> theirs = rows(db, tool.table);

        Plan plan = converge(tool, db).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n)
                .contains("adopts " + tool.tool + "'s history table " + tool.table).contains("2 applied"));
        assertThat(plan.work()).extracting(s -> s.version().text()).containsExactly(tool.versions.get(2));
        assertThat(tables(db)).doesNotContain(tool.convergeTable); // plan changed nothing

        RunResult run = converge(tool, db).migrate();
        assertThat(run.done()).extracting(Step::action).containsExactly(Action.EXECUTE);
        assertThat(history(db, tool.convergeTable)).containsExactly(
                stored(tool, 0) + " adopted", stored(tool, 1) + " adopted", stored(tool, 2) + " executed");
        assertThat(rows(db, tool.table)).isEqualTo(theirs);
        assertThat(tables(db)).contains("tags");

        RunResult again = converge(tool, db).migrate();
        assertThat(again.fastPath()).isTrue();
        assertThat(converge(tool, db).plan().notes()).noneSatisfy(n -> assertThat(n).contains("adopts"));
    }

    @ParameterizedTest
    @EnumSource(ToolDatabase.class)
    void aMigrationTheToolLeftHalfDoneIsCompletedFromTheSchema(ToolDatabase tool) throws Exception {
        Path db = database(tool, true);
        List<String> theirs = rows(db, tool.table);
        if (tool.recordsFailures()) {
            assertThat(converge(tool, db).plan().notes()).anySatisfy(n -> assertThat(n)
                    .contains(tool.table + ": version " + tool.versions.get(1)).contains("not adopted"));
        }

        converge(tool, db).migrate();

        assertThat(history(db, tool.convergeTable)).containsExactly(
                stored(tool, 0) + " adopted", stored(tool, 1) + " completed", stored(tool, 2) + " executed");
        assertThat(indexes(db)).contains("posts_user");
        assertThat(rows(db, tool.table)).isEqualTo(theirs);
    }

    @Test
    void aFlywayFileEditedSinceItWasAppliedIsAChecksumMismatchNamingFlywaysChecksum() throws Exception {
        Path db = database(ToolDatabase.FLYWAY, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1.1'");
        }
        int now = ToolDatabase.flywayCrc32(ToolDatabase.FLYWAY.dir().resolve("V1.1__create_posts.sql"));
        assertThatThrownBy(() -> converge(ToolDatabase.FLYWAY, db).migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains("crc32:12345").contains("V1.1__create_posts.sql")
                            .contains("but the file now has checksum crc32:" + now + ".");
                });
    }

    @Test
    void aLiquibaseChangesetEditedSinceItRanIsAChecksumMismatchNamingLiquibasesChecksum() throws Exception {
        Path db = database(ToolDatabase.LIQUIBASE, false);
        Path dir = liquibaseCopy(t -> t.replace("body TEXT);", "body TEXT, title TEXT);"));

        assertThatThrownBy(() -> Converge.configure().database(db).migrations(dir).load().migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains("migration alice:2").contains("changelog.sql")
                            .containsPattern("applied with checksum liquibase:" + ToolDatabase.LIQUIBASE_MD5SUM[1]
                                    + " but the file now has checksum liquibase:9:[0-9a-f]{32}\\.")
                            .doesNotContain("now has checksum liquibase:" + ToolDatabase.LIQUIBASE_MD5SUM[1]);
                });
        assertThat(tables(db)).doesNotContain("schema_migrations", "tags");
    }

    @Test
    void aLiquibaseChangesetReindentedAndRewrappedStillMatchesItsChecksum() throws Exception {
        Path db = database(ToolDatabase.LIQUIBASE, false);
        Path dir = liquibaseCopy(t -> t.replace("CREATE TABLE posts (id INTEGER PRIMARY KEY, ",
                "CREATE TABLE posts (\n\tid INTEGER PRIMARY KEY,\r\n    "));

        converge(ToolDatabase.LIQUIBASE, db).migrate(); // the fixture's own folder: nothing edited
        assertThat(history(db, "schema_migrations")).containsExactly("1 adopted", "2 adopted", "3 executed");
        Path again = tmp.resolve("again.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + again)) {
            ToolDatabase.LIQUIBASE.write(c, false);
        }
        RunResult run = Converge.configure().database(again).migrations(dir).load().migrate();
        assertThat(run.done()).extracting(st -> st.version().text()).containsExactly("bob:3");
        assertThat(history(again, "schema_migrations")).containsExactly("1 adopted", "2 adopted", "3 executed");
    }

    @Test
    void aLiquibaseChecksumOfAnOlderVersionIsNeitherAMatchNorAMismatchTheSchemaDecides() throws Exception {
        Path db = database(ToolDatabase.LIQUIBASE, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE DATABASECHANGELOG SET MD5SUM = '8:745d7f24706f71f4ebe37973afde398c' WHERE ID = '2'");
        }
        List<String> theirs = rows(db, "DATABASECHANGELOG");

        Plan plan = converge(ToolDatabase.LIQUIBASE, db).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("DATABASECHANGELOG: version alice:2")
                .contains("MD5SUM 8:745d7f24706f71f4ebe37973afde398c").contains("checksum version 8")
                .contains("not adopted"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("(1 applied migration)"));

        converge(ToolDatabase.LIQUIBASE, db).migrate();
        assertThat(history(db, "schema_migrations")).containsExactly("1 adopted", "2 detected", "3 executed");
        assertThat(rows(db, "DATABASECHANGELOG")).isEqualTo(theirs);
    }

    @Test
    void aLiquibaseChecksumOfVersionEightThatMatchesConfirmsTheChangeset() throws Exception {
        Path db = database(ToolDatabase.LIQUIBASE, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // Liquibase 3.8 to 4.21's checksum of alice:2: MD5 of "null:true:true:" and its SQL with blanks folded,
            // computed with Python's hashlib, as the fixture's version-9 ones (ToolDatabase.LIQUIBASE_MD5SUM)
            s.executeUpdate("UPDATE DATABASECHANGELOG SET MD5SUM = '8:3cb4dd22b4ab992b477b448c8510a0de', LIQUIBASE ="
                    + " '4.20.0' WHERE ID = '2'");
        }

        Plan plan = converge(ToolDatabase.LIQUIBASE, db).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("(2 applied migrations)"));
        assertThat(plan.notes()).noneSatisfy(n -> assertThat(n).contains("not adopted"));

        converge(ToolDatabase.LIQUIBASE, db).migrate();
        assertThat(history(db, "schema_migrations")).containsExactly("1 adopted", "2 adopted", "3 executed");
    }

    @ParameterizedTest
    @EnumSource(ToolDatabase.class)
    void anAdoptedRowNotesTheTableAndToolItCameFromAndStatusShowsIt(ToolDatabase tool) throws Exception {
        Path db = database(tool, false);
        String source = tool.table + " (" + tool.tool + ")";
        assertThat(converge(tool, db).plan().notes()).anySatisfy(n -> assertThat(n)
                .contains("each row recorded as adopted from " + source));

        converge(tool, db).migrate();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT how, adopted_from FROM \"" + tool.convergeTable + "\" ORDER BY rowid")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(rows).containsExactly("adopted " + source, "adopted " + source, "executed null");
        }
        Plan status = converge(tool, db).status();
        assertThat(status.steps().get(0).reason().summary()).contains("recorded adopted from " + source);
        assertThat(status.steps().get(2).reason().summary()).contains("recorded executed").doesNotContain(" from ");
    }

    @Test
    void aHistoryTableWrittenBeforeAdoptedFromExistedIsStillReadAndWritten() throws Exception {
        Path db = tmp.resolve("old.db");
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve("001_a.sql"), "CREATE TABLE a (x);\n");
        Files.writeString(dir.resolve("002_b.sql"), "CREATE TABLE b (x);\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT"
                    + " NULL, how TEXT NOT NULL, applied_at TEXT NOT NULL, execution_ms INTEGER, schema_version INTEGER)");
            s.execute("CREATE TABLE a (x)");
            s.execute("INSERT INTO schema_migrations VALUES (1, '001_a.sql', '', 'adopted', '2024-01-05T12:00:00Z',"
                    + " NULL, NULL)");
        }

        Plan status = Converge.configure().database(db).migrations(dir).load().status();
        assertThat(status.steps().get(0).reason().summary()).contains("recorded adopted at 2024-01-05T12:00:00Z");
        Converge.configure().database(db).migrations(dir).load().migrate();

        assertThat(history(db, "schema_migrations")).containsExactly("1 adopted", "2 executed");
        assertThat(tables(db)).contains("b");
    }

    @Test
    void aToolsHistoryThatContradictsTheSchemaIsNotTrustedBlindly() throws Exception {
        Path db = database(ToolDatabase.FLYWAY, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE posts"); // Flyway says 1.1 ran, but its table is gone
        }
        List<String> theirs = rows(db, ToolDatabase.FLYWAY.table);
        Plan plan = converge(ToolDatabase.FLYWAY, db).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("drift").contains("posts"));
        // the plan does not take the row's word: posts is repaired or the plan refuses, never passed over
        assertThat(plan.refused() || plan.work().stream().anyMatch(st -> st.name().contains("posts"))).isTrue();
        assertThat(rows(db, ToolDatabase.FLYWAY.table)).isEqualTo(theirs);
    }

    @Test
    void whenTwoToolsTablesAreThereOneIsAdoptedAndThePlanNamesTheOther() throws Exception {
        Path db = database(ToolDatabase.FLYWAY, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL,"
                    + " is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))");
        }
        Plan plan = converge(ToolDatabase.FLYWAY, db).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("adopts Flyway's"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("goose's history table goose_db_version is"
                + " there too; it is not adopted"));
        assertThat(converge(ToolDatabase.FLYWAY, db).migrate().done()).extracting(st -> st.version().text())
                .containsExactly("2024.01.05.1");
    }

    @Test
    void aFlywayChecksumIsFlywaysCrc32OfTheLinesWhateverTheLineEndings() throws Exception {
        Path crlf = ToolDatabase.FLYWAY.dir().resolve("V1.1__create_posts.sql");
        assertThat(Files.readString(crlf)).contains("\r\n");
        Path lf = tmp.resolve("lf.sql");
        Files.writeString(lf, Files.readString(crlf).replace("\r\n", "\n"));
        assertThat(ToolDatabase.flywayCrc32(lf)).isEqualTo(ToolDatabase.flywayCrc32(crlf));
    }

    @Test
    void flywayPlaceholdersTakeTheirValuesFromTheJavaApi() throws Exception {
        Path db = tmp.resolve("p.db");
        Path dir = ToolDatabase.FLYWAY.dir().resolveSibling("flyway-placeholders");
        Converge.configure().database(db).migrations(dir).placeholder("prefix", "app_")
                .placeholder("default_email", "nobody@example.com").load().migrate();
        assertThat(tables(db)).contains("app_users", "app_posts");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'app_users'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("'nobody@example.com'");
        }
    }

    @Test
    void aDatabaseFlywayKeptWithPlaceholdersIsAdoptedAndTheRestRunsWithValuesFromTheJavaApi() throws Exception {
        Path dir = ToolDatabase.FLYWAY.dir().resolveSibling("flyway-placeholders");
        Path db = tmp.resolve("kept-with-placeholders.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // what Flyway ran for V1 with prefix=app_ and default_email=nobody@example.com, and how it recorded it
            s.execute("CREATE TABLE app_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'nobody@example.com')");
            s.execute(ToolDatabase.FLYWAY_HISTORY);
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (1, '1', 'create users', 'SQL',"
                    + " 'V1__create_users.sql', " + ToolDatabase.flywayCrc32(dir.resolve("V1__create_users.sql"))
                    + ", '', 5, 1)");
        }
        Converge converge = Converge.configure().database(db).migrations(dir).placeholder("prefix", "app_")
                .placeholder("default_email", "nobody@example.com").load();

        assertThat(converge.plan().notes()).anySatisfy(n -> assertThat(n).contains("adopts Flyway's history table"));
        RunResult run = converge.migrate();

        assertThat(run.done()).extracting(st -> st.version().text()).containsExactly("2");
        assertThat(history(db, "schema_migrations")).containsExactly("1 adopted", "2 executed");
        assertThat(tables(db)).contains("app_posts");
    }

    @Test
    void aFlywayPlaceholderWithoutAValueIsRefusedNamingFileLineAndPlaceholder() {
        Path dir = ToolDatabase.FLYWAY.dir().resolveSibling("flyway-placeholders");
        assertThatThrownBy(() -> Converge.configure().database(tmp.resolve("q.db")).migrations(dir)
                .placeholder("prefix", "app_").load().migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                    assertThat(e.getMessage()).contains("V1__create_users.sql:1").contains("${default_email}")
                            .contains("--placeholder default_email=");
                });
    }

    @Test
    void aPlaceholderForASourceThatIsNotAFolderIsRefusedNotIgnored() {
        assertThatThrownBy(() -> Converge.configure().database(tmp.resolve("m.db"))
                .migrations(dev.converge.source.MigrationSource.memory(java.util.Map.of("001_a.sql", "CREATE TABLE a (x);")))
                .placeholder("prefix", "x_").load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("placeholder(...)").contains("migrations(Path)");
                });
    }

    @Test
    void convergesTableNameTakenByGolangMigrateIsRefusedNamingTheWayOut() throws Exception {
        Path db = database(ToolDatabase.GOLANG_MIGRATE, false);
        assertThatThrownBy(() -> Converge.configure().database(db).migrations(ToolDatabase.GOLANG_MIGRATE.dir())
                .load().plan())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("golang-migrate's history table").contains("--history-table");
                });
    }

    /** A copy of the Liquibase fixture's folder, its changelog passed through {@code edit}. */
    private Path liquibaseCopy(java.util.function.UnaryOperator<String> edit) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("liquibase-copy"));
        Path from = ToolDatabase.LIQUIBASE.dir().resolve("changelog.sql");
        String text = Files.readString(from);
        String edited = edit.apply(text);
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(dir.resolve("changelog.sql"), edited);
        return dir;
    }

    /** The version as Converge's history column holds it: a number without leading zeros, or a dotted text. */
    private static String stored(ToolDatabase tool, int i) {
        if (tool == ToolDatabase.LIQUIBASE) {
            return Integer.toString(i + 1); // a changeset's version is its position; author:id is what plan shows
        }
        String v = tool.versions.get(i);
        return v.chars().allMatch(Character::isDigit) ? Long.toString(Long.parseLong(v)) : v;
    }

    /** Every row of {@code table}, each as one string, in rowid order. */
    static List<String> rows(Path db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                }
                out.add(sb.toString());
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    /** Converge's history as "version how" lines, in version order as Converge reads them. */
    private static List<String> history(Path db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, how, name FROM \"" + table + "\" ORDER BY rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> tables(Path db) throws Exception {
        return names(db, "table");
    }

    private static List<String> indexes(Path db) throws Exception {
        return names(db, "index");
    }

    private static List<String> names(Path db, String type) throws Exception {
        return TestDatabases.rows(db, "SELECT name FROM sqlite_schema WHERE type = '" + type + "'");
    }
}
