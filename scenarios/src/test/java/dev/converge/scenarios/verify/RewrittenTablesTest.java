package dev.converge.scenarios.verify;

import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tables "nothing lost" does not judge by name, from the migration set alone. */
class RewrittenTablesTest {

    private static MigrationSet set(String... nameThenSql) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            files.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return MigrationSource.memory(files).load();
    }

    /** Regression: a table a migration drops and creates afresh lost its rows by design, and verify called it a loss. */
    @Test
    void aTableDroppedAndCreatedAfreshIsNotJudgedByName() {
        MigrationSet s = set(
                "001_audit.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);",
                "002_new_audit.sql", "DROP TABLE audit;\nCREATE TABLE audit (id INTEGER PRIMARY KEY, entity TEXT NOT NULL);");
        assertThat(Verifier.rewrittenTables(s)).containsExactly("audit");
    }

    @Test
    void aRebuildKeepsItsTableJudged() {
        MigrationSet s = set(
                "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);",
                "002_rebuild.sql", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n"
                        + "INSERT INTO t_new (id, a) SELECT id, coalesce(a, '') FROM t;\n"
                        + "DROP TABLE t;\n"
                        + "ALTER TABLE t_new RENAME TO t;",
                "003_again.sql", "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');");
        assertThat(Verifier.rewrittenTables(s)).containsExactly("t_new");
    }
}
