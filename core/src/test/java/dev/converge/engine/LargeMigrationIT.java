package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunListener;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.LargeFile;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.converge.TestDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration file of {@link LargeFile#ABOVE_BYTES} or more is streamed, and migrates as a small one does: from empty,
 * and resumed after an interruption in the middle of a rebuild, where the runner runs a part of its statements (some
 * read again from the file, the copy among them) and the plan shows their real SQL. An IT: each case runs some 10,000
 * statements.
 */
class LargeMigrationIT {
    @TempDir
    Path dir;

    private static final String HASHES = "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER, extra TEXT);\n";
    private static final String DROP_EXTRA = """
            ALTER TABLE page_hash RENAME TO _page_hash_old;
            CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER);
            INSERT INTO page_hash (hash, size) SELECT hash, size FROM _page_hash_old;
            DROP TABLE _page_hash_old;
            CREATE TABLE bulk (id INTEGER PRIMARY KEY, v TEXT, padding TEXT);
            """;
    private static final String PADDING = "p".repeat(160); // fewer, longer statements: the test stays quick

    /** Writes the two migrations, the second with enough one-row INSERTs after the rebuild to be streamed. */
    private Path migrations() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("001_first.sql"), HASHES);
        StringBuilder sb = new StringBuilder(DROP_EXTRA);
        for (int i = 0; sb.length() < LargeFile.ABOVE_BYTES; i++) {
            sb.append("INSERT INTO bulk (id, v, padding) VALUES (").append(i).append(", 'row ").append(i).append("', '")
                    .append(PADDING).append("');\n");
        }
        Files.writeString(folder.resolve("002_second.sql"), sb);
        return folder;
    }

    private static long bulkRows(Path folder) throws IOException {
        return Files.readString(folder.resolve("002_second.sql")).lines().filter(l -> l.startsWith("INSERT INTO bulk"))
                .count();
    }

    @Test
    void aLargeMigrationIsStreamedAndRunsFromEmpty() throws Exception {
        Path folder = migrations();
        MigrationSet set = MigrationSource.folder(folder).load();
        assertThat(set.migrations().get(1).large()).as("the second file is streamed").isNotNull();
        assertThat(set.migrations().get(0).large()).as("the first is held").isNull();
        Path db = dir.resolve("t.db");

        Converge.configure().database(db).migrations(folder).load().migrate();

        assertThat(rows(db, "SELECT count(*) FROM bulk")).containsExactly(Long.toString(bulkRows(folder)));
        assertThat(rows(db, "SELECT checksum FROM schema_migrations ORDER BY version"))
                .containsExactly(set.migrations().get(0).checksum(), set.migrations().get(1).checksum());
    }

    @Test
    void aLargeRebuildInterruptedBeforeItsCopyResumesWithTheCopyReadFromTheFile() throws Exception {
        Path folder = migrations();
        Path db = dir.resolve("t.db");
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.writeString(first.resolve("001_first.sql"), HASHES);
        Converge.configure().database(db).migrations(first).load().migrate();
        sql(db, "INSERT INTO page_hash VALUES ('h0',0,'x'),('h1',1,'x'),('h2',2,'x')",
                "ALTER TABLE page_hash RENAME TO _page_hash_old",
                "CREATE TABLE page_hash (hash TEXT PRIMARY KEY, size INTEGER)");

        Plan plan = Converge.configure().database(db).migrations(folder).load().plan();
        assertThat(plan.detection().statuses().get(1).state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(plan.steps().get(1).statements()).extracting(Statement::isSketch).contains(true);
        assertThat(plan.sql()).contains("INSERT INTO page_hash (hash, size) SELECT hash, size FROM _page_hash_old",
                "INSERT INTO bulk (id, v, padding) VALUES (7, 'row 7', '" + PADDING + "')").noneMatch(s -> s.contains("..."));

        Converge.configure().database(db).migrations(folder).load().migrate();

        assertThat(rows(db, "SELECT hash || ':' || size FROM page_hash ORDER BY hash"))
                .containsExactly("h0:0", "h1:1", "h2:2");
        assertThat(rows(db, "SELECT count(*) FROM bulk")).containsExactly(Long.toString(bulkRows(folder)));
    }

    /** The run reads the file again to execute it: one edited after the replay is refused and nothing is committed. */
    @Test
    void aLargeFileEditedDuringTheRunIsRefusedBeforeItsStepCommits() throws Exception {
        Path folder = migrations();
        Path db = dir.resolve("t.db");
        Path second = folder.resolve("002_second.sql");
        RunListener edit = event -> {
            if (event instanceof RunEvent.StepStarted s && s.step().version() != null
                    && s.step().version().value() == 2) {
                try {
                    Files.writeString(second, Files.readString(second).replace("'row 9'", "'row 6'"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        ConvergeException e = catchThrowableOfType(ConvergeException.class,
                () -> Converge.configure().database(db).migrations(folder).listener(edit).load().migrate());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(second.toString(), "changed while Converge was running");
        // a first install commits once, at its end: neither 002's table nor 001's work stays
        assertThat(rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'bulk'")).containsExactly("0");
        assertThat(rows(db, "SELECT count(*) FROM sqlite_schema")).containsExactly("0");
    }

    /** lint reads the comments above a streamed file's statements too: a drop said to be meant is no warning. */
    @Test
    void lintReadsTheCommentsAboveTheStatementsOfALargeFile() throws Exception {
        for (String comment : List.of("-- the hashes are dropped on purpose\n", "-- gone\n")) {
            Path folder = migrations();
            Path second = folder.resolve("002_second.sql");
            Files.writeString(second, Files.readString(second) + comment + "DROP TABLE page_hash;\n");

            List<String> warnings = Converge.configure().migrations(folder).loadForLint().lint().findings().stream()
                    .filter(f -> f.severity() == LintReport.Severity.WARNING).map(LintReport.Finding::message).toList();

            if (comment.contains("on purpose")) {
                assertThat(warnings).as("with %s", comment).noneMatch(w -> w.contains("DROP TABLE page_hash"));
            } else {
                assertThat(warnings).as("with %s", comment).anyMatch(w -> w.contains("DROP TABLE page_hash"));
            }
        }
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }
}
