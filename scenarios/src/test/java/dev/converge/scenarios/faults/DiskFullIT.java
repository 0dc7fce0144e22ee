package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.faults.Fixtures.Journal;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Disk full: Converge's connection has a {@code max_page_count} that migration 003 (1.6 MB of blobs) overruns.
 * The error names the migration and says the disk is full; nothing of 003 is kept, the migrations before it are (on
 * a first install, which commits once, nothing at all is); the file stays sound; with room again, the next run
 * converges.
 */
class DiskFullIT {
    private static final int MAX_PAGES = 60;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, from {1}")
    @CsvSource({"DELETE, empty", "WAL, empty", "DELETE, prefix2", "WAL, prefix2"})
    void aMigrationThatRunsOutOfPagesIsRolledBackAndNamed(Journal journal, String from) throws Exception {
        Path migrations = Fixtures.resource("diskfull");
        Path db = dir.resolve("app.db");
        if (from.equals("empty")) {
            Fixtures.emptyDatabase(db);
        } else {
            StateBuilder.forFolder(migrations).prefix(db, 2);
        }
        Fixtures.journal(db, journal);
        SQLiteDataSource ds = ReferenceRun.dataSource(db, 1);
        ds.setMaxPageCount(MAX_PAGES);

        ConvergeException e = catchThrowableOfType(ConvergeException.class,
                () -> Converge.configure().dataSource(ds).migrations(migrations).load().migrate());

        assertThat(e).as("migrate with %d pages at most", MAX_PAGES).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(e.getMessage()).contains("003_fill_blobs.sql").contains("the disk is full");
        assertThat(e.version()).hasValue(3);
        Snapshot after = Snapshot.of(db);
        assertThat(after.healthy()).as("%s %s", after.integrity(), after.foreignKeyViolations()).isTrue();
        if (from.equals("empty")) {
            // a first install commits once, at its end: the database stays as empty as it was
            try (Connection c = Fixtures.open(db)) {
                assertThat(Snapshot.rows(c, "SELECT name FROM sqlite_schema")).as("nothing kept").isEmpty();
            }
        } else {
            assertThat(after.recordedVersions()).containsExactly(1L, 2L);
            try (Connection c = Fixtures.open(db)) {
                assertThat(Snapshot.rows(c, "SELECT count(*) FROM blobs")).as("no row of 003 kept").containsExactly("0");
                assertThat(Snapshot.rows(c, "SELECT name FROM sqlite_schema WHERE name = 'idx_blobs_id_desc'"))
                        .as("no object of 003 kept").isEmpty();
                assertThat(Snapshot.rows(c, "SELECT body FROM notes")).as("001 kept").containsExactly("kept");
            }
        }

        Converge.configure().database(db).migrations(migrations).load().migrate();
        Snapshot end = Snapshot.of(db);
        assertThat(end.recordedVersions()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(end.healthy()).isTrue();
        try (Connection c = Fixtures.open(db)) {
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM blobs")).containsExactly("400");
        }
    }
}
