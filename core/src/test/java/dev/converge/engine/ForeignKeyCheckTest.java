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

/** The runner's foreign-key check fails a migration only for violations it made (DESIGN.md §4 step 6). */
class ForeignKeyCheckTest {
    @TempDir
    Path dir;

    private static Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    private static void exec(Path db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Regression: renaming a table that already held violations reported them as new under its new name. */
    @Test
    void violationsATableAlreadyHadAreNotNewAfterItIsRenamed() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE ledger (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts(id));");
        Path db = dir.resolve("fk.db");
        converge(db, files).migrate();
        exec(db, "INSERT INTO ledger (account_id) VALUES (42)"); // foreign_keys is off by default: a stale row
        files.put("002_rename_ledger.sql", "ALTER TABLE ledger RENAME TO entries;");

        RunResult r = converge(db, files).migrate();

        assertThat(r.done()).hasSize(1);
        assertThat(count(db, "SELECT count(*) FROM pragma_foreign_key_check('entries')")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM schema_migrations")).isEqualTo(2);
    }
}
