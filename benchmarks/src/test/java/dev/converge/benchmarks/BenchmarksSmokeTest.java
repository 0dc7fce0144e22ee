package dev.converge.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark once at its smallest size, in this JVM, so that the module never rots: fixtures build, every
 * method runs and gives a result. It judges no speed; the numbers come from {@code benchmarks/run}.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkMethodRunsOnceAtTheSmallestSize() throws Exception {
        // a benchmark run elsewhere on the machine holds JMH's lock; this run measures nothing, so it need not wait
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include("dev\\.converge\\.benchmarks\\..*Benchmark\\..*")
                .forks(0)
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .param("tables", "100")
                .param("migrations", "100")
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            assertThat(r.getPrimaryResult().getSampleCount()).as(name).isPositive();
            ran.add(name.substring("dev.converge.benchmarks.".length()));
        }
        assertThat(ran).containsExactlyInAnyOrder(
                "AdoptBenchmark.converge", "AdoptBenchmark.convergeCompiled", "AdoptBenchmark.floor",
                "AdoptBenchmark.readAndReplay",
                "InspectBenchmark.converge", "InspectBenchmark.floor", "InspectBenchmark.naive",
                "InspectBenchmark.unchanged",
                "StartupBenchmark.converge", "StartupBenchmark.floor", "StartupBenchmark.flyway",
                "DetectBenchmark.converge", "DetectBenchmark.convergeCached", "DetectBenchmark.convergeCompiled",
                "DetectBenchmark.floor", "DetectBenchmark.naive",
                "InstallBenchmark.converge", "InstallBenchmark.convergeCached",
                "InstallBenchmark.convergeCompiled", "InstallBenchmark.floor",
                "InstallBenchmark.flyway",
                "ReplayBenchmark.converge", "ReplayBenchmark.convergeCached", "ReplayBenchmark.floor");
    }
}
