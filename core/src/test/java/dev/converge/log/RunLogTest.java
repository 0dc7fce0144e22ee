package dev.converge.log;

import dev.converge.Converge;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code migrate} tells the application's log through {@code System.Logger} (java.util.logging here, the JDK's
 * default backend): INFO per step and one summary, WARNING for drift, tolerated future versions and allowed missing
 * files, DEBUG (JUL's FINE) for the rest.
 */
class RunLogTest {
    /** Held strongly: java.util.logging keeps loggers only weakly, and would forget the handler and level. */
    private static final Logger RUN_LOG = Logger.getLogger("dev.converge.RunLog");

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (records) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = RUN_LOG.getLevel();
        RUN_LOG.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        RUN_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        RUN_LOG.removeHandler(capture);
        RUN_LOG.setLevel(levelBefore);
    }

    private static Map<String, String> twoMigrations() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("001_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                + "CREATE INDEX notes_body ON notes(body);");
        files.put("002_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);");
        return files;
    }

    private Converge converge(Path db, Map<String, String> files) {
        return Converge.configure().database(db).migrations(MigrationSource.memory(files)).load();
    }

    private List<String> at(Level level) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLevel().equals(level)) {
                out.add(r.getMessage());
            }
        }
        return out;
    }

    private static void exec(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aRunLogsOneInfoLinePerMigrationAndOneSummaryAndTheStatementsAtDebug() {
        converge(dir.resolve("app.db"), twoMigrations()).migrate();

        assertThat(at(Level.INFO)).hasSize(3);
        assertThat(at(Level.INFO).get(0)).startsWith("migrating 1/2: 001_notes.sql (ABSENT");
        assertThat(at(Level.INFO).get(1)).startsWith("migrating 2/2: 002_tags.sql (ABSENT");
        assertThat(at(Level.INFO).get(2)).startsWith("converged: 2 step(s) committed in ");
        assertThat(at(Level.WARNING)).isEmpty();
        assertThat(at(Level.FINE)).contains("001_notes.sql: statement 2/2 (line 2) done",
                "002_tags.sql: recorded in history");
    }

    @Test
    void anUpToDateDatabaseLogsOnlyTheSummary() {
        Path db = dir.resolve("app.db");
        converge(db, twoMigrations()).migrate();
        records.clear();

        converge(db, twoMigrations()).migrate();

        assertThat(at(Level.INFO)).singleElement().asString().startsWith("up to date (history only, ");
        assertThat(at(Level.WARNING)).isEmpty();
    }

    @Test
    void aVersionRecordedByANewerReleaseIsAWarning() {
        Path db = dir.resolve("app.db");
        converge(db, twoMigrations()).migrate();
        Map<String, String> older = twoMigrations();
        older.remove("002_tags.sql");
        records.clear();

        converge(db, older).migrate();

        assertThat(at(Level.WARNING)).singleElement().asString().contains("2").contains("002_tags.sql");
        assertThat(at(Level.INFO)).hasSize(1);
    }

    @Test
    void aRecordedMigrationWhoseFileIsGoneIsAWarningWhenAllowed() {
        Path db = dir.resolve("app.db");
        converge(db, twoMigrations()).migrate();
        Map<String, String> withoutFirst = twoMigrations();
        withoutFirst.remove("001_notes.sql");
        records.clear();

        Converge.configure().database(db).migrations(MigrationSource.memory(withoutFirst)).allowMissing(true).load()
                .migrate();

        assertThat(at(Level.WARNING)).singleElement().asString()
                .contains("migration 1 (001_notes.sql) is recorded but has no file: allowed");
    }

    @Test
    void driftLeftAloneIsAWarningAndDriftRepairedAnInfoLine() throws Exception {
        Path db = dir.resolve("app.db");
        converge(db, twoMigrations()).migrate();
        exec(db, "DROP INDEX notes_body");
        exec(db, "CREATE INDEX notes_by_hand ON notes(id, body)");
        Map<String, String> three = twoMigrations(); // a new migration, so that the run looks beyond the fast path
        three.put("003_labels.sql", "CREATE TABLE labels (id INTEGER PRIMARY KEY);");
        records.clear();

        converge(db, three).migrate();

        assertThat(at(Level.WARNING)).singleElement().asString().contains("notes_by_hand")
                .contains("is not created by any migration: left alone");
        assertThat(at(Level.INFO)).contains("repairing drift 2/2: repair index notes_body, 1 statement(s)");
    }

    @Test
    void runsAreNotLoggedWhenTheCallerTurnsTheLogOff() {
        Converge.configure().database(dir.resolve("app.db")).migrations(MigrationSource.memory(twoMigrations()))
                .logRuns(false).load().migrate();

        assertThat(records).isEmpty();
    }
}
