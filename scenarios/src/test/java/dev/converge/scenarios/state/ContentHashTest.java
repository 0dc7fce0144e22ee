package dev.converge.scenarios.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    private static final String HISTORY = StateBuilder.DEFAULT_HISTORY_TABLE;

    @TempDir
    Path dir;

    @Test
    void changingOneValueChangesTheHashOfThatTableAndNoOther() throws Exception {
        Path file = filled("a.db");
        Map<String, String> before = ContentHash.allTables().perTable(file);
        String dbBefore = ContentHash.allTables().database(file);
        exec(file, "UPDATE sessions SET me = me || 'x' WHERE id = (SELECT min(id) FROM sessions)");
        Map<String, String> after = ContentHash.allTables().perTable(file);

        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            if (table.equals("sessions")) {
                assertThat(after.get(table)).isNotEqualTo(before.get(table));
            } else {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        assertThat(ContentHash.allTables().database(file)).isNotEqualTo(dbBefore);
    }

    @Test
    void reinsertingTheRowsInAnotherOrderKeepsTheHash() throws Exception {
        Path file = filled("a.db");
        Map<String, String> before = ContentHash.allTables().perTable(file);
        exec(file, """
                CREATE TEMP TABLE copy AS SELECT * FROM media;
                DELETE FROM media;
                INSERT INTO media SELECT * FROM copy ORDER BY id DESC;
                CREATE TEMP TABLE s AS SELECT * FROM sessions;
                DELETE FROM sessions;
                INSERT INTO sessions SELECT * FROM s ORDER BY random();
                """);
        assertThat(ContentHash.allTables().perTable(file)).isEqualTo(before);
    }

    @Test
    void rowOrderDoesNotCountEvenWhenRowidsDiffer() throws Exception {
        Path a = plain("a.db", "CREATE TABLE kv (k TEXT, v); INSERT INTO kv VALUES ('a', 1), ('b', 2), ('c', NULL);");
        Path b = plain("b.db", "CREATE TABLE kv (k TEXT, v); INSERT INTO kv VALUES ('c', NULL), ('a', 1), ('b', 2);");
        Path c = plain("c.db", "CREATE TABLE kv (k TEXT, v); INSERT INTO kv VALUES ('c', NULL), ('a', 1);");
        assertThat(ContentHash.allTables().database(a)).isEqualTo(ContentHash.allTables().database(b));
        assertThat(ContentHash.allTables().database(a)).isNotEqualTo(ContentHash.allTables().database(c));
    }

    @Test
    void valuesOfDifferentStorageClassesHashDifferently() throws Exception {
        List<String> values = List.of("1", "'1'", "1.0", "x'31'", "NULL", "''", "'a|b'");
        List<String> hashes = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Path file = plain("v" + i + ".db", "CREATE TABLE t (x, y); INSERT INTO t VALUES (" + values.get(i) + ", 'same');");
            hashes.add(ContentHash.allTables().database(file));
        }
        assertThat(hashes).doesNotHaveDuplicates();
        // and a value moved between columns is a different row
        Path ab = plain("ab.db", "CREATE TABLE t (x, y); INSERT INTO t VALUES ('a', 'b');");
        Path ba = plain("ba.db", "CREATE TABLE t (x, y); INSERT INTO t VALUES ('b', 'a');");
        assertThat(ContentHash.allTables().database(ab)).isNotEqualTo(ContentHash.allTables().database(ba));
    }

    @Test
    void duplicateRowsCount() throws Exception {
        Path once = plain("1.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        Path twice = plain("2.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1), (1);");
        assertThat(ContentHash.allTables().database(once)).isNotEqualTo(ContentHash.allTables().database(twice));
    }

    @Test
    void columnOrderDoesNotCountButColumnNamesDo() throws Exception {
        Path ab = plain("ab.db", "CREATE TABLE t (a, b); INSERT INTO t VALUES (1, 2);");
        Path ba = plain("ba.db", "CREATE TABLE t (b, a); INSERT INTO t (a, b) VALUES (1, 2);");
        Path renamed = plain("r.db", "CREATE TABLE t (a, c); INSERT INTO t VALUES (1, 2);");
        assertThat(ContentHash.allTables().perTable(ab)).isEqualTo(ContentHash.allTables().perTable(ba));
        assertThat(ContentHash.allTables().perTable(ab)).isNotEqualTo(ContentHash.allTables().perTable(renamed));
    }

    @Test
    void theHistoryTableIsHashedUnlessExcluded() throws Exception {
        Path file = Starpunk.builder().prefix(dir.resolve("p.db"), 5);
        assertThat(ContentHash.allTables().perTable(file)).containsKey(HISTORY).doesNotContainKey("sqlite_sequence");
        assertThat(ContentHash.excluding(HISTORY).perTable(file)).doesNotContainKey(HISTORY).containsKey("notes");

        String all = ContentHash.allTables().database(file);
        String data = ContentHash.excluding(HISTORY).database(file);
        exec(file, "UPDATE " + HISTORY + " SET applied_at = '2030-01-01T00:00:00Z'");
        assertThat(ContentHash.allTables().database(file)).isNotEqualTo(all);
        assertThat(ContentHash.excluding(HISTORY).database(file)).isEqualTo(data);
    }

    @Test
    void aProjectionOnSharedColumnsSurvivesAnAddedColumn() throws Exception {
        Path file = filled("a.db");
        List<String> old = List.of("id", "slug", "content", "created_at");
        String full;
        String projected;
        try (Connection c = Db.open(file)) {
            full = ContentHash.table(c, "notes");
            projected = ContentHash.table(c, "notes", old);
        }
        exec(file, "ALTER TABLE notes ADD COLUMN mood TEXT DEFAULT 'calm'");
        try (Connection c = Db.open(file)) {
            assertThat(ContentHash.table(c, "notes")).isNotEqualTo(full);
            assertThat(ContentHash.table(c, "notes", old)).isEqualTo(projected);
        }
    }

    private Path filled(String name) {
        Path file = Starpunk.builder().prefix(dir.resolve(name), 5);
        DataFiller.seeded(11).rowsPerTable(6).fill(file);
        return file;
    }

    private Path plain(String name, String sql) throws Exception {
        Path file = dir.resolve(name);
        exec(file, sql);
        return file;
    }

    private static void exec(Path file, String sql) throws Exception {
        try (Connection c = Db.open(file)) {
            RawSqlite.execScript(c, sql);
        }
    }
}
