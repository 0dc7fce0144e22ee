package dev.converge.scenarios.verify;

import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.sql.SqlSplitter;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Where "nothing lost" looks for each table's rows after a run, from the statements the run executed. */
class RowLocationsTest {

    private static Map<String, String> after(Set<String> before, String executed) {
        return Verifier.locationsAfter(before, SqlSplitter.split(executed, "executed.sql"));
    }

    /** Regression: a table a migration drops and creates afresh lost its rows by design, and verify called it a loss. */
    @Test
    void aTableDroppedAndCreatedAfreshIsNotJudged() {
        assertThat(after(Set.of("audit", "other"),
                "DROP TABLE audit;\nCREATE TABLE audit (id INTEGER PRIMARY KEY, entity TEXT NOT NULL);"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("other", "other"));
    }

    @Test
    void aRebuildKeepsItsTableJudgedUnderItsName() {
        assertThat(after(Set.of("t"), "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n"
                + "INSERT INTO t_new (id, a) SELECT id, coalesce(a, '') FROM t;\n"
                + "DROP TABLE t;\n"
                + "ALTER TABLE t_new RENAME TO t;"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("t", "t"));
    }

    /** Renamed tables used to be skipped altogether, so a row lost in a renamed table went unnoticed. */
    @Test
    void aRenamedTableIsJudgedUnderItsNewNameAndItsOldNameIsNotMistakenForIt() {
        assertThat(after(Set.of("Posts"), "ALTER TABLE \"Posts\" RENAME TO articles;\nCREATE TABLE posts (x);"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("posts", "articles"));
    }

    @Test
    void aRebuildWithoutACopyDoesNotCarryTheDroppedTablesRows() {
        assertThat(after(Set.of("t"), "CREATE TABLE t_new (id INTEGER PRIMARY KEY);\nDROP TABLE t;\n"
                + "ALTER TABLE t_new RENAME TO t;")).isEmpty();
    }

    @Test
    void aRebuildResumedAfterItsDropCarriesTheCopysRows() {
        assertThat(after(Set.of("t_new", "keep"), "ALTER TABLE t_new RENAME TO t;"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("t_new", "t", "keep", "keep"));
    }

    @Test
    void tablesWhoseRowsAMigrationWritesAreNotJudged() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_t.sql", "CREATE TABLE t (a);\nCREATE TABLE u (b);\nCREATE TABLE v (c);");
        files.put("002_backfill.sql", "UPDATE t SET a = 1;\nDELETE FROM u WHERE b IS NULL;\nINSERT INTO v VALUES (1);");
        MigrationSet set = MigrationSource.memory(files).load();
        assertThat(Verifier.writtenTables(set)).containsExactlyInAnyOrder("t", "u");
    }

    /** Regression: a rebuild that copies computed values (coalesce(n, 0)) failed "nothing lost" for rows it changed itself. */
    @Test
    void aRebuildCopyOfComputedValuesIsWrittenByTheMigrationUnderItsFinalName() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_t.sql", "CREATE TABLE t (k TEXT PRIMARY KEY, n INT);\nCREATE TABLE p (a, b);");
        files.put("002_rebuild.sql", "CREATE TABLE t_new (k TEXT PRIMARY KEY, n INT NOT NULL DEFAULT 0);\n"
                + "INSERT INTO t_new (k, n) SELECT k, coalesce(n, 0) FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;\n"
                + "CREATE TABLE p_new (a, b);\nINSERT INTO p_new (a, b) SELECT p.a, \"b\" FROM p;\nDROP TABLE p;\n"
                + "ALTER TABLE p_new RENAME TO p;");
        MigrationSet set = MigrationSource.memory(files).load();
        assertThat(Verifier.writtenTables(set)).containsExactlyInAnyOrder("t_new", "t");
    }
}
