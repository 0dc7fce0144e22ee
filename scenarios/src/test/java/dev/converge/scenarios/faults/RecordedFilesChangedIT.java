package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The files no longer match history: a recorded file edited ({@link ErrorCode#CHECKSUM_MISMATCH}, both checksums in
 * the message), a recorded file deleted ({@link ErrorCode#MISSING_MIGRATION}), and a history row newer than the set
 * (an older release on a newer database: tolerated by default, {@link ErrorCode#FUTURE_VERSION} when refused).
 * Every refusal leaves the database's bytes as they were.
 */
class RecordedFilesChangedIT {
    @TempDir
    Path dir;

    private Path folder;
    private Path db;

    @BeforeEach
    void fullyMigrated() {
        folder = Fixtures.copyFolder(Fixtures.starpunkMigrations(), dir.resolve("migrations"));
        db = StateBuilder.forFolder(folder).prefix(dir.resolve("app.db"), 5);
        Fixtures.fill(db, 23, 20);
    }

    private Converge.Builder converge() {
        return Converge.configure().database(db).migrations(folder);
    }

    @Test
    void anEditedRecordedFileIsRefusedWithBothChecksums() throws Exception {
        Path file = folder.resolve("003_media_and_published_view.sql");
        String recorded = sha256(Files.readString(file));
        Files.writeString(file, Files.readString(file) + "\n-- edited after it was applied\n");
        String now = sha256(Files.readString(file));
        String sha = Fixtures.sha256(db);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> converge().load().migrate());

        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).contains("003_media_and_published_view.sql").contains(recorded).contains(now);
        assertThat(Fixtures.sha256(db)).isEqualTo(sha);
    }

    @Test
    void aDeletedRecordedFileIsRefusedAsMissing() throws Exception {
        Files.delete(folder.resolve("001_add_code_verifier_to_auth_state.sql"));
        String sha = Fixtures.sha256(db);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> converge().load().migrate());

        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.MISSING_MIGRATION);
        assertThat(e.getMessage()).contains("001_add_code_verifier_to_auth_state.sql");
        assertThat(Fixtures.sha256(db)).isEqualTo(sha);
    }

    @Test
    void aFutureVersionIsToleratedAndRefusedOnRequest() throws Exception {
        Fixtures.exec(db, "INSERT INTO schema_migrations (version, name, checksum, how, applied_at, execution_ms,"
                + " schema_version) VALUES (99, '099_from_a_newer_release.sql', 'abc', 'executed',"
                + " '2025-01-01T00:00:00Z', 1, (SELECT max(schema_version) FROM schema_migrations));");
        String sha = Fixtures.sha256(db);

        ConvergeException e = catchThrowableOfType(ConvergeException.class,
                () -> converge().refuseFuture(true).load().migrate());

        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.FUTURE_VERSION);
        assertThat(e.getMessage()).contains("99");
        assertThat(Fixtures.sha256(db)).as("refused: bytes unchanged").isEqualTo(sha);

        RunResult r = converge().load().migrate();

        assertThat(r.done()).as("nothing to run").isEmpty();
        assertThat(Snapshot.of(db).recordedVersions()).contains(99L);
        assertThat(ReferenceRun.schemaDiff(db, Fixtures.starpunkSchema())).isEmpty();
    }

    private static String sha256(String text) throws Exception {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    }
}
