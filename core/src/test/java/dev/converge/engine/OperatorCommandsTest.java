package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.detect.MigrationState;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSource;
import dev.converge.source.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** mark, unmark, repair, and the refusals they get people out of. */
class OperatorCommandsTest {
    @TempDir
    Path dir;

    /** An empty database file (the history commands and plan never create one). */
    private Path newFile(String name) throws Exception {
        Path db = dir.resolve(name);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 0");
        }
        return db;
    }

    @Test
    void planAndTheHistoryCommandsNeverCreateADatabaseFile() {
        Path db = dir.resolve("none.db");
        Map<String, String> f = files("CREATE TABLE u (b TEXT);");
        assertThatThrownBy(() -> converge(db, f).plan())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_DATABASE);
                    assertThat(e.getMessage()).contains("none.db");
                });
        assertThatThrownBy(() -> converge(db, f).mark(Version.of(1))).isInstanceOf(ConvergeException.class);
        assertThat(db).doesNotExist();
    }

    private Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    private static Map<String, String> files(String second) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("001_t.sql", "CREATE TABLE t (a TEXT);");
        m.put("002_u.sql", second);
        return m;
    }

    @Test
    void anEditedAppliedMigrationIsRefusedWithBothChecksumsUntilRepaired() {
        Path db = dir.resolve("a.db");
        Map<String, String> original = files("CREATE TABLE u (b TEXT);");
        converge(db, original).migrate();
        Map<String, String> edited = files("CREATE TABLE u (b TEXT); -- reformatted");
        String oldSum = dev.converge.source.Checksum.of(original.get("002_u.sql"));
        String newSum = dev.converge.source.Checksum.of(edited.get("002_u.sql"));
        assertThatThrownBy(() -> converge(db, edited).migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.exitStatus()).isEqualTo(1);
                    assertThat(e.getMessage()).contains(oldSum).contains(newSum).contains("repair");
                });
        List<String> changes = converge(db, edited).repair();
        assertThat(changes).singleElement().asString().contains("002_u.sql").contains(newSum);
        assertThat(converge(db, edited).migrate().fastPath()).isTrue(); // repair changed history only: up to date
    }

    @Test
    void markRecordsWithoutRunningAndUnmarkForgets() throws Exception {
        Path db = newFile("b.db");
        Map<String, String> f = files("CREATE TABLE u (b TEXT);");
        converge(db, f).mark(Version.of(1));
        assertThat(converge(db, f).status().detection().state(1)).isEqualTo(MigrationState.APPLIED);
        // t was never created: 002 still runs, and the final check sees t missing -> marked means "trust me"
        assertThat(converge(db, f).unmark(Version.of(1))).isTrue();
        assertThat(converge(db, f).unmark(Version.of(1))).isFalse();
        assertThat(converge(db, f).status().detection().state(1)).isEqualTo(MigrationState.ABSENT);
        assertThatThrownBy(() -> converge(db, f).mark(Version.of(7)))
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
    }

    @Test
    void aMissingFileIsRefusedUnlessAllowed() {
        Path db = dir.resolve("c.db");
        converge(db, files("CREATE TABLE u (b TEXT);")).migrate();
        Map<String, String> onlyFirst = new LinkedHashMap<>();
        onlyFirst.put("001_t.sql", "CREATE TABLE t (a TEXT);");
        onlyFirst.put("003_v.sql", "CREATE TABLE v (c TEXT);");
        assertThatThrownBy(() -> converge(db, onlyFirst).migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_MIGRATION);
                    assertThat(e.getMessage()).contains("002_u.sql").contains("unmark");
                });
        Converge allowing = Converge.configure().database(db).migrations(MigrationSource.memory(onlyFirst))
                .allowMissing(true).load();
        assertThat(allowing.migrate().done()).extracting(s -> s.name()).contains("003_v.sql");
    }

    /** Regression: with missing files allowed, a second migrate() never took the fast path (idempotence). */
    @Test
    void aMissingFileAllowedStillLetsTheSecondRunTakeTheFastPath() {
        Path db = dir.resolve("c2.db");
        converge(db, files("CREATE TABLE u (b TEXT);")).migrate();
        Map<String, String> onlyFirst = new LinkedHashMap<>();
        onlyFirst.put("001_t.sql", "CREATE TABLE t (a TEXT);");
        onlyFirst.put("003_v.sql", "CREATE TABLE v (c TEXT);");
        Converge allowing = Converge.configure().database(db).migrations(MigrationSource.memory(onlyFirst))
                .allowMissing(true).load();
        allowing.migrate();

        var second = allowing.migrate();

        assertThat(second.fastPath()).isTrue();
        assertThat(second.notes()).anySatisfy(n -> assertThat(n).contains("migration 2", "002_u.sql", "allowed"));
        assertThatThrownBy(() -> converge(db, onlyFirst).migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_MIGRATION));
    }

    @Test
    void aFutureVersionIsToleratedUnlessRefused() {
        Path db = dir.resolve("d.db");
        converge(db, files("CREATE TABLE u (b TEXT);")).migrate();
        Map<String, String> older = new LinkedHashMap<>();
        older.put("001_t.sql", "CREATE TABLE t (a TEXT);");
        var tolerated = converge(db, older).migrate();
        assertThat(tolerated.unchanged()).isTrue();
        assertThat(tolerated.notes()).as("a future version is reported on the fast path too")
                .anySatisfy(n -> assertThat(n).contains("migration 2", "002_u.sql", "newer release"));
        assertThatThrownBy(() -> Converge.configure().database(db).migrations(MigrationSource.memory(older))
                .refuseFuture(true).load().migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FUTURE_VERSION));
    }

    /** Regression: migrate(plan) made a new plan and ran it, so a file edited after plan() ran its new SQL. */
    @Test
    void aPlanWhoseMigrationFileChangedSinceIsRefusedAndNothingRuns() throws Exception {
        Path db = newFile("edited.db");
        Map<String, String> f = files("CREATE TABLE u (b TEXT);");
        var plan = converge(db, f).plan();
        Map<String, String> edited = files("CREATE TABLE zzz (y TEXT);");

        assertThatThrownBy(() -> converge(db, edited).migrate(plan))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STALE_PLAN);
                    assertThat(e.getMessage()).contains("changed since the plan was made", "Nothing was changed");
                });
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name IN ('t', 'u', 'zzz')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables created by the refused run").isZero();
        }
        assertThat(converge(db, f).migrate(plan).done()).as("the unchanged files carry the plan out")
                .extracting(s -> s.name()).contains("002_u.sql");
    }

    /** Regression: unmark and repair on a database without history created the history table (changed the file). */
    @Test
    void unmarkAndRepairLeaveADatabaseWithoutHistoryUntouched() throws Exception {
        Path db = newFile("nohistory.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("CREATE TABLE t (a TEXT)");
        }
        byte[] before = java.nio.file.Files.readAllBytes(db);

        assertThat(converge(db, files("CREATE TABLE u (b TEXT);")).unmark(Version.of(1))).isFalse();
        assertThat(converge(db, files("CREATE TABLE u (b TEXT);")).repair()).isEmpty();

        assertThat(java.nio.file.Files.readAllBytes(db)).as("the database file's bytes").isEqualTo(before);
    }

    /** Regression: a migration creating the history table was run until it failed part-way (exit 3). */
    @Test
    void aMigrationThatTouchesTheHistoryTableIsRefusedBeforeAnythingRuns() throws Exception {
        Path db = newFile("owned.db");
        Map<String, String> f = files("CREATE TABLE Schema_Migrations (x);");

        assertThatThrownBy(() -> converge(db, f).migrate())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("002_u.sql:1", "touches the history table schema_migrations");
                    assertThat(e.line()).hasValue(1);
                });
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
            assertThat(rs.getInt(1)).as("objects in the database after the refusal").isZero();
        }
    }

    @Test
    void aStalePlanIsRefused() throws Exception {
        Path db = newFile("e.db");
        Map<String, String> f = files("CREATE TABLE u (b TEXT);");
        var plan = converge(db, f).plan();
        converge(db, f).migrate();
        assertThatThrownBy(() -> converge(db, f).migrate(plan))
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_PLAN));
    }
}
