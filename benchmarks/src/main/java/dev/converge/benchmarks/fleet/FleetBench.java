package dev.converge.benchmarks.fleet;

import dev.converge.Converge;
import dev.converge.benchmarks.Fixtures;
import dev.converge.fleet.Fleet;
import dev.converge.fleet.FleetResult;
import dev.converge.fleet.Outcome;
import dev.converge.source.MigrationSource;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A timed harness for fleets (JMH measures one operation in a loop; a fleet run is one long operation over thousands
 * of files, which must be copied afresh before each run that changes them). Every measure runs {@code rounds} times,
 * interleaved, and the median is reported, with the ratios the issue sets goals for:
 *
 * <ul>
 *   <li>up to date: {@code N} copies of one up-to-date database of a 100-migration set. Converge's fleet run
 *       ({@link Fleet}: the set read and replayed once, then the fast path per database) against the floor — read
 *       and hash the migration files once, then open every file and read its history, on the same threads (goal
 *       ≤ 1.5×) — and against Flyway's {@code migrate()} once per database, same threads, on its own up-to-date copies
 *       (goal ≥ 10× faster; Flyway runs on a sample of the fleet and is compared per database);</li>
 *   <li>spread: databases at random points of the timeline (prefix(k), k uniform in 0..100), migrated to the end by the
 *       fleet run and by {@link PlainRunner} on the same threads, each from fresh copies (goal ≤ 1.5×).</li>
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.fleet.FleetBench [--quick] [--threads N]</pre>
 */
public final class FleetBench {
    /** Held, so that its level stays set: Flyway's INFO line per database would be measured as Flyway's cost. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final String HISTORY_ROWS =
            "SELECT version, name, checksum, how, applied_at, execution_ms, schema_version FROM schema_migrations";

    /** The sizes of one run. */
    record Sizes(int upToDate, int flywaySample, int spread, int migrations, int rounds) {
    }

    private final Sizes sizes;
    private final int threads;
    private final Path dir;
    private final List<Fixtures.MigrationSpec> set;
    private final Path convergeFolder;
    private final Path flywayFolder;
    private final List<String> checksums = new ArrayList<>();

    FleetBench(Sizes sizes, int threads, Path dir) throws Exception {
        this.sizes = sizes;
        this.threads = threads;
        this.dir = dir;
        this.set = Fixtures.migrations(sizes.migrations());
        this.convergeFolder = Fixtures.writeConvergeFolder(Files.createDirectories(dir.resolve("converge")), set);
        this.flywayFolder = Fixtures.writeFlywayFolder(Files.createDirectories(dir.resolve("flyway")), set);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Fixtures.MigrationSpec m : set) {
            checksums.add(HexFormat.of().formatHex(sha.digest(m.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[i + 1]);
            }
        }
        Sizes sizes = quick ? new Sizes(1_000, 200, 200, 100, 3) : new Sizes(10_000, 1_000, 1_000, 100, 3);
        FLYWAY_LOG.setLevel(Level.WARNING);
        Path dir = Fixtures.tempDir("fleet-bench");
        try {
            Map<String, Double> r = new FleetBench(sizes, threads, dir).run();
            System.out.println(report(sizes, threads, r));
        } finally {
            Fixtures.delete(dir);
        }
    }

    /** Builds the fleets, measures, and returns the medians (ms) and the ratios. */
    Map<String, Double> run() throws Exception {
        List<Path> upToDate = copies(upToDateTemplate(), "up-to-date", sizes.upToDate());
        List<Path> flyway = copies(flywayTemplate(), "flyway", sizes.flywaySample());
        List<Path> templates = prefixTemplates();
        Random random = new Random(Fixtures.SEED);
        int[] spreadK = new int[sizes.spread()];
        for (int i = 0; i < spreadK.length; i++) {
            spreadK[i] = random.nextInt(sizes.migrations() + 1);
        }
        double[] converge = new double[sizes.rounds()];
        double[] floor = new double[sizes.rounds()];
        double[] flywayMs = new double[sizes.rounds()];
        double[] spreadConverge = new double[sizes.rounds()];
        double[] spreadPlain = new double[sizes.rounds()];
        for (int round = 0; round < sizes.rounds(); round++) {
            converge[round] = time(() -> expect(fleet().migrate(upToDate), Outcome.UP_TO_DATE, upToDate.size()));
            floor[round] = time(() -> floor(upToDate));
            flywayMs[round] = time(() -> each(flyway, db -> flyway(db).migrate()));
            List<Path> a = spread(templates, spreadK, "spread-converge-" + round);
            spreadConverge[round] = time(() -> {
                FleetResult r = fleet().migrate(a);
                if (!r.allConverged()) {
                    throw new IllegalStateException("the spread fleet did not converge: " + r.counts());
                }
            });
            List<Path> b = spread(templates, spreadK, "spread-plain-" + round);
            spreadPlain[round] = time(() -> each(b, db -> PlainRunner.migrate(db, set, checksums)));
        }
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("upToDate.converge", median(converge));
        r.put("upToDate.floor", median(floor));
        r.put("upToDate.flywayPerDatabase", median(flywayMs) / sizes.flywaySample());
        r.put("spread.converge", median(spreadConverge));
        r.put("spread.plain", median(spreadPlain));
        r.put("ratio.convergeOverFloor", r.get("upToDate.converge") / r.get("upToDate.floor"));
        r.put("ratio.flywayOverConverge", r.get("upToDate.flywayPerDatabase")
                / (r.get("upToDate.converge") / sizes.upToDate()));
        r.put("ratio.spreadConvergeOverPlain", r.get("spread.converge") / r.get("spread.plain"));
        return r;
    }

