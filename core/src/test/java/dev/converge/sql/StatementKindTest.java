package dev.converge.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.converge.sql.StatementKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the classifier reads off a statement: kind, the object and table named, and whether it breaks atomicity. */
class StatementKindTest {

    /**
     * The expected reading of one statement. Null fields are expected null; {@code ifExists} is IF [NOT] EXISTS.
     */
    record Reading(StatementKind kind, String object, String table, String column, String newName, boolean ifExists,
                   String pragma, boolean breaksAtomicity) {
        static Reading of(Statement s) {
            return new Reading(s.kind(), s.objectName(), s.tableName(), s.columnName(), s.newName(), s.ifExists(),
                    s.pragmaName(), s.breaksAtomicity());
        }
    }

    private static Arguments row(String sql, StatementKind kind, String object, String table) {
        return arguments(sql, new Reading(kind, object, table, null, null, false, null, false));
    }

    private static Arguments ifExists(String sql, StatementKind kind, String object, String table) {
        return arguments(sql, new Reading(kind, object, table, null, null, true, null, false));
    }

    private static Arguments alter(String sql, StatementKind kind, String table, String column, String newName) {
        return arguments(sql, new Reading(kind, table, table, column, newName, false, null, false));
    }

    private static Arguments breaking(String sql, StatementKind kind) {
        return arguments(sql, new Reading(kind, null, null, null, null, false, null, true));
    }

