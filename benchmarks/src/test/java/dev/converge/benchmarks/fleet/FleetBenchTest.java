package dev.converge.benchmarks.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the fleet harness once at a tiny size, so that it never rots: the fleets build, every measure runs (and checks
 * its own result: all up to date, all converged, every history complete), and the ratios come out. It judges no speed.
 */
class FleetBenchTest {
    @TempDir
    Path dir;

    @Test
    void everyMeasureRunsAndGivesItsRatio() throws Exception {
        FleetBench.Sizes tiny = new FleetBench.Sizes(12, 3, 12, 12, 1);
        Map<String, Double> r = new FleetBench(tiny, 2, dir).run();

        assertThat(r).containsKeys("upToDate.converge", "upToDate.floor", "upToDate.flywayPerDatabase",
                "spread.converge", "spread.plain", "ratio.convergeOverFloor", "ratio.flywayOverConverge",
                "ratio.spreadConvergeOverPlain");
        assertThat(r.values()).allMatch(v -> v > 0 && !v.isInfinite());
        assertThat(FleetBench.report(tiny, 2, r)).contains("converge/floor (up to date)", "goal >= 10x");
    }
}
