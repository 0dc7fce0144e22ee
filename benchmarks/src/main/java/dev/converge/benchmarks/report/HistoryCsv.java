package dev.converge.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code history.csv}: one row per recorded run, benchmark, size and ratio —
 * {@code version,date,machine,note,benchmark,size,converge_median_ms,ratio,value}. Ratios, not times, are what stay
 * comparable between runs; the converge median is kept beside them for people. A row whose ratio is
 * {@code peak_heap_mb} holds no ratio but the largest heap peak of the benchmark's methods at that size, in MB.
 */
final class HistoryCsv {
    static final String HEADER = "version,date,machine,note,benchmark,size,converge_median_ms,ratio,value";
    /** A ratio that moved by more than this fraction in the bad direction is flagged. */
    static final double WORSE = 0.20;

    private final Path file;

    HistoryCsv(Path file) {
        this.file = file;
    }

    /** One line per ratio that got more than 20% worse than in the last recorded row for the same benchmark and size. */
    List<String> compare(List<Comparison> rows) throws IOException {
        Map<String, Double> last = lastValues();
        List<String> out = new ArrayList<>();
        for (Comparison c : rows) {
            for (Comparison.Ratio r : Comparison.RATIOS) {
                double now = c.ratio(r);
                Double before = last.get(c.key() + "|" + r.name());
                if (Double.isNaN(now) || before == null || before.isNaN()) {
                    continue;
                }
                boolean worse = r.higherIsWorse() ? now > before * (1 + WORSE) : now < before * (1 - WORSE);
                if (worse) {
                    out.add(String.format(Locale.ROOT, "%s %d %s: %.2fx, was %.2fx", c.benchmark(), c.size(),
                            r.name(), now, before));
                }
            }
        }
        return out;
    }

    void append(String version, String machine, String note, List<Comparison> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            sb.append(HEADER).append('\n');
        }
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        for (Comparison c : rows) {
            Result conv = c.byMethod().get("converge");
            for (Comparison.Ratio r : Comparison.RATIOS) {
                double v = c.ratio(r);
                if (Double.isNaN(v)) {
                    continue;
                }
                sb.append(String.join(",", csv(version), date, csv(machine), csv(note), c.benchmark(),
                        String.valueOf(c.size()),
                        conv == null ? "" : String.format(Locale.ROOT, "%.4f", conv.medianMs()),
                        r.name(), String.format(Locale.ROOT, "%.4f", v))).append('\n');
            }
            double peak = c.peakHeapBytes();
            if (!Double.isNaN(peak)) {
                // not a ratio: the largest heap peak of the methods, in MB, for the issue's bound of 256 MB
                sb.append(String.join(",", csv(version), date, csv(machine), csv(note), c.benchmark(),
                        String.valueOf(c.size()),
                        conv == null ? "" : String.format(Locale.ROOT, "%.4f", conv.medianMs()),
                        "peak_heap_mb", String.format(Locale.ROOT, "%.1f", peak / (1 << 20)))).append('\n');
            }
        }
        Files.writeString(file, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The latest value of each benchmark@size|ratio in the file. */
    private Map<String, Double> lastValues() throws IOException {
        Map<String, Double> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("version,")) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() < 9) {
                continue;
            }
            out.put(f.get(4) + "@" + f.get(5) + "|" + f.get(7), Double.parseDouble(f.get(8)));
        }
        return out;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
