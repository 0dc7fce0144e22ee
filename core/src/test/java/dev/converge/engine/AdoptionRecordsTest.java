package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adopting a database built by the full-schema script (no history): every migration is recorded as detected, in one
 * transaction, through one prepared insert, each row with the {@code schema_version} the catalogue had when it was
 * written — read once for the steps that execute nothing, and again after any step that executes statements.
 */
class AdoptionRecordsTest {
    private static final int MIGRATIONS = 12;

    @TempDir
    Path dir;

    /** Migration k creates table t_k; every third adds a column to an earlier table; every fourth an index. */
    private Path writeMigrations(Path folder) throws Exception {
        Files.createDirectories(folder);
        for (int k = 1; k <= MIGRATIONS; k++) {
            StringBuilder sql = new StringBuilder("CREATE TABLE t_" + k + " (id INTEGER PRIMARY KEY, c1 TEXT);\n");
            if (k % 3 == 0) {
                sql.append("ALTER TABLE t_").append(k - 1).append(" ADD COLUMN extra_").append(k).append(" TEXT;\n");
            }
            if (k % 4 == 0) {
                sql.append("CREATE INDEX t_").append(k).append("_by_c1 ON t_").append(k).append(" (c1);\n");
            }
            Files.writeString(folder.resolve(String.format("%03d_t_%d.sql", k, k)), sql.toString());
        }
        return folder;
    }

    /** The full-schema script: the migrations replayed on {@code :memory:}, their CREATE texts read back. */
    private static Path buildFullSchema(Path folder, Path db, int upTo) throws Exception {
        List<String> creates = new ArrayList<>();
        try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = mem.createStatement()) {
            try (var files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    if (Integer.parseInt(f.getFileName().toString().substring(0, 3)) > upTo) {
                        continue;
                    }
                    for (String st : Files.readString(f).split(";\n")) {
                        if (!st.isBlank()) {
                            s.execute(st);
                        }
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")) {
                while (rs.next()) {
                    creates.add(rs.getString(1));
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String create : creates) {
                s.execute(create);
            }
        }
        return db;
    }

    /** version → {how, schema_version} of every history row. */
    private static Map<Long, String> rows(Path db) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, how, schema_version FROM schema_migrations ORDER BY version")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2) + " @" + rs.getLong(3));
            }
        }
        return out;
    }

    private static long schemaVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anExactFullSchemaDatabaseIsAdoptedWithEveryMigrationDetectedAtTheSchemaVersionItHas() throws Exception {
        Path folder = writeMigrations(dir.resolve("migrations"));
        Path cache = dir.resolve("cache");
        for (String how : List.of("replaying", "compiled")) { // the first run writes the compiled reference
            Reference.clearCache();
            Path db = buildFullSchema(folder, dir.resolve(how + ".db"), MIGRATIONS);
            RunResult r = Converge.configure().database(db).migrations(folder).referenceCache(cache).logRuns(false)
                    .load().migrate();

            assertThat(r.done()).as(how).hasSize(MIGRATIONS);
            long sv = schemaVersion(db);
            Map<Long, String> rows = rows(db);
            assertThat(rows).as(how).hasSize(MIGRATIONS);
            // every row, not only the newest (which the final check would stamp): a stale read shows on the others
            assertThat(rows.values()).as(how).containsOnly("detected @" + sv);
            Reference.clearCache();
            assertThat(Converge.configure().database(db).migrations(folder).referenceCache(cache).logRuns(false)
                    .load().migrate().fastPath()).as(how + ": the next start is up to date").isTrue();
        }
        assertThat(Files.list(cache).toList()).hasSize(1);
    }

    @Test
    void detectedRowsAfterAnExecutedMigrationRecordTheSchemaVersionItLeft() throws Exception {
        Path folder = writeMigrations(dir.resolve("migrations"));
        // 001..012 present, then 013 to run and 014..016 absent-but-their-tables-... built: present too
        for (int k = MIGRATIONS + 1; k <= MIGRATIONS + 4; k++) {
            Files.writeString(folder.resolve(String.format("%03d_late_%d.sql", k, k)),
                    "CREATE TABLE late_" + k + " (id INTEGER PRIMARY KEY);\n");
        }
        Path built = buildFullSchema(folder, dir.resolve("built.db"), MIGRATIONS + 4);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + built.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE late_" + (MIGRATIONS + 1)); // 013 was never applied: it runs; the rest are there
        }
        long before = schemaVersion(built);

        RunResult r = Converge.configure().database(built).migrations(folder).logRuns(false).load().migrate();

        assertThat(r.done()).hasSize(MIGRATIONS + 4);
        long after = schemaVersion(built);
        assertThat(after).as("013 ran: the schema moved").isGreaterThan(before + 1);
        Map<Long, String> rows = rows(built);
        assertThat(rows.get((long) MIGRATIONS + 1)).isEqualTo("executed @" + after);
        for (long v = MIGRATIONS + 2; v <= MIGRATIONS + 4; v++) {
            assertThat(rows.get(v)).as("migration %d, detected after 013 ran", v).isEqualTo("detected @" + after);
        }
        for (long v = 1; v <= MIGRATIONS; v++) {
            assertThat(rows.get(v)).as("migration %d, detected before 013 ran", v).startsWith("detected @")
                    .isNotEqualTo("detected @" + after);
        }
        assertThat(rows.values().stream().filter(x -> x.startsWith("detected")).map(x -> x.substring(x.indexOf('@')))
                .distinct().count()).as("one schema_version before 013, one after it").isEqualTo(2);
    }
}
