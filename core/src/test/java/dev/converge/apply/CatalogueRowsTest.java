package dev.converge.apply;

import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One catalogue read gives each named object that stands, by type and case-insensitive name, and nothing else. */
class CatalogueRowsTest {
    @Test
    void readsTheNamedObjectsThatStandAndOnlyThem() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Notes (id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("CREATE INDEX notes_body ON Notes(body)");
            s.execute("CREATE VIEW v AS SELECT id FROM Notes");
            s.execute("CREATE TRIGGER t AFTER INSERT ON Notes BEGIN SELECT 1; END");
            s.execute("CREATE TABLE other (x)");
            Map<ObjectId, SchemaObject> rows = CatalogueRows.read(c, List.of(ObjectId.table("NOTES"),
                    ObjectId.index("Notes_Body"), ObjectId.view("v"), ObjectId.trigger("T"), ObjectId.table("gone"),
                    ObjectId.index("v")));
            assertThat(rows).containsOnlyKeys(ObjectId.table("notes"), ObjectId.index("notes_body"),
                    ObjectId.view("v"), ObjectId.trigger("t"));
            assertThat(rows.get(ObjectId.table("notes")).sql()).isEqualTo("CREATE TABLE Notes (id INTEGER PRIMARY KEY, body TEXT)");
            assertThat(rows.get(ObjectId.index("notes_body")).tableName()).isEqualToIgnoringCase("notes");
        }
    }

    @Test
    void moreNamesThanOneStatementTakesAreReadInChunks() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            List<ObjectId> ids = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                s.execute("CREATE TABLE t" + i + " (a)");
                ids.add(ObjectId.table("t" + i));
            }
            assertThat(CatalogueRows.read(c, ids)).hasSize(1200);
        }
    }
}
