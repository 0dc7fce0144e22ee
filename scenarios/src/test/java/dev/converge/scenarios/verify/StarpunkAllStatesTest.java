package dev.converge.scenarios.verify;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every database state the StateBuilder makes for examples/starpunk converges with no row lost, a second run changes
 * nothing, and the plan is honest (DESIGN.md §5).
 */
class StarpunkAllStatesTest {
    static Path starpunk() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/starpunk"))) {
            p = p.getParent();
        }
        return p.resolve("examples/starpunk");
    }

    @Test
    void everyStateConverges(@TempDir Path dir) {
        Path sp = starpunk();
        StateBuilder builder = StateBuilder.forFolder(sp.resolve("migrations"))
                .withBaseline(Baseline.read(sp.resolve("schema.sql")))
                .withReleases(Baseline.readFolder(sp.resolve("old")))
                .withLegacyHistoryFrom(1);
        Verifier v = new Verifier(sp.resolve("migrations"), sp.resolve("schema.sql"), builder);
        List<String> bad = new ArrayList<>();
        List<Outcome> outcomes = v.verifyAll(dir, o -> {
            if (o.result() != Outcome.Result.CONVERGED) {
                bad.add(o.state().name() + ": " + o.result() + ": " + o.message());
            }
        });
        assertThat(outcomes).hasSizeGreaterThan(100);
        assertThat(bad).isEmpty();
    }
}
