package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.faults.Fixtures.Journal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database whose pages are damaged (a b-tree page's cell pointers overwritten; the schema still reads) was migrated,
 * exit 0, and stayed corrupt. Now {@code migrate} and {@code plan} refuse it before any change with
 * {@link ErrorCode#NOT_A_DATABASE}, naming the file and SQLite's {@code quick_check} finding; the bytes are unchanged.
 * {@code integrityCheck(false)} skips the check; an up-to-date database takes the fast path without it.
 */
class CorruptDatabaseIT {
    @TempDir
    Path dir;

    /**
     * Starpunk at migration 2 with rows, then the cell pointers of a leaf page of a filled table overwritten: the first
     * such page (last first) whose damage SQLite's quick_check reports as a finding ("out of range") rather than
     * aborting on, so that the test does not depend on where the generated rows put each table.
     */
    private Path damaged(Journal journal) throws Exception {
        Path pristine = Fixtures.starpunkStates(1).prefix(dir.resolve("pristine.db"), 2);
        Fixtures.fill(pristine, 11, 150);
        Fixtures.journal(pristine, Journal.DELETE); // checkpointed: every page is in the file
        List<String> pages;
        try (Connection c = Fixtures.open(pristine)) {
            pages = Snapshot.rows(c, "SELECT pageno FROM dbstat WHERE pagetype = 'leaf' AND name"
                    + " NOT IN ('sqlite_schema', 'schema_migrations') AND name NOT LIKE 'sqlite_%'"
                    + " AND name IN (SELECT name FROM sqlite_schema WHERE type = 'table') ORDER BY pageno DESC");
        }
        Path db = dir.resolve("app.db");
        for (String page : pages) {
            java.nio.file.Files.copy(pristine, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            damagePage(db, Long.parseLong(page));
            try {
                Fixtures.journal(db, journal);
                // the check as Converge runs it (at most 5 findings), on a fresh connection, in the final journal mode
                try (Connection c = Fixtures.open(db)) {
                    List<String> findings = Snapshot.rows(c, "PRAGMA quick_check(5)");
                    if (String.join("\n", findings).contains("out of range")) {
                        return db;
                    }
                }
            } catch (java.sql.SQLException | AssertionError | RuntimeException e) {
                // quick_check (or the journal change) aborted on this page's damage: try another page
            }
        }
        throw new AssertionError("no leaf page whose damage quick_check reports: " + pages);
    }

    /** A page's cell pointers set out of range. */
    private static void damagePage(Path db, long page) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            int pageSize = 4096;
            f.seek((page - 1) * pageSize + 8);
            for (int i = 0; i < 32; i++) {
                f.write(0xff);
            }
        }
    }

    /** The last leaf page of an application table (found with SQLite's dbstat), its cell pointers set out of range. */
    private static void damageALeaf(Path db) throws Exception {
        long page;
        try (Connection c = Fixtures.open(db)) {
            page = Long.parseLong(Snapshot.rows(c, "SELECT max(pageno) FROM dbstat WHERE pagetype = 'leaf' AND name"
                    + " NOT IN ('sqlite_schema', 'schema_migrations') AND name NOT LIKE 'sqlite_%'"
                    + " AND name IN (SELECT name FROM sqlite_schema WHERE type = 'table')").get(0));
        }
        damagePage(db, page);
    }

    private static Converge.Builder converge(Path db) {
        return Converge.configure().database(db).migrations(Fixtures.starpunkMigrations());
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void aDamagedDatabaseIsRefusedBeforeAnyChange(Journal journal) throws Exception {
        Path db = damaged(journal);
        String sha = Fixtures.sha256(db);

        ConvergeException onMigrate = catchThrowableOfType(ConvergeException.class, () -> converge(db).load().migrate());
        ConvergeException onPlan = catchThrowableOfType(ConvergeException.class, () -> converge(db).load().plan());

        for (ConvergeException e : new ConvergeException[]{onMigrate, onPlan}) {
            assertThat(e).as("a damaged database with 3 migrations pending").isNotNull();
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.NOT_A_DATABASE);
            assertThat(e.exitStatus()).isEqualTo(1);
            assertThat(e.getMessage()).contains(db.toString()).contains("damaged").contains("quick_check found")
                    .contains("out of range").contains("Nothing was changed").contains("--skip-integrity-check");
            assertThat(e.file()).hasValue(db.toString());
        }
        assertThat(Fixtures.sha256(db)).as("the file's bytes").isEqualTo(sha);
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void theCheckCanBeSkippedAndTheFastPathNeverRunsIt(Journal journal) throws Exception {
        Path db = damaged(journal);

        ConvergeException skipped = catchThrowableOfType(ConvergeException.class,
                () -> converge(db).integrityCheck(false).load().plan());
        assertThat(skipped == null ? "" : skipped.getMessage()).as("plan without the check")
                .doesNotContain("quick_check");

        Path sound = Fixtures.starpunkStates(1).prefix(dir.resolve("sound.db"), 5);
        converge(sound).load().migrate();
        Fixtures.fill(sound, 3, 200);
        damageALeaf(sound);
        RunResult r = converge(sound).load().migrate();
        assertThat(r.fastPath()).as("an up-to-date database, even damaged, takes the fast path unchecked").isTrue();
    }
}
