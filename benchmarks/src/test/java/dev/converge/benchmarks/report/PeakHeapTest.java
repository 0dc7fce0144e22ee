package dev.converge.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The peak heap a report shows is read from JMH's mempool profiler: the heap pools summed, the other pools left out. */
class PeakHeapTest {

    private static String run(String method, double edenKiB, double oldKiB) {
        return """
                {"benchmark": "dev.converge.benchmarks.AdoptBenchmark.%s", "params": {"migrations": "1000"},
                 "primaryMetric": {"score": 12.5, "scoreUnit": "ms/op", "scorePercentiles": {"50.0": 12.0}},
                 "secondaryMetrics": {
                   "mempool.G1 Eden Space.used": {"score": %s, "scoreUnit": "KiB"},
                   "mempool.G1 Old Gen.used": {"score": %s, "scoreUnit": "KiB"},
                   "mempool.G1 Survivor Space.used": {"score": 1024, "scoreUnit": "KiB"},
                   "mempool.Metaspace.used": {"score": 99999, "scoreUnit": "KiB"},
                   "mempool.total.used": {"score": 999999, "scoreUnit": "KiB"},
                   "gc.alloc.rate.norm": {"score": 2048, "scoreUnit": "B/op"}}}
                """.formatted(method, edenKiB, oldKiB);
    }

    @Test
    void heapPoolsAreSummedAndTheLargestMethodIsReportedAgainstTheBound(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + run("converge", 100 * 1024, 20 * 1024) + ","
                + run("floor", 10 * 1024, 10 * 1024) + "]");

        List<Result> results = Result.read(json);
        assertThat(results).extracting(Result::peakHeapBytes)
                .containsExactly(121.0 * (1 << 20), 21.0 * (1 << 20));
        assertThat(results.get(0).allocBytes()).isEqualTo(2048);

        List<Comparison> rows = Comparison.of(results);
        assertThat(rows.get(0).peakHeapBytes()).isEqualTo(121.0 * (1 << 20));
        assertThat(Report.targets(rows)).contains("AdoptBenchmark 1000: peak heap <= 256 MB: met (121.0 MB)");
    }

    @Test
    void aPeakOverTheBoundIsMissed(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + run("converge", 200 * 1024, 100 * 1024) + "]");
        assertThat(Report.targets(Comparison.of(Result.read(json))))
                .contains("AdoptBenchmark 1000: peak heap <= 256 MB: MISSED (301.0 MB)");
    }

    @Test
    void aRunWithoutTheMempoolProfilerHasNoPeak(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, """
                [{"benchmark": "dev.converge.benchmarks.AdoptBenchmark.floor", "params": {"migrations": "100"},
                  "primaryMetric": {"score": 1.5, "scoreUnit": "ms/op"}}]
                """);
        List<Comparison> rows = Comparison.of(Result.read(json));
        assertThat(rows.get(0).peakHeapBytes()).isNaN();
        assertThat(Report.targets(rows)).doesNotContain("peak heap");
    }
}