    private static Arguments pragma(String sql, String name, boolean breaks) {
        return arguments(sql, new Reading(PRAGMA, null, null, null, null, false, name, breaks));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                row("CREATE TABLE t(a)", CREATE_TABLE, "t", null),
                row("create temp table Foo(a)", CREATE_TABLE, "Foo", null),
                row("CREATE TEMPORARY TABLE main.[My Table](a)", CREATE_TABLE, "My Table", null),
                ifExists("CREATE TABLE IF NOT EXISTS \"we\"\"ird\"(a)", CREATE_TABLE, "we\"ird", null),
                row("CREATE TABLE `back``tick` AS SELECT 1", CREATE_TABLE, "back`tick", null),
                row("CREATE VIRTUAL TABLE docs USING fts5(body)", CREATE_VIRTUAL_TABLE, "docs", null),
                ifExists("CREATE VIRTUAL TABLE IF NOT EXISTS main.Docs USING fts5(body)", CREATE_VIRTUAL_TABLE,
                        "Docs", null),
                row("CREATE INDEX idx ON t(a)", CREATE_INDEX, "idx", "t"),
                ifExists("CREATE UNIQUE INDEX IF NOT EXISTS `Idx` ON \"T\"(a) WHERE a > 0", CREATE_INDEX, "Idx", "T"),
                row("CREATE INDEX main.i2 ON [tab le](a COLLATE NOCASE)", CREATE_INDEX, "i2", "tab le"),
                row("CREATE VIEW v AS SELECT 1", CREATE_VIEW, "v", null),
                ifExists("CREATE TEMP VIEW IF NOT EXISTS \"V 2\"(x) AS SELECT 1", CREATE_VIEW, "V 2", null),
                row("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", CREATE_TRIGGER, "tr", "t"),
                ifExists("CREATE TRIGGER IF NOT EXISTS main.Tr2 BEFORE UPDATE OF a, b ON \"Items\" FOR EACH ROW "
                        + "WHEN new.a <> old.a BEGIN SELECT 1; END", CREATE_TRIGGER, "Tr2", "Items"),
                row("CREATE TEMP TRIGGER on_insert INSTEAD OF INSERT ON [v] BEGIN SELECT 1; END", CREATE_TRIGGER,
                        "on_insert", "v"),
                row("DROP TABLE t", DROP_TABLE, "t", null),
                ifExists("DROP TABLE IF EXISTS main.\"T\"", DROP_TABLE, "T", null),
                ifExists("drop index if exists Idx", DROP_INDEX, "Idx", null),
                row("DROP VIEW [v w]", DROP_VIEW, "v w", null),
                ifExists("DROP TRIGGER IF EXISTS tr", DROP_TRIGGER, "tr", null),
                alter("ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0", ALTER_ADD_COLUMN, "t", "c", null),
                alter("ALTER TABLE main.t ADD \"C d\" TEXT", ALTER_ADD_COLUMN, "t", "C d", null),
                alter("ALTER TABLE \"T\" DROP COLUMN [Old]", ALTER_DROP_COLUMN, "T", "Old", null),
                alter("ALTER TABLE t DROP c", ALTER_DROP_COLUMN, "t", "c", null),
                alter("ALTER TABLE t RENAME COLUMN a TO \"B\"", ALTER_RENAME_COLUMN, "t", "a", "B"),
                alter("ALTER TABLE t RENAME a TO b", ALTER_RENAME_COLUMN, "t", "a", "b"),
                alter("ALTER TABLE t RENAME TO `New`", ALTER_RENAME_TABLE, "t", null, "New"),
                row("INSERT INTO t VALUES(1)", INSERT, "t", "t"),
                row("INSERT OR REPLACE INTO main.\"T\"(a) VALUES(1)", INSERT, "T", "T"),
                row("REPLACE INTO t(a) VALUES(1)", REPLACE, "t", "t"),
                row("UPDATE OR IGNORE [t] SET a = 1", UPDATE, "t", "t"),
                row("DELETE FROM t WHERE a = 1", DELETE, "t", "t"),
                row("WITH x(a) AS (SELECT 1) INSERT INTO t SELECT a FROM x", INSERT, "t", "t"),
                row("WITH RECURSIVE x(a) AS (SELECT 1 UNION SELECT a + 1 FROM x WHERE a < 3) DELETE FROM t "
                        + "WHERE a IN x", DELETE, "t", "t"),
                row("SELECT 1", SELECT, null, null),
                row("VALUES(1)", SELECT, null, null),
                row("WITH x AS (SELECT 1) SELECT * FROM x", SELECT, null, null),
                row("EXPLAIN QUERY PLAN SELECT 1", SELECT, null, null),
                // regression: EXPLAIN only describes the statement, it does not create the table
                row("EXPLAIN CREATE TABLE t(a)", SELECT, null, null),
                pragma("PRAGMA foreign_keys = ON", "foreign_keys", false),
                pragma("PRAGMA user_version = 3", "user_version", false),
                pragma("PRAGMA journal_mode = WAL", "journal_mode", true),
                pragma("pragma main.JOURNAL_MODE=delete", "journal_mode", true),
                pragma("PRAGMA \"journal_mode\"", "journal_mode", true),
                breaking("BEGIN", BEGIN),
                breaking("BEGIN IMMEDIATE TRANSACTION", BEGIN),
                breaking("COMMIT", COMMIT),
                breaking("commit transaction", COMMIT),
                breaking("END TRANSACTION", END),
                breaking("ROLLBACK", ROLLBACK),
                breaking("ROLLBACK TO SAVEPOINT s", ROLLBACK),
                breaking("SAVEPOINT s", SAVEPOINT),
                breaking("RELEASE SAVEPOINT s", RELEASE),
                breaking("VACUUM", VACUUM),
                breaking("VACUUM INTO 'copy.db'", VACUUM),
                breaking("ATTACH DATABASE 'other.db' AS other", ATTACH),
                breaking("DETACH other", DETACH),
                row("ANALYZE", ANALYZE, null, null),
                row("REINDEX t", REINDEX, null, null),
                row("CREATE UNIQUE TABLE t(a)", OTHER, null, null),
                row("SOMETHING ELSE", OTHER, null, null),
                row("(1)", OTHER, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void readsKindObjectAndAtomicity(String sql, Reading expected) {
        List<Statement> split = SqlSplitter.split("-- leading comment\n" + sql + ";\n", "k.sql");

        assertThat(split).hasSize(1);
        assertThat(Reading.of(split.get(0))).isEqualTo(expected);
        assertThat(split.get(0).line()).isEqualTo(2);
    }

    @Test
    void everyKindAppearsInTheTable() {
        // a kind missing from the table above would never be checked
        Set<StatementKind> covered = statements().map(a -> ((Reading) a.get()[1]).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StatementKind.class)));
        assertThat(covered).containsExactlyInAnyOrder(StatementKind.values());
    }

    @ParameterizedTest
    @EnumSource(StatementKind.class)
    void dataSchemaAndAtomicityFlagsAreDisjoint(StatementKind kind) {
        Set<StatementKind> data = EnumSet.of(INSERT, UPDATE, DELETE, REPLACE);
        Set<StatementKind> breaking = EnumSet.of(BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE, VACUUM, ATTACH,
                DETACH);
        Set<StatementKind> schema = EnumSet.range(CREATE_TABLE, ALTER_RENAME_TABLE);

        assertThat(kind.isData()).isEqualTo(data.contains(kind));
        assertThat(kind.breaksAtomicity()).isEqualTo(breaking.contains(kind));
        assertThat(kind.isSchemaChange()).isEqualTo(schema.contains(kind));
    }
}
