package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.faults.Fixtures.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A WAL database on a real file system that is full, or mounted read-only (a tmpfs; needs root). On a full disk SQLite
 * cannot create the {@code -shm}: this was {@code SQLITE_IOERR_SHMSIZE} reported as "a bug in Converge" (exit 4); now
 * {@link ErrorCode#DISK_FULL} (exit 1), "the disk is full", the file named. On a read-only mount it was
 * "cannot open the database" (exit 2) without the file for every command; now {@code status} and {@code plan} read
 * it and {@code migrate} is refused as {@link ErrorCode#READ_ONLY} (exit 1) naming the file, in either journal mode
 * (with a rollback journal the refusal did not name the database). Nothing is changed.
 */
class FullOrReadOnlyMountIT {
    @TempDir
    Path dir;

    private static Path prepared(Path db) {
        return prepared(db, Journal.WAL);
    }

    private static Path prepared(Path db, Journal journal) {
        Fixtures.starpunkStates(1).prefix(db, 2);
        Fixtures.fill(db, 7, 50);
        Fixtures.journal(db, journal);
        return db;
    }

    private static Converge converge(Path db) {
        return Converge.configure().database(db).migrations(Fixtures.starpunkMigrations()).load();
    }

    @Test
    void aWalDatabaseOnAFullDiskIsRefusedAsDiskFull() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 600)) {
            Path db = prepared(dir.resolve("disk/app.db"));
            disk.fill("filler");
            String sha = Fixtures.sha256(db);
            Converge converge = converge(db);

            for (Runnable command : List.<Runnable>of(converge::migrate, converge::status)) {
                ConvergeException e = catchThrowableOfType(ConvergeException.class, command::run);

                assertThat(e).as("a command on a full disk").isNotNull();
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.DISK_FULL);
                assertThat(e.exitStatus()).isEqualTo(1);
                assertThat(e.getMessage()).contains(db.toString()).contains("the disk is full");
                assertThat(e.file()).hasValue(db.toString());
            }
            assertThat(Fixtures.sha256(db)).as("the file's bytes").isEqualTo(sha);
            // SQLite leaves the -wal and -shm it opened: an empty -wal holds nothing to lose
            Path wal = db.resolveSibling("app.db-wal");
            assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the -wal holds no page").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void aDatabaseOnAReadOnlyMountIsReadButNotMigrated(Journal journal) throws Exception {
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("ro"), 4096)) {
            Path db = prepared(dir.resolve("ro/app.db"), journal);
            String sha = Fixtures.sha256(db);
            disk.remountReadOnly();
            Converge converge = converge(db);

            Plan status = converge.status();
            Plan plan = converge.plan();
            ConvergeException e = catchThrowableOfType(ConvergeException.class, converge::migrate);

            for (Plan p : List.of(status, plan)) {
                assertThat(p.refused()).as("%s", p.problems()).isFalse();
                assertThat(p.detection().state(0)).isEqualTo(MigrationState.APPLIED);
                assertThat(p.detection().state(5)).isEqualTo(MigrationState.ABSENT);
            }
            assertThat(e).as("migrate on a read-only mount with work to do").isNotNull();
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.READ_ONLY);
            assertThat(e.exitStatus()).isEqualTo(1);
            assertThat(e.getMessage()).contains(db.toString()).contains("read-only").contains("Nothing was changed");
            assertThat(Fixtures.sha256(db)).as("the file's bytes").isEqualTo(sha);
        }
    }
}
