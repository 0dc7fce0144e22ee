package dev.converge.scenarios.verify;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of {@code src/test/resources/cases} (idioms found in real migration histories, each once a defect) converges
 * from every state the StateBuilder makes, with nothing lost, an honest plan and an idle second run.
 */
class RealHistoryCasesTest {
    @TempDir
    Path dir;

    static Path cases() {
        return Path.of("src/test/resources/cases").toAbsolutePath();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseConvergesFromEveryState() throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(cases())) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).hasSizeGreaterThanOrEqualTo(8);
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path migrations = f.resolve("migrations");
            Path schema = f.resolve("schema.sql");
            StateBuilder builder = StateBuilder.forFolder(migrations).withBaseline(Baseline.read(schema))
                    .withLegacyHistoryFrom(1);
            Verifier v = new Verifier(migrations, schema, builder);
            List<String> bad = new ArrayList<>();
            Path work = Files.createDirectories(dir.resolve(f.getFileName().toString()));
            List<Outcome> outcomes = v.verifyAll(work, o -> {
                if (o.result() != Outcome.Result.CONVERGED) {
                    bad.add(o.state().name() + ": " + o.result() + ": " + o.message());
                }
            });
            assertThat(outcomes).isNotEmpty();
            assertThat(bad).isEmpty();
        }));
    }
}
