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
record Result(String benchmark, String method, int size, double medianMs, double allocBytes, double peakHeapBytes) {

    /** A result without a measured peak heap. */
    Result(String benchmark, String method, int size, double medianMs, double allocBytes) {
        this(benchmark, method, size, medianMs, allocBytes, Double.NaN);
    }


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
            double peakHeap = Double.NaN;
            Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<?, ?> e : secondary.entrySet()) {
                    String metric = e.getKey().toString();
                    Map<?, ?> value = (Map<?, ?>) e.getValue();
                    double score = ((Number) value.get("score")).doubleValue();
                    if (metric.endsWith("gc.alloc.rate.norm")) {
                        alloc = score;
                    } else if (isHeapPool(metric)) {
                        double bytes = "KiB".equals(value.get("scoreUnit")) ? score * 1024 : score;
                        peakHeap = (Double.isNaN(peakHeap) ? 0 : peakHeap) + bytes;
                    }
                }
            }
            out.add(new Result(cls, method, size, median, alloc, peakHeap));
        }
        return out;
    }

    /**
     * A heap pool's peak in JMH's mempool profiler ({@code mempool.G1 Eden Space.used}…): the profiler resets each
     * pool's peak before an iteration and reports it after. The sum of the pools' peaks bounds the heap's peak from
     * above (the pools need not peak at the same moment).
     */
    static boolean isHeapPool(String metric) {
        return metric.startsWith("mempool.") && metric.endsWith(".used")
                && (metric.contains("Eden") || metric.contains("Survivor") || metric.contains("Old Gen")
                || metric.contains("Tenured"));
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
