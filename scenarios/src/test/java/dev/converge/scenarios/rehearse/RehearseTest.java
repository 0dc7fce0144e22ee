package dev.converge.scenarios.rehearse;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.catalogue.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rehearse migrates a copy, reports plan, result and rows, and never writes the original. */
class RehearseTest {
    @TempDir
    Path dir;

    private Catalogue.Written incident() {
        return Catalogue.standard().create("incident-partial-002", dir.resolve("prod.db"));
    }

    private static String run(Catalogue.Written w, Rehearsal[] out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out[0] = Rehearse.run(w.database(), w.migrations(), w.baseline(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIncidentDatabaseRehearsesCleanlyAndTheOriginalIsUnchanged() throws Exception {
        Catalogue.Written w = incident();
        byte[] before = Files.readAllBytes(w.database());
        Rehearsal[] r = new Rehearsal[1];
        String text = run(w, r);
        assertThat(Files.readAllBytes(w.database())).isEqualTo(before);
        assertThat(r[0].ok()).as(text).isTrue();
        assertThat(r[0].schema()).isEmpty();
        assertThat(r[0].copy()).doesNotExist();
        assertThat(text).contains("PARTIAL → EXECUTE (how = completed)", "schema: the copy matches the target",
                "auth_tokens: dropped by the migrations", "rehearsal: OK");
        assertThat(r[0].tables()).filteredOn(t -> t.table().equals("notes")).singleElement()
                .satisfies(t -> {
                    assertThat(t.lost()).isZero();
                    assertThat(t.after()).isEqualTo(t.before() + 1); // 005 seeds the welcome note
                });
    }

    @Test
    void itWorksWhileAnotherConnectionHoldsTheWriteLock() throws Exception {
        Catalogue.Written w = incident();
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + w.database());
             Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO sessions (session_token_hash, me, expires_at) VALUES ('uncommitted', 'x', 'y')");
            Rehearsal[] r = new Rehearsal[1];
            String text = run(w, r);
            assertThat(r[0].ok()).as(text).isTrue();
            s.execute("ROLLBACK");
        }
        Path kept = dir.resolve("copy.db");
        Rehearsal r = Rehearse.run(w.database(), w.migrations(), w.baseline(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), kept);
        assertThat(r.copy()).isEqualTo(kept).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kept);
             var rs = c.createStatement().executeQuery("SELECT how FROM schema_migrations WHERE version = 2")) {
            assertThat(rs.getString(1)).isEqualTo("completed");
        }
    }

    @Test
    void aRefusalIsReportedAndTheOriginalIsUnchanged() throws Exception {
        Catalogue.Written w = Catalogue.standard().create("conflict-unknown-column", dir.resolve("c.db"));
        byte[] before = Files.readAllBytes(w.database());
        Rehearsal[] r = new Rehearsal[1];
        String text = run(w, r);
        assertThat(Files.readAllBytes(w.database())).isEqualTo(before);
        assertThat(r[0].ok()).isFalse();
        assertThat(r[0].failure().code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(text).contains("result: CONFLICT", "table media", "rehearsal: NOT OK");
    }

    @Test
    void aMissingDatabaseIsRefused() {
        assertThatThrownBy(() -> Rehearse.run(dir.resolve("nope.db"), dir, null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("no such file");
        assertThat(dir.resolve("nope.db")).doesNotExist();
    }
}
