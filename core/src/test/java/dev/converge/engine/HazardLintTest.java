package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hazard lint (issue 12): each hazard found, with file, line and what to do, in a set written for it; none elsewhere. */
class HazardLintTest {
    private static List<LintReport.Finding> hazards(String... nameThenSql) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            m.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return Converge.configure().migrations(MigrationSource.memory(m)).loadForLint().lint().findings().stream()
                .filter(f -> f.severity() == LintReport.Severity.WARNING).toList();
    }

    private static final String T = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);";

    @Test
    void aDropOfATableThatMayHoldRowsWithNoCopyBeforeIt() {
        assertThat(hazards("001_t.sql", T, "002_drop.sql", "-- gone\nDROP TABLE t;"))
                .singleElement().satisfies(f -> {
                    assertThat(f.file()).endsWith("002_drop.sql");
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.message()).contains("drops table t").contains("copy the rows first");
                });
        assertThat(hazards("001_t.sql", T, "002_drop.sql", "ALTER TABLE t DROP COLUMN b;"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("drops column b"));
        // the author says the rows are meant to go: no warning
        assertThat(hazards("001_t.sql", T, "002_drop.sql", "-- old tokens are dropped on purpose\nDROP TABLE t;")).isEmpty();
    }

    @Test
    void aRebuildWhoseCopyLeavesOutAColumn() {
        assertThat(hazards("001_t.sql", T, "002_rebuild.sql",
                "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT, b TEXT);\n"
                        + "INSERT INTO t_new (id, a) SELECT id, a FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.message()).contains("leaves out column b").contains("name it in both column lists");
                });
    }

    @Test
    void aPositionalSelectStarWhereColumnOrdersDiffer() {
        assertThat(hazards("001_t.sql", T, "002_rebuild.sql",
                "CREATE TABLE t_new (id INTEGER PRIMARY KEY, b TEXT, a TEXT);\n"
                        + "INSERT INTO t_new SELECT * FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;"))
                .anySatisfy(f -> assertThat(f.message()).contains("column 2 is a in t but b in t_new")
                        .contains("name the columns"));
    }

    @Test
    void aNotNullColumnWithoutADefaultInARebuildCopy() {
        assertThat(hazards("001_t.sql", T, "002_rebuild.sql",
                "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT NOT NULL);\n"
                        + "INSERT INTO t_new (id, a, b) SELECT id, a, b FROM t;\nDROP TABLE t;\n"
                        + "ALTER TABLE t_new RENAME TO t;"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("c, which is NOT NULL with no default"));
    }

    @Test
    void aUniqueIndexAddedToAnExistingTable() {
        assertThat(hazards("001_t.sql", T, "002_unique.sql", "CREATE UNIQUE INDEX t_a ON t (a);"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("UNIQUE index").contains("deduplicate first"));
        // on a table made in the same migration there are no rows yet
        assertThat(hazards("001_t.sql", T + "\nCREATE UNIQUE INDEX t_a ON t (a);")).isEmpty();
    }

    @Test
    void renamingAParentTableRewritesItsChildrensForeignKeys() {
        assertThat(hazards("001_init.sql", "CREATE TABLE p (id TEXT PRIMARY KEY);\n"
                        + "CREATE TABLE c (id TEXT PRIMARY KEY, p_id TEXT NOT NULL REFERENCES p (id));",
                "002_rebuild_parent.sql", "ALTER TABLE p RENAME TO p_old;\nCREATE TABLE p (id TEXT PRIMARY KEY, x TEXT);\n"
                        + "INSERT INTO p (id) SELECT id FROM p_old;\nDROP TABLE p_old;"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(1);
                    assertThat(f.message()).contains("renames p").contains("rebuild new-table-first");
                });
    }

    @Test
    void aDirectWriteToTheSchemaTable() {
        assertThat(hazards("001_init.sql", "CREATE TABLE parent (id INTEGER PRIMARY KEY);",
                "002_edit.sql", "PRAGMA writable_schema = TRUE;\nUPDATE sqlite_master SET sql = sql WHERE name = 'parent';\n"
                        + "PRAGMA writable_schema = RESET;"))
                .anySatisfy(f -> {
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.message()).contains("writes the schema table directly").contains("CREATE/ALTER");
                });
    }

    @Test
    void aRebuildDoneRightAndStarpunkHaveNoHazards() {
        assertThat(hazards("001_t.sql", T, "002_rebuild.sql",
                "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT, b TEXT NOT NULL DEFAULT '');\n"
                        + "INSERT INTO t_new (id, a, b) SELECT id, a, coalesce(b, '') FROM t;\nDROP TABLE t;\n"
                        + "ALTER TABLE t_new RENAME TO t;", "003_index.sql", "CREATE INDEX t_a ON t (a);")).isEmpty();
        assertThat(Converge.configure().migrations(Starpunk.MIGRATIONS).baseline(Starpunk.SCHEMA).loadForLint().lint()
                .findings()).noneMatch(f -> f.severity() == LintReport.Severity.WARNING);
    }
}
