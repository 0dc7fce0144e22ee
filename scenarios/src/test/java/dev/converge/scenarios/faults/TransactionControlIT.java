package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration file that takes transaction control for itself (or VACUUMs, attaches, or switches the journal) would
 * break one-transaction-per-migration. It is refused when the set is loaded for {@code plan} or {@code migrate},
 * with {@link ErrorCode#BAD_SQL}, the file and the line, and the database is not touched. A trigger's
 * {@code BEGIN … END} and a {@code CASE … END} are not transaction control: that file runs.
 */
class TransactionControlIT {
    private static final int LINE = 4;

    @TempDir
    Path dir;

    private Path migrations(String statement) throws Exception {
        Path folder = Fixtures.copyFolder(Fixtures.starpunkMigrations(), dir.resolve("migrations"));
        Files.writeString(folder.resolve("006_take_control.sql"), "-- a pending migration\n"
                + "CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT);\n"
                + "\n"
                + statement + ";\n"
                + "CREATE INDEX idx_extra_note ON extra(note);\n");
        return folder;
    }

    private Path database() {
        return Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "BEGIN IMMEDIATE TRANSACTION", "COMMIT", "END TRANSACTION", "ROLLBACK",
            "SAVEPOINT inside", "RELEASE SAVEPOINT inside", "VACUUM", "PRAGMA journal_mode = WAL",
            "ATTACH DATABASE 'other.db' AS other", "DETACH DATABASE other"})
    void refusedWithFileAndLineAndTheDatabaseUntouched(String statement) throws Exception {
        Path folder = migrations(statement);
        Path db = database();
        String sha = Fixtures.sha256(db);
        Converge converge = Converge.configure().database(db).migrations(folder).load();

        for (ThrowingCall call : new ThrowingCall[] {converge::plan, converge::migrate}) {
            ConvergeException e = catchThrowableOfType(ConvergeException.class, call::run);
            assertThat(e).as("`%s` in a migration", statement).isNotNull();
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.BAD_SQL);
            assertThat(e.file()).hasValueSatisfying(f -> assertThat(f).endsWith("006_take_control.sql"));
            assertThat(e.line()).hasValue(LINE);
            assertThat(e.getMessage()).contains("006_take_control.sql:" + LINE);
        }
        assertThat(Fixtures.sha256(db)).as("the database's bytes").isEqualTo(sha);
        assertThat(Fixtures.listing(dir)).doesNotContain("other.db");
    }

    @Test
    void triggerBodiesAndCaseExpressionsAreNotTransactionControl() throws Exception {
        Path folder = migrations("CREATE TRIGGER extra_touch AFTER INSERT ON extra BEGIN\n"
                + "    UPDATE extra SET note = CASE WHEN NEW.note IS NULL THEN 'none' ELSE NEW.note END WHERE id = NEW.id;\n"
                + "END");
        Path db = database();

        Converge.configure().database(db).migrations(folder).load().migrate();

        assertThat(Snapshot.of(db).recordedVersions()).contains(6L);
    }

    private interface ThrowingCall {
        Object run();
    }
}
