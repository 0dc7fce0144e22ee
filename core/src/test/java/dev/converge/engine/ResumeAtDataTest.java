package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.converge.TestDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An interruption that several statement points fit equally (data statements change no schema) is placed where no
 * data statement that may not have run is skipped, and no plan drops rows a migration would have kept
 * (shared case resume-rebuild-before-copy: five rows were lost).
 */
class ResumeAtDataTest {
    @TempDir
    Path dir;

    private static final String HASHES = "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER, extra TEXT);";
    private static final String DROP_EXTRA = """
            ALTER TABLE page_hash RENAME TO _page_hash_old;
            CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER);
            INSERT INTO page_hash (hash, size) SELECT hash, size FROM _page_hash_old;
            DROP TABLE _page_hash_old;
            """;

    @Test
    void aRebuildInterruptedBeforeItsCopyKeepsEveryRow() throws Exception {
        Path db = dir.resolve("t.db");
        Map<String, String> set = set(HASHES, DROP_EXTRA);
        converge(db, Map.of("001_first.sql", HASHES)).migrate();
        sql(db, "INSERT INTO page_hash VALUES ('h0',0,'x'),('h1',1,'x'),('h2',2,'x'),('h3',3,'x'),('h4',4,'x')",
                "ALTER TABLE page_hash RENAME TO _page_hash_old",
                "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER)");

        Plan plan = converge(db, set).plan();
        assertThat(plan.detection().statuses().get(1).state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(plan.sql()).anyMatch(s -> s.startsWith("INSERT INTO page_hash"));
        assertThat(plan.steps().get(1).destructive()).isEmpty(); // the drop follows the run's own copy

        converge(db, set).migrate();
        assertThat(rows(db, "SELECT hash || ':' || size FROM page_hash ORDER BY hash"))
                .containsExactly("h0:0", "h1:1", "h2:2", "h3:3", "h4:4");
    }

    @Test
    void aRebuildInterruptedAfterItsCopyDoesNotCopyTwice() throws Exception {
        Path db = dir.resolve("t.db");
        Map<String, String> set = set(HASHES, DROP_EXTRA);
        converge(db, Map.of("001_first.sql", HASHES)).migrate();
        sql(db, "INSERT INTO page_hash VALUES ('h0',0,'x'),('h1',1,'x')",
                "ALTER TABLE page_hash RENAME TO _page_hash_old",
                "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER)",
                "INSERT INTO page_hash (hash, size) SELECT hash, size FROM _page_hash_old");

        assertThat(converge(db, set).plan().sql()).noneMatch(s -> s.startsWith("INSERT INTO page_hash"));
        converge(db, set).migrate();
        assertThat(rows(db, "SELECT hash FROM page_hash ORDER BY hash")).containsExactly("h0", "h1");
        assertThat(rows(db, "SELECT name FROM sqlite_schema WHERE name = '_page_hash_old'")).isEmpty();
    }

    /**
     * Found by {@code converge verify} on a long golang-migrate history: a table made ahead by a full-schema script and
     * filled by the application "showed" that the seed into it had run, the seed was skipped, and the join that read
     * it kept one of two rows. An {@code INSERT OR IGNORE} into a key it writes is safe to repeat: it runs again.
     */
    @Test
    void aSeedSafeToRepeatRunsAgainThoughItsTargetAlreadyHoldsRows() throws Exception {
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE note_tags (note_id INTEGER NOT NULL, tag TEXT NOT NULL);";
        String second = """
                CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                INSERT OR IGNORE INTO tags (name) SELECT DISTINCT tag FROM note_tags;
                ALTER TABLE note_tags RENAME TO note_tags_v1;
                CREATE TABLE note_tags (note_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, PRIMARY KEY (note_id, tag_id));
                INSERT INTO note_tags (note_id, tag_id) SELECT v.note_id, t.id FROM note_tags_v1 v JOIN tags t ON t.name = v.tag;
                DROP TABLE note_tags_v1;
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        sql(db, "INSERT INTO note_tags VALUES (1, 'work'), (2, 'home')",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", // made ahead
                "INSERT INTO tags (name) VALUES ('work')"); // and written by the application

        Plan plan = converge(db, set(first, second)).plan();
        assertThat(plan.sql()).anyMatch(s -> s.startsWith("INSERT OR IGNORE INTO tags"));
        converge(db, set(first, second)).migrate();
        assertThat(rows(db, "SELECT t.name FROM note_tags n JOIN tags t ON t.id = n.tag_id ORDER BY n.note_id"))
                .containsExactly("work", "home");
    }

    /** A repeat would bring back rows a later statement of the migration changed: it is not repeated. */
    @Test
    void anInsertOrIgnoreWhoseRowsALaterStatementChangedIsNotRepeated() throws Exception {
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE src (v TEXT);";
        String second = """
                CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                INSERT OR IGNORE INTO tags (name) SELECT v FROM src;
                UPDATE tags SET name = lower(name);
                CREATE INDEX tags_name ON tags (name);
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        sql(db, "INSERT INTO src VALUES ('Work'), ('Home')",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                "INSERT OR IGNORE INTO tags (name) SELECT v FROM src",
                "UPDATE tags SET name = lower(name)");

        converge(db, set(first, second)).migrate();
        assertThat(rows(db, "SELECT name FROM tags ORDER BY name")).containsExactly("home", "work");
    }

    /** Without a key that refuses repeats, an INSERT OR IGNORE would insert its rows twice: it is not repeated. */
    @Test
    void anInsertOrIgnoreWithoutAKeyItWritesIsNotRepeated() throws Exception {
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE src (v TEXT);";
        String second = """
                CREATE TABLE log (id INTEGER PRIMARY KEY, v TEXT);
                INSERT OR IGNORE INTO log (v) SELECT v FROM src;
                CREATE INDEX log_v ON log (v);
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        sql(db, "INSERT INTO src VALUES ('a'), ('b')",
                "CREATE TABLE log (id INTEGER PRIMARY KEY, v TEXT)",
                "INSERT OR IGNORE INTO log (v) SELECT v FROM src");

        converge(db, set(first, second)).migrate();
        assertThat(rows(db, "SELECT v FROM log ORDER BY v")).containsExactly("a", "b");
    }

    @Test
    void aBackfillAfterAddColumnRunsAgainWhenInterruptedBetweenThem() throws Exception {
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT);";
        String second = """
                ALTER TABLE u ADD COLUMN display TEXT;
                UPDATE u SET display = upper(name);
                CREATE INDEX u_display ON u (display);
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        sql(db, "INSERT INTO u (name) VALUES ('ann'), ('bob')", "ALTER TABLE u ADD COLUMN display TEXT");

        converge(db, set(first, second)).migrate();
        assertThat(rows(db, "SELECT display FROM u ORDER BY id")).containsExactly("ANN", "BOB");
    }

    @Test
    void aPlanThatWouldSkipTheCopyOutOfATableHoldingRowsIsRefused() throws Exception {
        // the copy reads the old table through a view the state no longer matches: whatever the reading, never drop rows
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE keep (id INTEGER PRIMARY KEY);";
        String second = """
                CREATE TABLE a_new (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT '');
                INSERT INTO a_new (id, v) SELECT id, coalesce(v, '') FROM a;
                DROP TABLE a;
                ALTER TABLE a_new RENAME TO a;
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        // an operator already made a_new and filled it half-way, then removed the history row of nothing: rows on both sides
        sql(db, "INSERT INTO a VALUES (1, 'x'), (2, NULL)",
                "CREATE TABLE a_new (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT '')",
                "INSERT INTO a_new VALUES (1, 'x')");
        List<String> before = rows(db, "SELECT id FROM a ORDER BY id");
        try {
            converge(db, set(first, second)).migrate();
        } catch (ConvergeException e) {
            assertThat(e.code()).isNotEqualTo(ErrorCode.STOPPED_PART_WAY);
        }
        // either it converged with every row of a, or it changed nothing
        List<String> after = rows(db, "SELECT id FROM a ORDER BY id");
        assertThat(after).containsAll(before);
    }

    @Test
    void aSeedInterruptedAmongItsInsertsIsNotInsertedTwice() throws Exception {
        // EF Core's InsertData writes one INSERT per row: the schema cannot show how many ran (efcore half-applied(3, 3))
        String first = "CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT);";
        String second = """
                CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO tags (id, name) VALUES (1, 'general');
                INSERT INTO tags (id, name) VALUES (2, 'news');
                CREATE UNIQUE INDEX tags_name ON tags (name);
                """;
        for (int ran = 0; ran <= 2; ran++) {
            Path db = dir.resolve("seed-" + ran + ".db");
            converge(db, Map.of("001_first.sql", first)).migrate();
            sql(db, "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            if (ran >= 1) {
                sql(db, "INSERT INTO tags (id, name) VALUES (1, 'general')");
            }
            if (ran >= 2) {
                sql(db, "INSERT INTO tags (id, name) VALUES (2, 'news')");
            }
            Plan plan = converge(db, set(first, second)).plan();
            assertThat(plan.steps().get(1).tried()).as("after %d insert(s)", ran)
                    .extracting(st -> st.text().substring(0, 11)).containsExactly("INSERT INTO", "INSERT INTO");

            converge(db, set(first, second)).migrate();
            assertThat(rows(db, "SELECT id || ':' || name FROM tags ORDER BY id")).as("after %d insert(s)", ran)
                    .containsExactly("1:general", "2:news");
        }
    }

    @Test
    void aTriedStatementThatFailsForAnotherReasonStillFails() throws Exception {
        // only a constraint refusing the rows means they are there: any other error stops the run as before
        Path db = dir.resolve("t.db");
        String first = "CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT);";
        String second = """
                CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO tags (id, name) SELECT id, abs(id) FROM u;
                CREATE UNIQUE INDEX tags_name ON tags (name);
                """;
        converge(db, Map.of("001_first.sql", first)).migrate();
        sql(db, "INSERT INTO u VALUES (-9223372036854775808, 'min')",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        assertThat(converge(db, set(first, second)).plan().steps().get(1).tried()).hasSize(1);
        assertThatThrownBy(() -> converge(db, set(first, second)).migrate())
                .isInstanceOf(ConvergeException.class).hasMessageContaining("integer overflow");
        assertThat(rows(db, "SELECT count(*) FROM tags")).containsExactly("0");
    }

    private Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    private static Map<String, String> set(String first, String second) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("001_first.sql", first);
        m.put("002_second.sql", second);
        return m;
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }
}
