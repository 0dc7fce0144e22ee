package dev.converge.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SVG of time against size, log scales, one panel per benchmark and one line per method: plain polylines, points
 * and labels, no dependency.
 */
final class Chart {
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 300;
    private static final int MARGIN_L = 60;
    private static final int MARGIN_R = 110;
    private static final int MARGIN_T = 30;
    private static final int MARGIN_B = 40;
    private static final Map<String, String> COLORS = Map.of(
            "converge", "#d62728", "convergeCached", "#ff9896", "floor", "#2ca02c", "naive", "#1f77b4",
            "flyway", "#9467bd");

    private Chart() {
    }

    static String svg(List<Result> results) {
        Map<String, Map<String, List<Result>>> byBenchmark = new TreeMap<>();
        for (Result r : results) {
            byBenchmark.computeIfAbsent(r.benchmark(), k -> new TreeMap<>())
                    .computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        int columns = 2;
        int rows = Math.max(1, (byBenchmark.size() + columns - 1) / columns);
        int width = columns * PANEL_W;
        int height = rows * PANEL_H + 30;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        sb.append("<text x=\"10\" y=\"18\" font-size=\"13\">Converge benchmarks: median time per operation (ms)"
                + " against size, log scales</text>\n");
        int i = 0;
        for (Map.Entry<String, Map<String, List<Result>>> e : byBenchmark.entrySet()) {
            panel(sb, e.getKey(), e.getValue(), (i % columns) * PANEL_W, 30 + (i / columns) * PANEL_H);
            i++;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void panel(StringBuilder sb, String title, Map<String, List<Result>> methods, int ox, int oy) {
        double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
        for (List<Result> rs : methods.values()) {
            for (Result r : rs) {
                minX = Math.min(minX, r.size());
                maxX = Math.max(maxX, r.size());
                minY = Math.min(minY, r.medianMs());
                maxY = Math.max(maxY, r.medianMs());
            }
        }
        double lx0 = Math.floor(Math.log10(minX)), lx1 = Math.ceil(Math.log10(maxX));
        double ly0 = Math.floor(Math.log10(minY)), ly1 = Math.ceil(Math.log10(maxY));
        if (lx1 <= lx0) {
            lx0 -= 0.5;
            lx1 += 0.5;
        }
        if (ly1 <= ly0) {
            ly1 = ly0 + 1;
        }
        int x0 = ox + MARGIN_L, x1 = ox + PANEL_W - MARGIN_R, y0 = oy + PANEL_H - MARGIN_B, y1 = oy + MARGIN_T;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s</text>%n",
                x0, oy + 18, title));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>%n", x0, y1, x1 - x0, y0 - y1));
        for (double d = ly0; d <= ly1 + 1e-9; d++) {
            double y = scale(d, ly0, ly1, y0, y1);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    x0, y, x1, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    x0 - 4, y + 4, label(Math.pow(10, d))));
        }
        for (double d = Math.ceil(lx0); d <= lx1 + 1e-9; d++) {
            double x = scale(d, lx0, lx1, x0, x1);
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, y0 + 14, label(Math.pow(10, d))));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">size (tables or"
                + " migrations)</text>%n", (x0 + x1) / 2, y0 + 30));
        int legend = 0;
        for (String m : Comparison.METHODS) {
            List<Result> rs = methods.get(m);
            if (rs == null) {
                continue;
            }
            rs.sort((a, b) -> Integer.compare(a.size(), b.size()));
            String color = COLORS.getOrDefault(m, "#333");
            StringBuilder points = new StringBuilder();
            for (Result r : rs) {
                double x = scale(Math.log10(r.size()), lx0, lx1, x0, x1);
                double y = scale(Math.log10(r.medianMs()), ly0, ly1, y0, y1);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x, y, color));
            }
            sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n", points.toString().trim(), color));
            int ly = y1 + 10 + legend * 16;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n", x1 + 8, ly, x1 + 24, ly, color));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x1 + 28, ly + 4, m));
            legend++;
        }
    }

    private static double scale(double v, double from0, double from1, double to0, double to1) {
        return to0 + (v - from0) / (from1 - from0) * (to1 - to0);
    }

    private static String label(double v) {
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(v).replaceAll("0+$", ""));
    }
}
