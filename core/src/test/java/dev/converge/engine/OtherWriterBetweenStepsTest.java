package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunResult;
import dev.converge.source.Version;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner skips re-reading history between its own steps only while no other connection committed: a migration
 * another process records between two steps is noticed, never run a second time.
 */
class OtherWriterBetweenStepsTest {
    @TempDir
    Path dir;

    @Test
    void aMigrationAnotherConnectionAppliedBetweenTwoStepsIsNotRunAgain() throws Exception {
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);");
        Path db = dir.resolve("app.db");
        // 001 first, in a run of its own: a first install of every migration commits once, at its end, and holds the
        // write lock throughout (FreshInstall), so no other writer could come between its steps
        Converge.configure().database(db).migrations(migrations).logRuns(false).load().migrate();
        Files.writeString(migrations.resolve("002_b.sql"), "CREATE TABLE b (id INTEGER PRIMARY KEY);");
        // rows only: the schema_version check cannot notice it, only the history re-read can
        Files.writeString(migrations.resolve("003_seed.sql"), "INSERT INTO a (id) VALUES (3);");
        Files.writeString(migrations.resolve("004_d.sql"), "CREATE TABLE d (id INTEGER PRIMARY KEY);");
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        List<String> otherWrites = new ArrayList<>();
        RunResult r = Converge.configure().database(db).migrations(migrations).logRuns(false)
                .listener(e -> {
                    // between the commit of 002 and the write lock of 003: another process applies 003
                    if (e instanceof RunEvent.StepStarted s && s.step().version().equals(Version.of(3))
                            && otherWrites.isEmpty()) {
                        otherWrites.add("003");
                        try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement()) {
                            st.execute("INSERT INTO a (id) VALUES (3)");
                        } catch (SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                        Converge.configure().database(db).migrations(migrations).logRuns(false).load().mark(Version.of(3));
                    }
                })
                .load().migrate();

        assertThat(otherWrites).containsExactly("003");
        assertThat(r.done()).extracting(s -> s.version().value()).containsExactly(2L, 4L);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, how FROM schema_migrations ORDER BY version")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2));
            }
            assertThat(rows).containsExactly("1 executed", "2 executed", "3 marked", "4 executed");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM a")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the seed row, inserted once").isEqualTo(1);
        }
    }

    @Test
    void aRunWithNoOtherWriterRecordsEveryStepOnce() throws Exception {
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        for (int v = 1; v <= 30; v++) {
            Files.writeString(migrations.resolve(String.format("%03d_t.sql", v)),
                    "CREATE TABLE t" + v + " (id INTEGER PRIMARY KEY);\nCREATE INDEX t" + v + "_id ON t" + v + "(id);");
        }
        Path db = dir.resolve("app.db");
        RunResult r = Converge.configure().database(db).migrations(migrations).logRuns(false).load().migrate();
        assertThat(r.done()).hasSize(30);
        RunResult again = Converge.configure().database(db).migrations(migrations).logRuns(false).load().migrate();
        assertThat(again.fastPath()).isTrue();
    }
}
