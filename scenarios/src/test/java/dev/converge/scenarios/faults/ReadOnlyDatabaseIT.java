package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.faults.Fixtures.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database opened read-only — by the URI ({@code mode=ro}) or by the driver's setting — since CI runs as root and
 * file permissions would prove nothing. With work to do, Converge refuses with {@link ErrorCode#READ_ONLY} before any
 * change: the file's bytes are the same and no journal is left. An up-to-date database needs no write: the fast
 * path reads history only, and succeeds.
 */
class ReadOnlyDatabaseIT {
    @TempDir
    Path dir;

    private Path database(Journal journal) {
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 2);
        Fixtures.fill(db, 13, 50);
        Fixtures.journal(db, journal);
        return db;
    }

    private static Converge.Builder readOnly(Path db, String how) {
        Converge.Builder b = Converge.configure().migrations(Fixtures.starpunkMigrations());
        if (how.equals("uri")) {
            return b.url("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
        }
        SQLiteDataSource ds = ReferenceRun.dataSource(db, 1);
        ds.setReadOnly(true);
        return b.dataSource(ds);
    }

    @ParameterizedTest(name = "{0}, read-only by {1}")
    @CsvSource({"DELETE, uri", "DELETE, driver", "WAL, uri", "WAL, driver"})
    void aReadOnlyDatabaseWithWorkToDoIsRefusedBeforeAnyChange(Journal journal, String how) throws Exception {
        Path db = database(journal);
        String sha = Fixtures.sha256(db);
        List<String> files = Fixtures.listing(dir);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> readOnly(db, how).load().migrate());

        assertThat(e).as("migrate on a read-only database with 3 migrations pending").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.READ_ONLY);
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.getMessage()).contains("read-only").contains("Nothing was changed");
        assertThat(Fixtures.sha256(db)).as("the file's bytes").isEqualTo(sha);
        if (journal == Journal.DELETE) {
            assertThat(Fixtures.listing(dir)).as("no journal left beside the file").isEqualTo(files);
        }
    }

    @Test
    void anUpToDateReadOnlyDatabaseTakesTheFastPath() throws Exception {
        Path db = database(Journal.DELETE);
        Converge.configure().database(db).migrations(Fixtures.starpunkMigrations()).load().migrate();
        String sha = Fixtures.sha256(db);

        RunResult r = readOnly(db, "uri").load().migrate();

        assertThat(r.fastPath()).isTrue();
        assertThat(Fixtures.sha256(db)).isEqualTo(sha);
    }
}
