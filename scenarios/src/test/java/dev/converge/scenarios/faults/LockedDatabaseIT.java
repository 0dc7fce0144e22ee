package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.faults.Fixtures.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Another process holds the database: a writer ({@code BEGIN IMMEDIATE}) in either journal mode, or a reader in
 * rollback-journal mode (its SHARED lock blocks the COMMIT). Held longer than the lock timeout, Converge gives up
 * with {@link ErrorCode#LOCKED} saying so, and nothing changed; released within it, Converge waits and succeeds.
 * In WAL mode a reader blocks nobody.
 */
class LockedDatabaseIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private Path database(Journal journal) {
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 2);
        Fixtures.fill(db, 11, 100);
        Fixtures.journal(db, journal);
        return db;
    }

    private static Converge converge(Path db, Duration lockTimeout) {
        return Converge.configure().dataSource(ReferenceRun.dataSource(db, 1)).migrations(Fixtures.starpunkMigrations())
                .lockTimeout(lockTimeout).load();
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void aWriterHoldingTheLockLongerThanTheTimeoutIsReportedAndNothingChanges(Journal journal) throws Exception {
        assertLockedBy(database(journal), "write");
    }

    @Test
    void aReaderInRollbackJournalModeBlocksTheCommitAndNothingChanges() throws Exception {
        assertLockedBy(database(Journal.DELETE), "read");
    }

    private void assertLockedBy(Path db, String lock) throws Exception {
        Snapshot before = Snapshot.of(db);
        ConvergeException e;
        long waited;
        try (ChildJvm holder = ChildJvm.start(List.of("hold", db.toString(), lock, "20000"))) {
            assertThat(holder.awaitLine("HELD", 60_000)).as(holder.output()).isTrue();
            long t0 = System.nanoTime();
            e = catchThrowableOfType(ConvergeException.class, () -> converge(db, TIMEOUT).migrate());
            waited = (System.nanoTime() - t0) / 1_000_000;
            assertThat(holder.lines()).as("the holder still held its lock when Converge gave up").doesNotContain("RELEASED");
        }
        assertThat(e).as("migrate against a held %s lock", lock).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.LOCKED);
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.getMessage()).contains("locked by another process");
        assertThat(waited).as("waited the lock timeout before giving up").isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 50);
        Snapshot after = Snapshot.of(db);
        assertThat(after.sameState(before)).as("nothing changed:%s", after.differencesFrom(before)).isTrue();
        assertThat(after.healthy()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void aLockReleasedWithinTheTimeoutIsWaitedFor(Journal journal) throws Exception {
        Path db = database(journal);
        RunResult r;
        try (ChildJvm holder = ChildJvm.start(List.of("hold", db.toString(), "write", "1500"))) {
            assertThat(holder.awaitLine("HELD", 60_000)).as(holder.output()).isTrue();
            r = converge(db, Duration.ofSeconds(30)).migrate();
            assertThat(holder.waitFor()).as(holder.output()).isZero();
        }
        assertThat(r.done()).isNotEmpty();
        assertThat(ReferenceRun.schemaDiff(db, Fixtures.starpunkSchema())).isEmpty();
    }

    @Test
    void aReaderInWalModeBlocksNobody() throws Exception {
        Path db = database(Journal.WAL);
        try (ChildJvm holder = ChildJvm.start(List.of("hold", db.toString(), "read", "20000"))) {
            assertThat(holder.awaitLine("HELD", 60_000)).as(holder.output()).isTrue();
            RunResult r = converge(db, TIMEOUT).migrate();
            assertThat(r.done()).isNotEmpty();
            assertThat(holder.lines()).doesNotContain("RELEASED");
        }
        assertThat(ReferenceRun.schemaDiff(db, Fixtures.starpunkSchema())).isEmpty();
        assertThat(Snapshot.of(db).healthy()).isTrue();
    }
}
