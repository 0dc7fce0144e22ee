package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed production database becomes a catalogue entry: schema and history, no data, source untouched. */
class CaptureTest {
    @TempDir
    Path dir;

    @Test
    void theIncidentDatabaseIsCapturedWithoutDataAndReplaysAsTheIncident() throws Exception {
        Catalogue.Written prod = Catalogue.standard().create("incident-partial-002", dir.resolve("prod.db"));
        byte[] before = Files.readAllBytes(prod.database());

        Path entry = Capture.capture(prod.database(), "prod-incident", dir.resolve("captured"), prod.migrations(),
                prod.baseline());

        assertThat(Files.readAllBytes(prod.database())).as("the source is never written").isEqualTo(before);
        String schema = Files.readString(entry.resolve("schema.sql"));
        String history = Files.readString(entry.resolve("history.sql"));
        assertThat(schema).contains("CREATE TABLE tokens", "CREATE TABLE auth_tokens", "CREATE TABLE authorization_codes")
                .doesNotContain("INSERT", "schema_migrations", "sqlite_sequence", "sqlite_autoindex");
        assertThat(schema.indexOf("CREATE TABLE notes")).isLessThan(schema.indexOf("CREATE TABLE tokens"));
        assertThat(history).contains("CREATE TABLE \"schema_migrations\"", "migration_name")
                .contains("'001_add_code_verifier_to_auth_state.sql'");
        assertThat(history.lines().filter(l -> l.startsWith("INSERT")).count()).isEqualTo(1);

        Files.writeString(entry.resolve("scenario.properties"), Files.readString(entry.resolve("scenario.properties"))
                + "how=0:detected, 1:adopted, 2:completed, 3:executed\n");
        Catalogue loaded = Catalogue.load(dir.resolve("captured"));
        assertThat(loaded.names()).containsExactly("prod-incident");
        Verdict v = loaded.run("prod-incident", dir.resolve("run"));
        assertThat(v.mismatches()).as(v.summary()).isEmpty();
        assertThat(v.history()).containsEntry(2L, "completed");
    }

    @Test
    void aCapturedRefusalIsExpectedAsWritten() throws Exception {
        Catalogue.Written c = Catalogue.standard().create("conflict-unknown-column", dir.resolve("c.db"));
        Path entry = Capture.capture(c.database(), "conflict", dir.resolve("cat"), c.migrations(), c.baseline());
        Path props = entry.resolve("scenario.properties");
        Files.writeString(props, Files.readString(props).replace("expect=converges", "expect=refuses CONFLICT"));
        Verdict v = Catalogue.load(dir.resolve("cat")).run("conflict", dir.resolve("run"));
        assertThat(v.mismatches()).as(v.summary()).isEmpty();
        assertThat(v.outcome().refusal()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void anEntryWithoutMigrationsIsRefusedOnLoadNamingTheFix() {
        Catalogue.Written prod = Catalogue.standard().create("history-lost-after-restore", dir.resolve("p.db"));
        Capture.capture(prod.database(), "no-migrations", dir.resolve("cat"));
        assertThatThrownBy(() -> Catalogue.load(dir.resolve("cat")))
                .isInstanceOf(ConvergeException.class)
                .hasMessageContaining("set migrations=");
    }

    @Test
    void aCapturedEntryPointingAtTheMigrationsLoads() throws Exception {
        Catalogue.Written prod = Catalogue.standard().create("history-lost-after-restore", dir.resolve("p.db"));
        Path entry = Capture.capture(prod.database(), "restored", dir.resolve("cat"));
        Path props = entry.resolve("scenario.properties");
        Files.writeString(props, Files.readString(props) + "migrations=" + prod.migrations().toAbsolutePath() + "\n");
        Verdict v = Catalogue.load(dir.resolve("cat")).run("restored", dir.resolve("run"));
        assertThat(v.mismatches()).as(v.summary()).isEmpty();
        assertThat(v.history()).containsEntry(3L, "detected");
    }
}
