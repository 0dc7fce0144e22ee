package dev.converge.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One measured method at one size, from JMH's JSON: {@code InspectBenchmark}, {@code converge}, 10000, its median
 * time in milliseconds and the bytes it allocated per operation (NaN when the gc profiler was off).
 */
record Result(String benchmark, String method, int size, double medianMs, double allocBytes) {

    /** Every result of a JMH JSON file. */
    static List<Result> read(Path file) throws IOException {
        List<Result> out = new ArrayList<>();
        for (Object o : (List<?>) Json.parse(Files.readString(file))) {
            Map<?, ?> run = (Map<?, ?>) o;
            String full = (String) run.get("benchmark");
            int dot = full.lastIndexOf('.');
            String method = full.substring(dot + 1);
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            Map<?, ?> params = (Map<?, ?>) run.get("params");
            int size = 0;
            if (params != null) {
                for (Object v : params.values()) {
                    size = Integer.parseInt(v.toString());
                }
            }
            Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
            double median = toMillis(percentile50(primary), (String) primary.get("scoreUnit"));
            double alloc = Double.NaN;
            Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<?, ?> e : secondary.entrySet()) {
                    if (e.getKey().toString().endsWith("gc.alloc.rate.norm")) {
                        alloc = ((Number) ((Map<?, ?>) e.getValue()).get("score")).doubleValue();
                    }
                }
            }
            out.add(new Result(cls, method, size, median, alloc));
        }
        return out;
    }

    private static double percentile50(Map<?, ?> primary) {
        Map<?, ?> p = (Map<?, ?>) primary.get("scorePercentiles");
        Object median = p == null ? null : p.get("50.0");
        return ((Number) (median != null ? median : primary.get("score"))).doubleValue();
    }

    private static double toMillis(double v, String unit) {
        return switch (unit) {
            case "ns/op" -> v / 1e6;
            case "us/op" -> v / 1e3;
            case "ms/op" -> v;
            case "s/op" -> v * 1e3;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit
                    + "; the report reads AverageTime or SingleShotTime results");
        };
    }
}
