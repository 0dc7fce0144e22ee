import dev.converge.Converge;
import dev.converge.apply.RunResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What {@code PRAGMA quick_check} costs beside an up-to-date start, on a database of a given size (warm page cache).
 * Run from the checkout, after {@code mvn -pl cli -am package -DskipTests}:
 * {@code java -cp cli/target/converge.jar benchmarks/integrity/IntegrityCheckCost.java 100}
 */
public class IntegrityCheckCost {
    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("integrity-cost");
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_items.sql"),
                "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, body BLOB);\n"
                        + "CREATE INDEX items_name ON items (name);\n");
        for (int i = 2; i <= 100; i++) {
            Files.writeString(migrations.resolve(String.format("%03d_t%d.sql", i, i)),
                    "CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, v TEXT);\n");
        }
        Path db = dir.resolve("app.db");
        Converge converge = Converge.configure().database(db).migrations(migrations).load();
        converge.migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement p = c.prepareStatement("INSERT INTO items (name, body) VALUES (?, randomblob(900))")) {
            c.setAutoCommit(false);
            for (int i = 0; Files.size(db) < (long) megabytes << 20; i++) {
                for (int j = 0; j < 10_000; j++) {
                    p.setString(1, "item " + i + "-" + j);
                    p.executeUpdate();
                }
                c.commit();
            }
        }
        System.out.printf("database: %.1f MB, 100 migrations%n", Files.size(db) / 1048576.0);
        double[] start = new double[runs];
        double[] check = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            RunResult result = converge.migrate();
            start[r] = (System.nanoTime() - t0) / 1e6;
            if (!result.fastPath()) {
                throw new IllegalStateException("expected the fast path");
            }
            t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                rs.next();
                if (!rs.getString(1).equals("ok")) {
                    throw new IllegalStateException(rs.getString(1));
                }
            }
            check[r] = (System.nanoTime() - t0) / 1e6;
        }
        double s = median(start);
        double q = median(check);
        System.out.printf("up-to-date start (fast path), median of %d: %.1f ms%n", runs, s);
        System.out.printf("open + PRAGMA quick_check, median of %d: %.1f ms%n", runs, q);
        System.out.printf("quick_check / up-to-date start: %.1fx%n", q / s);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
