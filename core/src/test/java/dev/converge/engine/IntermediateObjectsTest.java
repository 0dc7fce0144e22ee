package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.converge.TestDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (a long property run, seed 6472717812582): completing a migration ran the RENAME of a table the same
 * migration creates first (absent before and after it), but not its CREATE, so the plan failed its rehearsal.
 */
class IntermediateObjectsTest {
    @TempDir
    Path dir;

    @Test
    void completingAMigrationRunsTheWholeLifeOfATableItCreatesAndRenames() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_t.sql", "CREATE TABLE t (a INTEGER);");
        files.put("002_search.sql", "CREATE TRIGGER t_guard BEFORE INSERT ON t WHEN NEW.a < 0\n"
                + "BEGIN\n  SELECT RAISE(ABORT, 'negative');\nEND;\n"
                + "CREATE VIRTUAL TABLE f10 USING fts5(body);\n"
                + "ALTER TABLE f10 RENAME TO f12;");
        Path db = dir.resolve("partial.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
            s.execute("CREATE TRIGGER t_guard BEFORE INSERT ON t WHEN NEW.a < 0\nBEGIN\n  SELECT RAISE(ABORT, 'negative');\nEND");
            s.execute("INSERT INTO t VALUES (1), (2)");
        }

        RunResult r = Converge.configure().database(db).migrations(MigrationSource.memory(files)).load().migrate();

        assertThat(r.done()).extracting(step -> step.name()).contains("002_search.sql");
        assertThat(rows(db, "SELECT name FROM sqlite_schema")).contains("f12", "t_guard", "t").doesNotContain("f10");
        assertThat(Converge.configure().database(db).migrations(MigrationSource.memory(files)).load().migrate()
                .fastPath()).isTrue();
    }
}
