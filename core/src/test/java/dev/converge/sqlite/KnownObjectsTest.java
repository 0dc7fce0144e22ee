package dev.converge.sqlite;

import dev.converge.PropertySeed;
import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Inspecting with a known schema (compare the stored CREATE text first, parse only what differs) must read exactly
 * what a full inspection reads: an object is reused only for its own unchanged catalogue row.
 */
class KnownObjectsTest {
    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        exec("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id))",
                "CREATE INDEX b_a ON b(a_id)",
                "CREATE VIEW names AS SELECT name FROM a");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private void exec(String... sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void anUnchangedSchemaIsTheKnownSchemaItselfAndComparesEmpty() {
        Schema known = SchemaInspector.inspect(db);
        Schema live = SchemaInspector.inspect(db, null, known);
        assertThat(live).isSameAs(known);
        assertThat(SchemaDiff.between(known, live)).isEmpty();
    }

    @Test
    void anAlteredTableIsParsedAgainAndItsDifferenceReported() throws SQLException {
        Schema known = SchemaInspector.inspect(db);
        exec("ALTER TABLE a ADD COLUMN extra TEXT");
        Schema live = SchemaInspector.inspect(db, null, known);
        assertThat(live).isEqualTo(SchemaInspector.inspect(db));
        assertThat(live.get(ObjectId.table("a")).orElseThrow()).isNotSameAs(known.get(ObjectId.table("a")).orElseThrow());
        assertThat(live.get(ObjectId.table("b")).orElseThrow()).isSameAs(known.get(ObjectId.table("b")).orElseThrow());
        List<Change> diff = SchemaDiff.between(known, live);
        assertThat(diff).extracting(Change::describe).singleElement().asString().contains("extra");
    }

    @Test
    void droppedAndAddedObjectsAreNotTakenFromTheKnownSchema() throws SQLException {
        Schema known = SchemaInspector.inspect(db);
        exec("DROP INDEX b_a", "CREATE INDEX b_a2 ON b(a_id)");
        Schema live = SchemaInspector.inspect(db, null, known);
        assertThat(live).isEqualTo(SchemaInspector.inspect(db));
        assertThat(live.contains(ObjectId.index("b_a"))).isFalse();
        assertThat(SchemaDiff.between(known, live)).extracting(Change::object)
                .containsExactlyInAnyOrder(ObjectId.index("b_a"), ObjectId.index("b_a2"));
    }

    @Test
    void theSameStructureSpelledDifferentlyIsParsedNotReused() throws SQLException {
        Schema known;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = other.createStatement()) {
            st.execute("CREATE TABLE a (id   INTEGER PRIMARY KEY,   name TEXT NOT NULL)");
            known = SchemaInspector.inspect(other);
        }
        Schema live = SchemaInspector.inspect(db, null, known);
        SchemaObject a = live.get(ObjectId.table("a")).orElseThrow();
        assertThat(a).isNotSameAs(known.get(ObjectId.table("a")).orElseThrow());
        assertThat(a.sql()).isEqualTo("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        assertThat(a.sameDefinition(known.get(ObjectId.table("a")).orElseThrow())).isTrue();
    }

    @Test
    void theHistoryTableIsLeftOutAsWithoutAKnownSchema() throws SQLException {
        Schema known = SchemaInspector.inspect(db);
        exec("CREATE TABLE converge_history (version INTEGER)");
        assertThat(SchemaInspector.inspect(db, "converge_history", known)).isSameAs(known);
    }

    @Test
    void inspectingWithAKnownSchemaReadsWhatAFullInspectionReads() {
        // known: the schema halfway through the build script, so some rows are unchanged and others differ
        qt().withFixedSeed(PropertySeed.seed()).withExamples(SchemaInspectorPropertiesTest.EXAMPLES)
                .forAll(SchemaInspectorPropertiesTest.builds()).checkAssert(b -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                 Statement st = c.createStatement()) {
                int half = b.script().size() / 2;
                for (String sql : b.script().subList(0, half)) {
                    st.execute(sql);
                }
                Schema halfway = SchemaInspector.inspect(c);
                for (String sql : b.script().subList(half, b.script().size())) {
                    st.execute(sql);
                }
                Schema full = SchemaInspector.inspect(c);
                Schema reused = SchemaInspector.inspect(c, null, halfway);
                assertThat(reused).as("with a known schema\n" + b).isEqualTo(full);
                assertThat(SchemaDiff.between(halfway, reused)).as("differences\n" + b)
                        .isEqualTo(SchemaDiff.between(halfway, full));
            } catch (SQLException e) {
                if (!SchemaInspectorPropertiesTest.refusedRenameInUniqueKey(e, b.script())) {
                    throw new AssertionError("SQLite refused the generated script\n" + b, e);
                }
                // a script SQLite itself refuses (see SchemaInspectorPropertiesTest) proves nothing here
            }
        });
    }
    @Test
    void textsThatDifferOnlyInANonAsciiCharacterAreParsedAgainOnAFile(@TempDir Path dir) throws SQLException {
        // the stored text is compared as UTF-8 bytes: one accented letter must still make the row differ
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("live.db"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"café\" (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'crème')");
            st.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY)");
            Schema known = SchemaInspector.inspect(c);
            assertThat(SchemaInspector.inspect(c, null, known)).isSameAs(known);
            st.execute("PRAGMA writable_schema = ON");
            st.execute("UPDATE sqlite_schema SET sql = replace(sql, 'crème', 'crèmé') WHERE name = 'café'");
            st.execute("PRAGMA writable_schema = OFF");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("live.db"))) {
            Schema full = SchemaInspector.inspect(c);
            Schema known = SchemaInspector.inspect(c, null, full);
            assertThat(known).isSameAs(full);
            Schema before;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:");
                 Statement st = other.createStatement()) {
                st.execute("CREATE TABLE \"café\" (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'crème')");
                st.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY)");
                before = SchemaInspector.inspect(other);
            }
            Schema live = SchemaInspector.inspect(c, null, before);
            assertThat(live).isEqualTo(full);
            assertThat(live.get(ObjectId.table("café")).orElseThrow().sql()).contains("'crèmé'");
            assertThat(live.get(ObjectId.table("plain")).orElseThrow())
                    .isSameAs(before.get(ObjectId.table("plain")).orElseThrow());
            assertThat(SchemaDiff.between(before, live)).extracting(Change::object)
                    .containsExactly(ObjectId.table("café"));
        }
    }

    @Test
    void aUtf16DatabaseIsMatchedByItsTextsAsAFullInspectionReadsThem(@TempDir Path dir) throws SQLException {
        // the bytes of a UTF-16 database are not UTF-8: its rows are compared as strings, and still reused
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("utf16.db"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA encoding = 'UTF-16le'");
            st.execute("CREATE TABLE \"naïve\" (id INTEGER PRIMARY KEY, label TEXT DEFAULT 'ü')");
            st.execute("CREATE INDEX naive_label ON \"naïve\"(label)");
            Schema known = SchemaInspector.inspect(c);
            assertThat(known.size()).isEqualTo(2);
            assertThat(SchemaInspector.inspect(c, null, known)).isSameAs(known);
            st.execute("ALTER TABLE \"naïve\" ADD COLUMN extra TEXT");
            Schema live = SchemaInspector.inspect(c, null, known);
            assertThat(live).isEqualTo(SchemaInspector.inspect(c));
            assertThat(live.get(ObjectId.index("naive_label")).orElseThrow())
                    .isSameAs(known.get(ObjectId.index("naive_label")).orElseThrow());
            assertThat(SchemaDiff.between(known, live)).extracting(Change::describe).singleElement().asString()
                    .contains("extra");
        }
    }
}
