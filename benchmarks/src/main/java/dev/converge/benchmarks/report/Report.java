package dev.converge.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JMH result file and prints the table the benchmarks issue asks for: per benchmark and size, each method's
 * median and the ratios {@code converge/floor}, {@code naive/converge} and {@code flyway/converge}; then the targets,
 * met or missed. Writes the chart; with {@code --record}, compares with the last recorded run and appends to the
 * history.
 *
 * <pre>Report [--record] [--version V] [--machine M] [--note N] [--name NAME] [--chart-also JSON]... RESULTS_DIR</pre>
 *
 * RESULTS_DIR holds {@code NAME.json} (read), {@code NAME.svg} (written; {@code chart.svg} for the default name,
 * {@code latest}) and {@code history.csv} (appended). A quick run uses the name {@code quick}, so that it never
 * replaces the committed results of a full run.
 * {@code --chart-also} adds the results of other runs (other sizes) to the chart only.
 * Exits with 0 even when a target is missed or a ratio got worse: the numbers are for people to read.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws Exception {
        boolean record = false;
        String version = "unknown";
        String machine = System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "/"
                + Runtime.getRuntime().availableProcessors() + "cpu";
        String note = "";
        String name = "latest";
        Path dir = null;
        List<Path> also = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--record" -> record = true;
                case "--version" -> version = args[++i];
                case "--machine" -> machine = args[++i];
                case "--note" -> note = args[++i];
                case "--name" -> name = args[++i];
                case "--chart-also" -> also.add(Path.of(args[++i]));
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null) {
            System.err.println("usage: Report [--record] [--version V] [--machine M] [--note N] [--name NAME] RESULTS_DIR");
            System.exit(2);
        }
        List<Result> results = Result.read(dir.resolve(name + ".json"));
        List<Comparison> rows = Comparison.of(results);
        System.out.print(table(rows));
        System.out.print(targets(rows));
        Path chart = dir.resolve(name.equals("latest") ? "chart.svg" : name + ".svg");
        List<Result> charted = new java.util.ArrayList<>(results);
        for (Path p : also) {
            charted.addAll(Result.read(p));
        }
        Files.writeString(chart, Chart.svg(charted));
        System.out.println("chart: " + chart);
        if (record) {
            HistoryCsv history = new HistoryCsv(dir.resolve("history.csv"));
            List<String> worse = history.compare(rows);
            history.append(version, machine, note, rows);
            System.out.println("recorded in " + dir.resolve("history.csv"));
            if (worse.isEmpty()) {
                System.out.println("no ratio got more than 20% worse than the last recorded run");
            } else {
                System.out.println("WORSE by more than 20% than the last recorded run:");
                worse.forEach(w -> System.out.println("  " + w));
            }
        }
    }

    static String table(List<Comparison> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-18s %6s", "benchmark", "size"));
        for (String m : Comparison.METHODS) {
            sb.append(String.format(Locale.ROOT, " %14s", m));
        }
        for (Comparison.Ratio r : Comparison.RATIOS) {
            sb.append(String.format(Locale.ROOT, " %15s", r.name()));
        }
        sb.append(String.format(Locale.ROOT, " %16s %16s%n", "alloc converge", "peak heap (max)"));
        for (Comparison c : rows) {
            sb.append(String.format(Locale.ROOT, "%-18s %6d", c.benchmark(), c.size()));
            for (String m : Comparison.METHODS) {
                Result r = c.byMethod().get(m);
                sb.append(String.format(Locale.ROOT, " %14s", r == null ? "-" : millis(r.medianMs())));
            }
            for (Comparison.Ratio r : Comparison.RATIOS) {
                double v = c.ratio(r);
                sb.append(String.format(Locale.ROOT, " %15s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v)));
            }
            Result conv = c.byMethod().get("converge");
            sb.append(String.format(Locale.ROOT, " %16s %16s%n", conv == null ? "-" : bytes(conv.allocBytes()),
                    bytes(c.peakHeapBytes())));
        }
        sb.append("times are medians in ms/op; alloc is bytes allocated per operation (JMH gc profiler); peak heap is"
                + " the largest of the methods' heap peaks (JMH mempool profiler)\n");
        return sb.toString();
    }

    static String targets(List<Comparison> rows) {
        StringBuilder sb = new StringBuilder("targets:\n");
        for (Target t : Target.ALL) {
            Comparison c = rows.stream().filter(r -> r.benchmark().equals(t.benchmark()) && r.size() == t.size())
                    .findFirst().orElse(null);
            Comparison.Ratio ratio = Comparison.RATIOS.stream().filter(r -> r.name().equals(t.ratio())).findFirst()
                    .orElseThrow();
            double v = c == null ? Double.NaN : c.ratio(ratio);
            String verdict = Double.isNaN(v) ? "not measured in this run" : (t.met(v) ? "met" : "MISSED")
                    + String.format(Locale.ROOT, " (%.2fx)", v);
            sb.append("  ").append(t).append(": ").append(verdict).append('\n');
        }
        for (Comparison c : rows) {
            double peak = c.peakHeapBytes();
            if (!Double.isNaN(peak)) {
                sb.append(String.format(Locale.ROOT, "  %s %d: peak heap <= %d MB: %s (%s)%n", c.benchmark(), c.size(),
                        Comparison.PEAK_HEAP_MB, peak <= Comparison.PEAK_HEAP_MB * (double) (1 << 20) ? "met" : "MISSED",
                        bytes(peak)));
            }
        }
        return sb.toString();
    }

    static String millis(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }
        return String.format(Locale.ROOT, "%.1e", ms);
    }

    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "-";
        }
        if (b >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", b / (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KB", b / (1 << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }
}
