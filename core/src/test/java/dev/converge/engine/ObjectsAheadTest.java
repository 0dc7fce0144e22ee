package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.detect.Reference;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Views and triggers that a baseline created ahead of the migrations still to run (DESIGN.md §6 prefix(k)+baseline). */
class ObjectsAheadTest {
    @TempDir
    Path dir;

    private static Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    /**
     * Regression: a view of migration 3 created early by a baseline (before its column exists) made migration 2's
     * ALTER TABLE … DROP COLUMN fail ("error in view"), and the plan was refused.
     */
    @Test
    void aViewCreatedBeforeItsColumnExistsIsPutAsideAndReMadeByItsMigration() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL, legacy TEXT);");
        Path db = dir.resolve("ahead.db");
        converge(db, files).migrate();
        files.put("002_drop_legacy.sql", "ALTER TABLE orders DROP COLUMN legacy;");
        files.put("003_discount.sql", "ALTER TABLE orders ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;\n"
                + "CREATE VIEW IF NOT EXISTS order_due AS SELECT id, total - discount AS due FROM orders;");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // the application's full schema, run with IF NOT EXISTS on the older database
            s.execute("CREATE VIEW IF NOT EXISTS order_due AS SELECT id, total - discount AS due FROM orders");
            s.execute("INSERT INTO orders (total, legacy) VALUES (100, 'x')");
        }

        Plan plan = converge(db, files).plan();
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.detection().ahead()).containsExactly(ObjectId.view("order_due"));
        Step first = plan.steps().stream().filter(st -> st.action() == Action.EXECUTE).findFirst().orElseThrow();
        assertThat(first.statements().get(0).text()).isEqualTo("DROP VIEW IF EXISTS \"order_due\"");

        RunResult r = converge(db, files).migrate();

        assertThat(r.done()).isNotEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Reference ref = Reference.replay(MigrationSource.memory(files).load());
            assertThat(SchemaDiff.between(ref.target(), SchemaInspector.inspect(c, "schema_migrations"))).isEmpty();
        }
    }
}