    static String report(Sizes s, int threads, Map<String, Double> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "fleet benchmark: %d migrations, %d threads, median of %d rounds%n",
                s.migrations(), threads, s.rounds()));
        sb.append(String.format(Locale.ROOT, "%-62s %10s%n", "measure", "ms"));
        sb.append(String.format(Locale.ROOT, "%-62s %10.0f%n", s.upToDate() + " up-to-date databases: converge fleet run",
                r.get("upToDate.converge")));
        sb.append(String.format(Locale.ROOT, "%-62s %10.0f%n", s.upToDate() + " up-to-date databases: floor (open, read history)",
                r.get("upToDate.floor")));
        sb.append(String.format(Locale.ROOT, "%-62s %10.2f%n", "Flyway migrate() per up-to-date database (" + s.flywaySample()
                + " sampled)", r.get("upToDate.flywayPerDatabase")));
        sb.append(String.format(Locale.ROOT, "%-62s %10.2f%n", "converge per up-to-date database",
                r.get("upToDate.converge") / s.upToDate()));
        sb.append(String.format(Locale.ROOT, "%-62s %10.0f%n", s.spread() + " spread databases: converge fleet run",
                r.get("spread.converge")));
        sb.append(String.format(Locale.ROOT, "%-62s %10.0f%n", s.spread() + " spread databases: plain runner per database",
                r.get("spread.plain")));
        sb.append(String.format(Locale.ROOT, "converge/floor (up to date)        %.2fx  goal <= 1.5x: %s%n",
                r.get("ratio.convergeOverFloor"), r.get("ratio.convergeOverFloor") <= 1.5 ? "met" : "missed"));
        sb.append(String.format(Locale.ROOT, "flyway/converge (up to date)       %.1fx  goal >= 10x: %s%n",
                r.get("ratio.flywayOverConverge"), r.get("ratio.flywayOverConverge") >= 10 ? "met" : "missed"));
        sb.append(String.format(Locale.ROOT, "converge/plain (spread)            %.2fx  goal <= 1.5x: %s%n",
                r.get("ratio.spreadConvergeOverPlain"), r.get("ratio.spreadConvergeOverPlain") <= 1.5 ? "met" : "missed"));
        return sb.toString();
    }

    private Fleet fleet() {
        return Fleet.prepare(MigrationSource.folder(convergeFolder), b -> { }).parallel(threads);
    }

    private Flyway flyway(Path db) {
        return Flyway.configure().dataSource("jdbc:sqlite:" + db.toAbsolutePath(), null, null)
                .locations("filesystem:" + flywayFolder.toAbsolutePath()).load();
    }

    /** The floor: the migration files read and hashed once, then every database opened and its history read. */
    private void floor(List<Path> databases) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int files = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(convergeFolder, "*.sql")) {
            for (Path f : all) {
                sha.digest(Files.readAllBytes(f));
                files++;
            }
        }
        int expected = files;
        each(databases, db -> {
            int rows = 0;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HISTORY_ROWS)) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getString(4);
                    rs.getString(5);
                    rs.getLong(6);
                    rs.getLong(7);
                    rows++;
                }
            }
            if (rows != expected) {
                throw new IllegalStateException(db + ": " + rows + " history rows, not " + expected);
            }
            return rows;
        });
    }

    private Path upToDateTemplate() {
        Path t = dir.resolve("template-converge.db");
        Converge.configure().database(t).migrations(convergeFolder).load().migrate();
        return t;
    }

    private Path flywayTemplate() {
        Path t = dir.resolve("template-flyway.db");
        flyway(t).migrate();
        return t;
    }

    /** prefix(k) for k in 0..n: the first k migrations, run by Converge (so recorded in its history). */
    private List<Path> prefixTemplates() throws IOException {
        List<Path> out = new ArrayList<>();
        int width = Math.max(3, String.valueOf(set.size()).length());
        Path folder = Files.createDirectories(dir.resolve("prefixes"));
        for (int k = 0; k <= set.size(); k++) {
            Map<String, String> first = new TreeMap<>();
            for (Fixtures.MigrationSpec m : set.subList(0, k)) {
                first.put(m.convergeFileName(width), m.text());
            }
            Path t = folder.resolve("prefix-" + k + ".db");
            Converge.configure().database(t).migrations(MigrationSource.memory(first)).load().migrate();
            out.add(t);
        }
        return out;
    }

    private List<Path> spread(List<Path> templates, int[] k, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            Path db = folder.resolve(String.format("db-%05d.db", i));
            Files.copy(templates.get(k[i]), db);
            out.add(db);
        }
        return out;
    }

    private List<Path> copies(Path template, String name, int n) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path db = folder.resolve(String.format("db-%05d.db", i));
            Files.copy(template, db);
            out.add(db);
        }
        return out;
    }

    private static void expect(FleetResult r, Outcome outcome, int n) {
        if (r.counts().get(outcome) != n) {
            throw new IllegalStateException("expected " + n + " " + outcome + ", got " + r.counts());
        }
    }

    interface Work {
        Object on(Path db) throws Exception;
    }

    interface Timed {
        void run() throws Exception;
    }

    /** Runs {@code work} on every database, on the same number of threads as the fleet run. */
    private void each(List<Path> databases, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < databases.size(); i = next.getAndIncrement()) {
                        work.on(databases.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double time(Timed t) throws Exception {
        long t0 = System.nanoTime();
        t.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
