package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Action;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.history.How;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.Version;
import dev.converge.detect.Reference;
import dev.converge.source.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md §1: the database made by release v1.1's full schema, with legacy history listing only 001. */
class IncidentTest {
    @TempDir
    Path dir;

    private Converge converge(Path db) {
        return Converge.configure().database(db).migrations(Starpunk.MIGRATIONS).baseline(Starpunk.SCHEMA).load();
    }

    private Path incidentDb() throws Exception {
        Path db = dir.resolve("incident.db");
        Starpunk.execFile(db, Starpunk.V1_1);
        Starpunk.legacyHistory(db, "001_add_code_verifier_to_auth_state.sql");
        return db;
    }

    @Test
    void planCompletes002WithExactlyItsIndexes() throws Exception {
        Plan plan = converge(incidentDb()).plan();
        assertThat(plan.problems()).isEmpty();
        Map<Long, MigrationState> states = new LinkedHashMap<>();
        plan.detection().statuses().forEach(s -> states.put(s.version().value(), s.state()));
        assertThat(states).containsEntry(0L, MigrationState.PRESENT).containsEntry(1L, MigrationState.APPLIED)
                .containsEntry(2L, MigrationState.PARTIAL).containsEntry(3L, MigrationState.ABSENT)
                .containsEntry(4L, MigrationState.ABSENT);
        Step s2 = plan.steps().stream().filter(s -> s.version() != null && s.version().value() == 2).findFirst().orElseThrow();
        assertThat(s2.action()).isEqualTo(Action.EXECUTE);
        assertThat(s2.how()).isEqualTo(How.COMPLETED);
        assertThat(s2.statements()).extracting(st -> st.text().replaceAll("\\s+", " ")).containsExactly(
                "CREATE INDEX idx_tokens_hash ON tokens(token_hash)",
                "CREATE INDEX idx_tokens_me ON tokens(me)",
                "CREATE INDEX idx_tokens_expires ON tokens(expires_at)",
                "CREATE INDEX idx_auth_codes_hash ON authorization_codes(code_hash)",
                "CREATE INDEX idx_auth_codes_expires ON authorization_codes(expires_at)");
    }

    @Test
    void migrateConvergesToSchemaSqlAndSecondRunTakesTheFastPath() throws Exception {
        Path db = incidentDb();
        RunResult r = converge(db).migrate();
        assertThat(r.fastPath()).isFalse();
        Map<Long, String> how = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, how FROM schema_migrations ORDER BY version")) {
            while (rs.next()) {
                how.put(rs.getLong(1), rs.getString(2));
            }
            var live = SchemaInspector.inspect(c, "schema_migrations");
            var expected = Reference.replayScript(Script.read(Starpunk.SCHEMA));
            assertThat(SchemaDiff.between(expected, live)).isEmpty();
        }
        assertThat(how).containsEntry(0L, "detected").containsEntry(1L, "adopted").containsEntry(2L, "completed")
                .containsEntry(3L, "executed").containsEntry(4L, "executed");
        RunResult second = converge(db).migrate();
        assertThat(second.fastPath()).isTrue();
        assertThat(second.done()).isEmpty();
    }
}
