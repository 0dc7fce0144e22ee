package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration's pragmas last until its end: the next migration runs with Converge's settings, in one run or the next. */
class MigrationPragmaTest {
    @TempDir
    Path dir;

    private static Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    private static String viewSql(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'av'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Regression: a {@code PRAGMA legacy_alter_table = ON} left on by one migration changed what a later RENAME did in
     * the replay (the view was not rewritten), so a database migrated in two runs was refused as off-target, and an
     * empty one ended with a view over a table that no longer exists.
     */
    @Test
    void legacyAlterTableSetByAMigrationDoesNotReachTheNextOne() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_a.sql", "CREATE TABLE a (x INTEGER);\nCREATE VIEW av AS SELECT x FROM a;");
        files.put("002_legacy.sql", "PRAGMA legacy_alter_table = ON;\nCREATE TABLE z (y);");
        Path twoRuns = dir.resolve("two-runs.db");
        converge(twoRuns, files).migrate();
        files.put("003_rename.sql", "ALTER TABLE a RENAME TO b;");

        RunResult later = converge(twoRuns, files).migrate();
        Path oneRun = dir.resolve("one-run.db");
        converge(oneRun, files).migrate();

        assertThat(later.done()).hasSize(1);
        assertThat(viewSql(twoRuns)).contains("\"b\"");
        assertThat(viewSql(oneRun)).isEqualTo(viewSql(twoRuns));
        assertThat(converge(oneRun, files).plan().hasWork()).isFalse();
    }
}
