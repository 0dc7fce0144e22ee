package dev.converge.scenarios.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFillerTest {
    private static final String HISTORY = StateBuilder.DEFAULT_HISTORY_TABLE;

    @TempDir
    Path dir;

    private final StateBuilder builder = Starpunk.builder();

    @Test
    void fillsEveryTableOfTheFullSchemaWithTheRequestedRowsAndValidForeignKeys() throws Exception {
        Path file = builder.prefix(dir.resolve("full.db"), 5);
        Map<String, Integer> added = DataFiller.seeded(42).rowsPerTable(7).fill(file);

        assertThat(added).containsOnlyKeys("notes", "media", "sessions", "auth_state", "tokens", "authorization_codes");
        assertThat(added.values()).containsOnly(7);
        // parents first: media points at notes
        assertThat(List.copyOf(added.keySet()).indexOf("notes")).isLessThan(List.copyOf(added.keySet()).indexOf("media"));
        assertThat(Db.count(file, "SELECT count(*) FROM notes")).isEqualTo(8); // 7 + the seeded welcome note
        assertThat(Db.count(file, "SELECT count(*) FROM media")).isEqualTo(7);
        assertThat(Db.rows(file, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Db.count(file, "SELECT count(*) FROM media WHERE note_id NOT IN (SELECT id FROM notes)")).isZero();
        assertThat(Db.count(file, "SELECT count(*) FROM " + HISTORY)).isEqualTo(6);
    }

    @Test
    void valuesMeetTheChecksAndTypesOfTheirColumns() throws Exception {
        Path file = builder.prefix(dir.resolve("full.db"), 5);
        DataFiller.seeded(7).rowsPerTable(20).fill(file);
        assertThat(Db.rows(file, "SELECT DISTINCT visibility FROM notes ORDER BY 1")).isSubsetOf("private", "public", "unlisted");
        assertThat(Db.rows(file, "SELECT DISTINCT typeof(published) || published FROM notes")).isSubsetOf("integer0", "integer1");
        assertThat(Db.rows(file, "SELECT DISTINCT typeof(size_bytes) FROM media")).containsExactly("integer");
        assertThat(Db.count(file, "SELECT count(*) FROM media WHERE size_bytes < 0")).isZero();
        assertThat(Db.count(file, "SELECT count(*) FROM sessions WHERE me IS NULL OR expires_at IS NULL")).isZero();
        assertThat(Db.rows(file, "SELECT DISTINCT typeof(slug) FROM notes")).containsExactly("text");
        assertThat(Db.count(file, "SELECT count(*) FROM notes")).isEqualTo(21);
    }

    /**
     * Regression: retried rows all took the 0 of `CHECK (n >= 0)`, so a later migration's UNIQUE index on n failed
     * on the filler's own data (ConvergencePropertiesTest, seed 1182533426701).
     */
    @Test
    void rowsRetriedForATextCheckDoNotShareTheNumberOfANumericCheck() throws Exception {
        Path file = dir.resolve("checks.db");
        try (Connection c = Db.open(file); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (kind TEXT NOT NULL CHECK (kind IN ('a', 'b')),"
                    + " n REAL NOT NULL CHECK (n >= 0), m INTEGER NOT NULL CHECK (m >= 0))");
        }
        DataFiller.seeded(3).rowsPerTable(30).fill(file);
        assertThat(Db.rows(file, "SELECT count(*) FROM t")).containsExactly("30");
        assertThat(Db.rows(file, "SELECT count(DISTINCT n) FROM t")).containsExactly("30");
        assertThat(Db.rows(file, "SELECT count(DISTINCT m) FROM t")).containsExactly("30");
    }

    /**
     * Regression: a foreign key to a parent column that does not exist yet (a baseline ahead of a later RENAME COLUMN)
     * made SQLite read the quoted column as a string, and every child row pointed at that string; after the rename
     * they were violations (AtomicityPropertiesTest, seed 3914525858203).
     */
    @Test
    void aForeignKeyToAColumnTheParentLacksGetsNullNotTheColumnsName() throws Exception {
        Path file = dir.resolve("ahead.db");
        try (Connection c = Db.open(file); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (c2 INTEGER PRIMARY KEY, c3 TEXT)");
            s.execute("CREATE TABLE t6 (c7 TEXT, c8 INTEGER REFERENCES t1(c10))");
        }
        DataFiller.seeded(5).rowsPerTable(10).fill(file);
        assertThat(Db.rows(file, "SELECT count(*) FROM t6")).containsExactly("10");
        assertThat(Db.rows(file, "SELECT count(*) FROM t6 WHERE c8 IS NOT NULL")).containsExactly("0");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        Path a = DataFillerTest.fill(builder.prefix(dir.resolve("a.db"), 3), 1);
        Path b = DataFillerTest.fill(builder.prefix(dir.resolve("b.db"), 3), 1);
        Path c = DataFillerTest.fill(builder.prefix(dir.resolve("c.db"), 3), 2);
        assertThat(ContentHash.allTables().perTable(a)).isEqualTo(ContentHash.allTables().perTable(b));
        assertThat(ContentHash.allTables().database(a)).isNotEqualTo(ContentHash.allTables().database(c));
    }

    @Test
    void aTableGetsTheSameRowsInEveryStateWhereItHasTheSameShape() throws Exception {
        Path s1 = fill(builder.prefix(dir.resolve("s1.db"), 1), 9);
        Path s3 = fill(builder.prefix(dir.resolve("s3.db"), 3), 9);
        Map<String, String> one = ContentHash.excluding(HISTORY).perTable(s1);
        Map<String, String> three = ContentHash.excluding(HISTORY).perTable(s3);
        assertThat(three.get("sessions")).isEqualTo(one.get("sessions"));
        assertThat(three.get("notes")).isEqualTo(one.get("notes"));
    }

    @Test
    void everyStateCanBeFilledAndForeignKeysHoldWhereTheirParentsExist() throws Exception {
        for (State state : builder.allStates()) {
            Path file = builder.build(state, dir.resolve(state.fileName()));
            Map<String, Integer> added = DataFiller.seeded(3).rowsPerTable(3).fill(file);
            List<String> tables = Db.rows(file, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '" + HISTORY + "'");
            assertThat(added.keySet()).as(state.name()).containsExactlyInAnyOrderElementsOf(tables);
            long orphanParents = Db.count(file, "SELECT count(*) FROM sqlite_schema m, pragma_foreign_key_list(m.name) f"
                    + " WHERE m.type = 'table' AND f.\"table\" NOT IN (SELECT name FROM sqlite_schema WHERE type = 'table')");
            if (orphanParents == 0) {
                assertThat(Db.rows(file, "PRAGMA foreign_key_check")).as(state.name()).isEmpty();
                assertThat(added.values()).as(state.name()).allMatch(n -> n == 3);
            }
        }
    }

    @Test
    void handlesCompositeSelfReferencingStrictGeneratedAndWithoutRowidTables() throws Exception {
        Path file = schema("""
                CREATE TABLE z_parent (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
                CREATE TABLE a_child (
                    id INTEGER PRIMARY KEY,
                    pa INTEGER NOT NULL, pb TEXT NOT NULL,
                    parent_id INTEGER REFERENCES a_child(id),
                    ratio REAL CHECK (ratio >= 0),
                    payload BLOB,
                    doubled INTEGER GENERATED ALWAYS AS (pa * 2) STORED,
                    FOREIGN KEY (pa, pb) REFERENCES z_parent (a, b) ON DELETE CASCADE
                );
                CREATE TABLE strict_things (n INTEGER NOT NULL UNIQUE, t TEXT, r REAL, x ANY) STRICT;
                CREATE TABLE implicit_parent (k TEXT PRIMARY KEY);
                CREATE TABLE implicit_child (k TEXT NOT NULL REFERENCES implicit_parent);
                CREATE TABLE only_rowid (id INTEGER PRIMARY KEY);
                CREATE TABLE status (s TEXT NOT NULL CHECK (s IN ('open', 'closed')), n INT CHECK (n BETWEEN 10 AND 12));
                """);
        Map<String, Integer> added = DataFiller.seeded(5).rowsPerTable(6).fill(file);
        assertThat(List.copyOf(added.keySet())).containsExactly(
                "implicit_parent", "implicit_child", "only_rowid", "status", "strict_things", "z_parent", "a_child");
        assertThat(added.values()).containsOnly(6);
        assertThat(Db.rows(file, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Db.count(file, "SELECT count(*) FROM a_child WHERE doubled <> pa * 2")).isZero();
        assertThat(Db.count(file, "SELECT count(DISTINCT n) FROM strict_things")).isEqualTo(6);
    }

    @Test
    void aRowThatCanNeverBeValidIsSkippedWithoutFailingTheFill() throws Exception {
        Path file = schema("""
                CREATE TABLE impossible (a INTEGER CHECK (0));
                CREATE TABLE orphan (p INTEGER NOT NULL REFERENCES empty_parent(id));
                CREATE TABLE empty_parent (id INTEGER PRIMARY KEY CHECK (id < 0));
                CREATE TABLE fine (a TEXT);
                """);
        Map<String, Integer> added = DataFiller.seeded(1).rowsPerTable(4).fill(file);
        assertThat(added).containsEntry("impossible", 0).containsEntry("orphan", 0).containsEntry("fine", 4);
    }

    @Test
    void theHistoryTableIsLeftAloneUnderItsConfiguredName() throws Exception {
        Path file = builder.withHistoryTable("migrations_log").prefix(dir.resolve("p.db"), 2);
        Map<String, Integer> added = DataFiller.seeded(1).excluding("migrations_log").fill(file);
        assertThat(added).doesNotContainKey("migrations_log").containsKey("tokens");
        assertThat(Db.count(file, "SELECT count(*) FROM migrations_log")).isEqualTo(3);
    }

    private static Path fill(Path file, long seed) {
        DataFiller.seeded(seed).fill(file);
        return file;
    }

    private Path schema(String sql) throws Exception {
        Path file = dir.resolve("custom.db");
        try (Connection c = Db.open(file)) {
            RawSqlite.execScript(c, sql);
        }
        return file;
    }

    /** Issue 12: a column a later migration makes UNIQUE never repeats a value, even one a CHECK offers. */
    @Test
    void aColumnALaterMigrationMakesUniqueGetsDistinctValues() throws Exception {
        Path file = dir.resolve("later-unique.db");
        try (Connection c = Db.open(file); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c')))");
        }
        DataFiller.seeded(3).rowsPerTable(10).distinct(java.util.Set.of(DataFiller.columnKey("t", "kind"))).fill(file);
        assertThat(Db.count(file, "SELECT count(*) FROM t")).isBetween(1L, 3L);
        assertThat(Db.count(file, "SELECT count(*) FROM t")).isEqualTo(Db.count(file, "SELECT count(DISTINCT kind) FROM t"));
    }

    /** Issue 12: a foreign key a later migration declares already points at real parent rows. */
    @Test
    void aForeignKeyALaterMigrationDeclaresPointsAtRealParentRows() throws Exception {
        Path file = dir.resolve("later-fk.db");
        try (Connection c = Db.open(file); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL)");
        }
        DataFiller.seeded(5).rowsPerTable(6).linking(java.util.Set.of(new DataFiller.Link("child",
                List.of("parent_id"), "parent", List.of()))).fill(file);
        assertThat(Db.count(file, "SELECT count(*) FROM child")).isEqualTo(6);
        assertThat(Db.count(file, "SELECT count(*) FROM child WHERE parent_id NOT IN (SELECT id FROM parent)")).isZero();
    }

    /**
     * Issue 12: after a parent rebuild that renamed the parent away, SQLite left the child's key pointing at the
     * dropped table; the child's rows still point at real rows of the parent a migration declared, as a real
     * application's rows did (else every resume of the child's rebuild met orphans the generator invented).
     */
    @Test
    void aKeyRewrittenToADroppedTableFollowsTheDeclaredParent() throws Exception {
        Path m = Path.of(getClass().getResource("/cases/fk-violation-fixed-later/migrations").toURI());
        Path file = StateBuilder.forFolder(m).prefix(dir.resolve("rewritten.db"), 2);
        assertThat(Db.rows(file, "SELECT \"table\" FROM pragma_foreign_key_list('c')")).containsExactly("p_old");
        DataFiller.seeded(9).linking(java.util.Set.of(new DataFiller.Link("c", List.of("p_id"), "p", List.of("id"))))
                .fill(file);
        assertThat(Db.count(file, "SELECT count(*) FROM c")).isEqualTo(5);
        assertThat(Db.count(file, "SELECT count(*) FROM c WHERE p_id NOT IN (SELECT id FROM p)")).isZero();
    }
}
