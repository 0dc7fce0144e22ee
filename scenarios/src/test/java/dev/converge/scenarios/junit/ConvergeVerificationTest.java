package dev.converge.scenarios.junit;

import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JUnit entry point, used as an application would on examples/starpunk, and shown to fail when it should. */
class ConvergeVerificationTest {
    @TempDir
    static Path dir;

    static Path starpunk() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/starpunk/migrations"))) {
            p = p.getParent();
        }
        return p.resolve("examples/starpunk");
    }

    static ConvergeVerification starpunkVerification() {
        Path sp = starpunk();
        return ConvergeVerification.forMigrations(sp.resolve("migrations"))
                .baseline(sp.resolve("schema.sql"))
                .olderReleases(sp.resolve("old"))
                .legacyHistoryFrom(1);
    }

    /** As in an application's build: one dynamic test per state (here a sample with every kind of state). */
    @TestFactory
    Stream<DynamicTest> starpunkMigrations() {
        return starpunkVerification().everyKindOnce()
                .states(s -> s.kind() != State.Kind.PREFIX_PLUS_BASELINE || s.version() <= 2)
                .workDir(dir).dynamicTests();
    }

    @Test
    void theSampleHasEveryKindOfStateAndIsSmall() {
        ConvergeVerification all = starpunkVerification();
        List<State> sample = all.everyKindOnce().states();
        Set<State.Kind> kinds = sample.stream().map(State::kind).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(State.Kind.values());
        assertThat(sample.size()).isLessThan(all.states().size() / 4);
        assertThat(Arrays.stream(State.Kind.values()).allMatch(k -> all.states().stream().anyMatch(s -> s.kind() == k))).isTrue();
    }

    @Test
    void aFilterKeepsOnlyWhatItAccepts() {
        List<State> states = starpunkVerification().states(s -> s.kind() == State.Kind.HISTORY_LOST).states();
        assertThat(states).extracting(State::name).containsExactly("history-lost(0)", "history-lost(1)",
                "history-lost(2)", "history-lost(3)", "history-lost(4)", "history-lost(5)");
    }

    @Test
    void aBaselineThatDiffersFromTheMigrationsFailsTheTest(@TempDir Path tmp) throws Exception {
        Path sp = starpunk();
        Path wrong = tmp.resolve("schema.sql");
        Files.writeString(wrong, Files.readString(sp.resolve("schema.sql"))
                .replace("CREATE INDEX IF NOT EXISTS idx_tokens_me ON tokens(me);", ""));
        List<DynamicTest> tests = ConvergeVerification.forMigrations(sp.resolve("migrations")).baseline(wrong)
                .states(s -> s.kind() == State.Kind.PREFIX && s.version() == 5 && s.layout() == HistoryLayout.CONVERGE).workDir(tmp).dynamicTests().toList();
        assertThat(tests).hasSize(1);
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("prefix(5): a guarantee failed")
                .hasMessageContaining("the baseline differs from the migrations' target");
    }

    @Test
    void aRefusedOlderReleaseFailsTheTestWithTheRefusal(@TempDir Path tmp) throws Throwable {
        Path migrations = tmp.resolve("migrations");
        Path old = tmp.resolve("old");
        Files.createDirectories(migrations);
        Files.createDirectories(old);
        Files.writeString(migrations.resolve("000_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);\n");
        Files.writeString(migrations.resolve("001_b.sql"), "CREATE INDEX a_x ON a(x);\n");
        // a release whose table a has a column no migration knows: migration 0 creates a and cannot replace it
        Files.writeString(old.resolve("r1.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, y BLOB);\n");
        List<DynamicTest> tests = ConvergeVerification.forMigrations(migrations).olderReleases(old)
                .states(s -> s.kind() == State.Kind.LEGACY || s.kind() == State.Kind.EMPTY).workDir(tmp)
                .dynamicTests().toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("empty", "legacy(r1)");
        tests.get(0).getExecutable().execute(); // empty converges: the test passes
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("legacy(r1): a guarantee failed")
                .hasMessageContaining("refused legacy(r1), a state on the set's own timeline")
                .hasMessageContaining("with CONFLICT")
                .hasMessageContaining("table a");
    }

    /** Issue 12: a data hazard passes by default and fails with strict(), naming the constraint and the fix. */
    @Test
    void aDataHazardFailsTheTestOnlyWhenStrict(@TempDir Path tmp) throws Throwable {
        Path migrations = Files.createDirectories(tmp.resolve("migrations"));
        Files.writeString(migrations.resolve("001_roles.sql"), "CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT);\n");
        Files.writeString(migrations.resolve("002_seed.sql"), "INSERT INTO roles (id, name) VALUES (1, 'admin');\n");
        ConvergeVerification v = ConvergeVerification.forMigrations(migrations)
                .states(s -> s.name().equals("prefix(1)")).workDir(tmp);
        List<DynamicTest> lenient = v.dynamicTests().toList();
        assertThat(lenient).hasSize(1);
        lenient.get(0).getExecutable().execute();
        List<DynamicTest> strict = v.strict().dynamicTests().toList();
        assertThatThrownBy(() -> strict.get(0).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UNIQUE constraint failed: roles.id")
                .hasMessageContaining("INSERT OR IGNORE");
    }
}
