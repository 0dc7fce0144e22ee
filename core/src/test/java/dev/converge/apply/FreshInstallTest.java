package dev.converge.apply;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rehearsal is left out only where it would repeat the reference's replay: an empty database, every migration. */
class FreshInstallTest {
    private static final Set<String> HISTORY = Set.of(Converge.DEFAULT_HISTORY_TABLE);

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);");
        Files.writeString(m.resolve("002_b.sql"), "CREATE TABLE b (id INTEGER PRIMARY KEY);\nCREATE INDEX b_id ON b(id);");
        return m;
    }

    private Plan status(Path db, Path migrations) {
        return Converge.configure().database(db).migrations(migrations).logRuns(false).load().status();
    }

    @Test
    void anEmptyDatabaseAndEveryMigrationWholeRepeatsTheReplay() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("empty.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("PRAGMA user_version = 1"); // the file exists, with no object
        }
        Plan plan = status(db, m);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(FreshInstall.repeatsTheReplay(c, plan, HISTORY)).isTrue();
        }
    }

    @Test
    void aDatabaseHoldingAnObjectOfItsOwnIsRehearsed() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        }
        Plan plan = status(db, m);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(FreshInstall.repeatsTheReplay(c, plan, HISTORY)).isFalse();
        }
    }

    @Test
    void aDatabaseWithSomeMigrationsAppliedIsRehearsed() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("half.db");
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(m.resolve("001_a.sql"), first.resolve("001_a.sql"));
        Converge.configure().database(db).migrations(first).logRuns(false).load().migrate();
        Plan plan = status(db, m);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(FreshInstall.repeatsTheReplay(c, plan, HISTORY)).isFalse();
        }
    }

    @Test
    void aFreshInstallStillRunsAndVerifiesEveryMigration() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("fresh.db");
        var r = Converge.configure().database(db).migrations(m).logRuns(false).load().migrate();
        assertThat(r.done()).hasSize(2);
        assertThat(status(db, m).hasWork()).isFalse();
    }
}
