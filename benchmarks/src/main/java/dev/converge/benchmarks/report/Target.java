package dev.converge.benchmarks.report;

import java.util.List;

/** A performance target from the benchmarks issue: a ratio at a size, and its bound. */
record Target(String benchmark, int size, String ratio, double bound, boolean atMost) {
    static final List<Target> ALL = List.of(
            new Target("InspectBenchmark", 10000, "converge/floor", 3, true),
            new Target("InspectBenchmark", 10000, "naive/converge", 10, false),
            new Target("InspectBenchmark", 10000, "unchanged/floor", 1.5, true),
            new Target("StartupBenchmark", 1000, "converge/floor", 1.25, true),
            new Target("StartupBenchmark", 1000, "flyway/converge", 1.5, false),
            new Target("DetectBenchmark", 1000, "converge/floor", 2, true),
            new Target("DetectBenchmark", 1000, "compiled/naive", 2, true),
            new Target("InstallBenchmark", 1000, "converge/floor", 1.5, true),
            new Target("AdoptBenchmark", 1000, "compiled/floor", 2, true),
            new Target("AdoptBenchmark", 1000, "converge/readAndReplay", 1.2, true),
            new Target("InstallBenchmark", 1000, "flyway/converge", 2, false),
            new Target("ReplayBenchmark", 100, "converge/floor", 1.5, true),
            new Target("ReplayBenchmark", 1000, "converge/floor", 1.5, true));

    boolean met(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    @Override
    public String toString() {
        return benchmark + " " + size + ": " + ratio + (atMost ? " <= " : " >= ") + bound;
    }
}
