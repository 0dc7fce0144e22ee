package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.history.How;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every catalogued scenario ends as it says, with every guarantee holding; and the catalogue's tools work. */
class CatalogueTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyScenarioEndsAsExpected() {
        return Catalogue.standard().scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Verdict v = s.run(dir.resolve(s.name()));
            assertThat(v.mismatches()).as(v.summary()).isEmpty();
        }));
    }

    /** The bundled copy is taken from examples/starpunk at build time; files.txt must list every file of it. */
    @Test
    void theBundledStarpunkIsExactlyExamplesStarpunk() {
        Path example = Path.of("").toAbsolutePath();
        while (example != null && !Files.isDirectory(example.resolve("examples/starpunk/migrations"))) {
            example = example.getParent();
        }
        assertThat(example).as("examples/starpunk above the working directory").isNotNull();
        Fixture onDisk = Fixture.folder(example.resolve("examples/starpunk"));
        Fixture bundled = Fixture.starpunk();
        assertThat(bundled.migrations()).as("migrations (update files.txt when a file is added)")
                .containsExactlyElementsOf(onDisk.migrations());
        assertThat(bundled.baseline()).isEqualTo(onDisk.baseline());
        assertThat(bundled.releases()).as("old releases (update files.txt when a file is added)")
                .containsExactlyInAnyOrderElementsOf(onDisk.releases());
    }

    @Test
    void theCatalogueHoldsTheScenariosTheIssueNames() {
        assertThat(Catalogue.standard().names()).contains("incident-partial-002", "legacy-plaintext-tokens",
                "baseline-only-fresh-install", "history-lost-after-restore", "half-applied-table-rebuild",
                "drift-missing-index", "drift-extra-index", "conflict-unknown-column", "edited-applied-migration",
                "future-version-in-history", "missing-migration-file");
    }

    @Test
    void aWrongExpectationIsReportedAsAMismatch() {
        Scenario wrong = Scenario.named("incident-expected-wrongly").description("002 expected executed")
                .on(Fixture.starpunk())
                .state(State.prefixPlusBaseline(1, HistoryLayout.LEGACY, Fixture.starpunk().release("v1.1-schema")))
                .expect(Expected.converges().with(How.EXECUTED, 2)).build();
        Verdict v = wrong.run(dir);
        assertThat(v.passed()).isFalse();
        assertThat(v.mismatches()).containsExactly("migration 2: expected how = executed, history holds completed");
    }

    @Test
    void aRefusalExpectedToConvergeIsAMismatch() {
        Scenario base = Catalogue.standard().scenario("conflict-unknown-column");
        Scenario wrong = new Scenario("conflict-expected-to-converge", "", base.fixture(), base.state(), base.sql(),
                base.edits(), Expected.converges());
        Verdict v = wrong.run(dir);
        assertThat(v.mismatches()).singleElement().asString()
                .startsWith("expected to converge, but it was refused with CONFLICT");
    }

    @Test
    void reproducePrintsThePlanTheOutcomeAndTheVerification() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Verdict v = Catalogue.standard().reproduce("incident-partial-002",
                new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(v.passed()).isTrue();
        assertThat(text).contains("state: prefix(1, legacy history)+baseline(v1.1-schema)",
                "2 002_secure_tokens_and_authorization_codes.sql: PARTIAL → EXECUTE (how = completed)",
                "SQL  CREATE INDEX idx_tokens_hash ON tokens(token_hash)",
                "outcome: CONVERGED",
                "history after: 0:detected, 1:adopted, 2:completed, 3:executed, 4:executed, 5:executed",
                "verification: PASSED");
    }

    @Test
    void reproduceOfARefusalPrintsTheProblem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Catalogue.standard().reproduce("conflict-unknown-column", new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("PROBLEM CONFLICT", "outcome: REFUSED CONFLICT",
                "verification: PASSED");
    }

    @Test
    void createWritesTheDatabaseAndTheEditedMigrationFolderBesideIt() throws Exception {
        Catalogue.Written w = Catalogue.standard().create("edited-applied-migration", dir.resolve("out/edited.db"));
        assertThat(w.database()).isEqualTo(dir.resolve("out/edited.db")).isRegularFile();
        assertThat(w.migrations()).isEqualTo(dir.resolve("out/edited.migrations"));
        assertThat(Files.readString(w.migrations().resolve("002_secure_tokens_and_authorization_codes.sql")))
                .contains("idx_tokens_client");
        assertThat(w.baseline()).isEqualTo(dir.resolve("out/edited.schema.sql")).isRegularFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + w.database());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM schema_migrations")) {
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + w.database());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM notes")) {
            assertThat(rs.getInt(1)).as("filled with rows").isGreaterThan(0);
        }
    }

    @Test
    void createOfAScenarioWithoutEditsWritesTheFolderAsShipped() throws Exception {
        Catalogue.Written w = Catalogue.standard().create("missing-migration-file", dir.resolve("m.db"));
        try (var files = Files.list(w.migrations())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .doesNotContain("001_add_code_verifier_to_auth_state.sql").hasSize(5);
        }
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> Catalogue.standard().scenario("no-such-thing"))
                .isInstanceOf(ConvergeException.class)
                .hasMessageContaining("incident-partial-002")
                .extracting(e -> ((ConvergeException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void twoScenariosWithOneNameAreRefused() {
        Scenario s = Catalogue.standard().scenario("drift-extra-index");
        assertThatThrownBy(() -> Catalogue.of(List.of(s, s))).hasMessageContaining("two scenarios are named drift-extra-index");
    }

    @Test
    void theBundledStarpunkIsTheExample() throws Exception {
        Path example = starpunk();
        Fixture f = Fixture.starpunk();
        assertThat(f.migrations()).hasSize(6);
        for (var m : f.migrations()) {
            assertThat(m.text()).as(m.fileName()).isEqualTo(Files.readString(example.resolve("migrations").resolve(m.fileName())));
        }
        try (var files = Files.list(example.resolve("migrations"))) {
            assertThat(files.count()).isEqualTo(f.migrations().size());
        }
        assertThat(f.baseline().text()).isEqualTo(Files.readString(example.resolve("schema.sql")));
        for (var r : f.releases()) {
            assertThat(r.text()).isEqualTo(Files.readString(example.resolve("old").resolve(r.name() + ".sql")));
        }
        try (var files = Files.list(example.resolve("old"))) {
            assertThat(files.count()).isEqualTo(f.releases().size());
        }
    }

    static Path starpunk() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/starpunk/migrations"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/starpunk not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples/starpunk");
    }
}
