package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration whose second statement fails. A syntax error is caught by the reference replay before anything is
 * opened for writing ({@link ErrorCode#REPLAY_FAILED}, file and line, bytes unchanged). A statement that is valid
 * but fails on the live data (a UNIQUE index over duplicates) fails in the live transaction: refused with file and
 * line, and the migration's first statement is rolled back with it.
 */
class MalformedSqlIT {
    @TempDir
    Path dir;

    private Path migrations(String second) throws Exception {
        Path folder = Fixtures.copyFolder(Fixtures.starpunkMigrations(), dir.resolve("migrations"));
        Files.writeString(folder.resolve("006_broken.sql"), "-- two statements; the second one fails\n"
                + "CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT);\n"
                + "\n"
                + second + ";\n");
        return folder;
    }

    @Test
    void aSyntaxErrorIsRefusedByTheReplayWithFileAndLineAndNothingChanges() throws Exception {
        Path folder = migrations("CREATE TABLEE broken (x)");
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 5);
        String sha = Fixtures.sha256(db);
        Converge converge = Converge.configure().database(db).migrations(folder).load();

        ConvergeException e = catchThrowableOfType(ConvergeException.class, converge::migrate);

        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.REPLAY_FAILED);
        assertThat(e.getMessage()).contains("006_broken.sql").contains("4");
        assertThat(e.file()).hasValueSatisfying(f -> assertThat(f).endsWith("006_broken.sql"));
        assertThat(e.line()).hasValue(4);
        assertThat(Fixtures.sha256(db)).as("the database's bytes").isEqualTo(sha);
    }

    @Test
    void aStatementFailingOnLiveDataRollsBackTheMigrationsEarlierStatements() throws Exception {
        Path folder = migrations("CREATE UNIQUE INDEX idx_sessions_one_per_me ON sessions(me)");
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 5);
        Fixtures.exec(db, "INSERT INTO sessions (session_token_hash, me, expires_at) VALUES"
                + " ('h1', 'https://same.example', '2030-01-01'), ('h2', 'https://same.example', '2030-01-01');");
        Snapshot before = Snapshot.of(db);

        ConvergeException e = catchThrowableOfType(ConvergeException.class,
                () -> Converge.configure().database(db).migrations(folder).load().migrate());

        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.file()).hasValueSatisfying(f -> assertThat(f).endsWith("006_broken.sql"));
        assertThat(e.line()).hasValue(4);
        assertThat(e.getMessage()).contains("006_broken.sql:4").contains("UNIQUE");
        Snapshot after = Snapshot.of(db);
        assertThat(after.sameState(before)).as("statement 1 (CREATE TABLE extra) rolled back:%s",
                after.differencesFrom(before)).isTrue();
        assertThat(after.healthy()).isTrue();
    }
}
