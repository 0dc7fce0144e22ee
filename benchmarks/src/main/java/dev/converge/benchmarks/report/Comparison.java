package dev.converge.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of one benchmark at one size side by side, and the ratios that make them comparable across machines:
 * {@code converge/floor} (lower is better) and {@code naive/converge}, {@code flyway/converge} (higher is better).
 */
record Comparison(String benchmark, int size, Map<String, Result> byMethod) {
    /** The methods in the order the table shows them. */
    static final List<String> METHODS = List.of("converge", "convergeCached", "convergeCompiled", "unchanged", "floor",
            "readAndReplay", "naive", "flyway");

    /** A ratio: its name, the two methods, and whether a larger value is worse. */
    record Ratio(String name, String numerator, String denominator, boolean higherIsWorse) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("converge/floor", "converge", "floor", true),
            new Ratio("cached/floor", "convergeCached", "floor", true),
            new Ratio("naive/converge", "naive", "converge", false),
            new Ratio("compiled/naive", "convergeCompiled", "naive", true),
            new Ratio("compiled/floor", "convergeCompiled", "floor", true),
            new Ratio("unchanged/floor", "unchanged", "floor", true),
            new Ratio("converge/readAndReplay", "converge", "readAndReplay", true),
            new Ratio("flyway/converge", "flyway", "converge", false));

    /** The issue's bound on any benchmark's peak heap at the sizes it names. */
    static final int PEAK_HEAP_MB = 256;

    /** The largest peak heap of this benchmark's methods at this size, in bytes; NaN when none was measured. */
    double peakHeapBytes() {
        double max = Double.NaN;
        for (Result r : byMethod.values()) {
            if (!Double.isNaN(r.peakHeapBytes()) && (Double.isNaN(max) || r.peakHeapBytes() > max)) {
                max = r.peakHeapBytes();
            }
        }
        return max;
    }

    /** Groups results by benchmark and size, in name and size order. */
    static List<Comparison> of(List<Result> results) {
        Map<String, Map<Integer, Map<String, Result>>> grouped = new TreeMap<>();
        for (Result r : results) {
            grouped.computeIfAbsent(r.benchmark(), k -> new TreeMap<>())
                    .computeIfAbsent(r.size(), k -> new LinkedHashMap<>()).put(r.method(), r);
        }
        List<Comparison> out = new ArrayList<>();
        grouped.forEach((b, sizes) -> sizes.forEach((s, m) -> out.add(new Comparison(b, s, m))));
        return out;
    }

    /** The ratio, or NaN when one of its methods is not in this benchmark. */
    double ratio(Ratio r) {
        Result n = byMethod.get(r.numerator());
        Result d = byMethod.get(r.denominator());
        return n == null || d == null ? Double.NaN : n.medianMs() / d.medianMs();
    }

    String key() {
        return benchmark + "@" + size;
    }
}
