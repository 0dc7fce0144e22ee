package dev.converge.apply;

import dev.converge.Converge;
import dev.converge.TestDatabases;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Installs 001 alone on {@code db}, in a run of its own. */
    private void installFirstMigration(Path migrations, Path db) throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(migrations.resolve("001_a.sql"), first.resolve("001_a.sql"));
        Converge.configure().database(db).migrations(first).logRuns(false).load().migrate();
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
        installFirstMigration(m, db);
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

    @Test
    void aFreshInstallCommitsOnceAtItsEnd() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("once.db");
        List<List<Long>> commits = new ArrayList<>();
        Converge.configure().database(db).migrations(m).logRuns(false)
                .listener(e -> {
                    if (e instanceof RunEvent.Committed c) {
                        commits.add(c.steps().stream().map(s -> s.version().value()).toList());
                    }
                })
                .load().migrate();
        assertThat(commits).containsExactly(List.of(1L, 2L));
    }

    @Test
    void aFreshInstallThatFailsPartWayLeavesTheDatabaseEmpty() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("failed.db");
        var converge = Converge.configure().database(db).migrations(m).logRuns(false)
                .listener(failAfterTheFirstStatementOf(2)).load();
        assertThatThrownBy(converge::migrate).isInstanceOf(ConvergeException.class);
        assertThat(objects(db)).isEmpty();
    }

    @Test
    void aLaterRunStillCommitsEachMigrationItRuns() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("later.db");
        installFirstMigration(m, db);
        Files.writeString(m.resolve("003_c.sql"), "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        var converge = Converge.configure().database(db).migrations(m).logRuns(false)
                .listener(failAfterTheFirstStatementOf(3)).load();
        assertThatThrownBy(converge::migrate).isInstanceOf(ConvergeException.class);
        assertThat(objects(db)).contains("a", "b", "b_id").doesNotContain("c");
    }

    private static RunListener failAfterTheFirstStatementOf(long version) {
        return e -> {
            if (e instanceof RunEvent.StatementExecuted s && s.step().version().value() == version) {
                throw new IllegalStateException("stopped in " + version);
            }
        };
    }

    /** The objects the database holds, its history table included. */
    private static List<String> objects(Path db) throws Exception {
        return TestDatabases.rows(db, "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite%'");
    }

    @Test
    void aFreshInstallIsVerifiedWholeBeforeItsOneCommit() throws Exception {
        Path m = migrations();
        Path db = dir.resolve("verified.db");
        List<Connection> opened = new ArrayList<>();
        SQLiteDataSource ds = new SQLiteDataSource() {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection c = super.getConnection();
                opened.add(c);
                return c;
            }
        };
        ds.setUrl("jdbc:sqlite:" + db);
        List<String> events = new ArrayList<>();
        Converge.configure().dataSource(ds).migrations(m).logRuns(false)
                .listener(e -> {
                    if (e instanceof RunEvent.Verified v) {
                        events.add("verified " + v.step().version().value());
                    } else if (e instanceof RunEvent.Committed) {
                        events.add("committed");
                    }
                })
                .load().migrate();
        assertThat(events).containsExactly("verified 1", "verified 2", "committed");

        // the same install, where something the replay did not do happens inside its transaction: nothing commits
        Path other = dir.resolve("diverged.db");
        ds.setUrl("jdbc:sqlite:" + other);
        var diverging = Converge.configure().dataSource(ds).migrations(m).logRuns(false)
                .listener(e -> {
                    if (e instanceof RunEvent.StatementExecuted s && s.step().version().value() == 2 && s.index() == 2) {
                        try (Statement st = opened.get(opened.size() - 1).createStatement()) {
                            st.execute("DROP INDEX b_id");
                        } catch (java.sql.SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                })
                .load();
        assertThatThrownBy(diverging::migrate).isInstanceOf(ConvergeException.class)
                .hasMessageContaining("does not verify against the reference").hasMessageContaining("b_id");
        assertThat(objects(other)).isEmpty();
    }
}
