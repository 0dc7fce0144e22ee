package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (issue 12): plan warned "drops table t holding N row(s)" for a rebuild's DROP right after its copy took
 * the rows out; the warning is for drops that lose rows.
 */
class DropAfterCopyTest {
    @TempDir
    Path dir;

    private static final String FIRST = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);";

    private Plan planWith(String second) throws Exception {
        Path db = dir.resolve("t.db");
        Map<String, String> one = new LinkedHashMap<>();
        one.put("001_t.sql", FIRST);
        Converge.configure().database(db).migrations(MigrationSource.memory(one)).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("INSERT INTO t (a, b) VALUES ('x', 'y'), ('z', 'w')");
        }
        Map<String, String> two = new LinkedHashMap<>(one);
        two.put("002_next.sql", second);
        return Converge.configure().database(db).migrations(MigrationSource.memory(two)).load().plan();
    }

    private static List<String> destructive(Plan p) {
        return p.steps().stream().flatMap((Step s) -> s.destructive().stream()).toList();
    }

    @Test
    void aDropRightAfterItsRowsWereCopiedIsNotDestructive() throws Exception {
        Plan p = planWith("CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT);\n"
                + "INSERT INTO t_new (id, a) SELECT id, a FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;");
        assertThat(p.refused()).as(p.toString()).isFalse();
        assertThat(destructive(p)).isEmpty();
    }

    @Test
    void aDropWithNoCopyIsStillDestructiveWithItsRowCount() throws Exception {
        Plan p = planWith("DROP TABLE t;");
        assertThat(destructive(p)).containsExactly("drops table t holding 2 row(s)");
    }
}
