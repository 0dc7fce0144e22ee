package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rename runs with legacy_alter_table ON only for tables a baseline made ahead of the migrations; a rebuild's own
 * t_new pointing at the table it replaces is not one (regression: long property run, seed 6946924164072 — the
 * self-reference of a rebuilt table was left pointing at the old name).
 */
class TablesAheadTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildResumedBeforeALaterRenameKeepsItsSelfReference() throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("001_create_table.sql", "CREATE TABLE t6 (c7 INTEGER PRIMARY KEY AUTOINCREMENT, c8 INT NOT NULL,"
                + " c10 INTEGER REFERENCES t6(c7)) STRICT;");
        set.put("002_rebuild_table.sql", "CREATE TABLE t6_new (c7 INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " c8 INTEGER NOT NULL, c10 INTEGER REFERENCES t6(c7)) STRICT;\n"
                + "DROP TABLE t6;\n"
                + "ALTER TABLE t6_new RENAME TO t6;");
        set.put("005_rename_table.sql", "ALTER TABLE t6 RENAME TO t16;");
        Path db = dir.resolve("t.db");
        Converge.configure().database(db).migrations(MigrationSource.memory(Map.of("001_create_table.sql",
                set.get("001_create_table.sql")))).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            // 002 interrupted after its second statement by a runner without transactions
            s.execute("CREATE TABLE t6_new (c7 INTEGER PRIMARY KEY AUTOINCREMENT, c8 INTEGER NOT NULL,"
                    + " c10 INTEGER REFERENCES t6(c7)) STRICT");
            s.execute("DROP TABLE t6");
        }

        Converge.configure().database(db).migrations(MigrationSource.memory(set)).load().migrate();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 't16'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("REFERENCES \"t16\"");
        }
    }
}
