package dev.converge.scenarios.faults;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big migration files, migrated by a child JVM with a 128 MB heap, with a serial collector (what the JVM picks on a
 * small machine) and with G1: a 5.5 MB file of 100,000 statements, and a 50 MB file of 120,000 statements with two
 * multi-row INSERTs of 900 KB each among them. Each migrates (exit 0, every row in), and the heap the child still
 * used after its collections (its GC log, {@code -Xlog:gc}) stays well below the file's size: statements are streamed
 * from the file, not held. Before streaming the 50 MB file ran out of memory with the serial collector (the file's
 * text and its statements, about twice the file, were held at once) and its live heap after collections was above
 * the file's size with G1. The files are generated here.
 */
class BigMigrationFileIT {
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-XX:+UseSerialGC", "-XX:+UseG1GC"})
    void aMigrationOf100kStatementsRunsInA128MegabyteHeap(String collector) throws Exception {
        Path migrations = itemsTable();
        long rows = writeRows(migrations.resolve("002_many_rows.sql"), 100_000, 0, "x".repeat(12));
        assertThat(Files.size(migrations.resolve("002_many_rows.sql"))).isBetween(5_000_000L, 6_500_000L);

        Heap heap = migrate(migrations, collector);

        assertRows(rows);
        System.out.printf("100k statements, %.1f MB, %s: %s%n", mb(migrations.resolve("002_many_rows.sql")), collector,
                heap);
        assertThat(heap.liveMb()).as("live heap after collections, MB").isLessThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-XX:+UseSerialGC", "-XX:+UseG1GC"})
    void aFiftyMegabyteMigrationRunsInA128MegabyteHeap(String collector) throws Exception {
        Path migrations = itemsTable();
        Path big = migrations.resolve("002_many_rows.sql");
        long rows = writeRows(big, 120_000, 2, "x".repeat(400));
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L << 20);

        Heap heap = migrate(migrations, collector);

        assertRows(rows);
        System.out.printf("50 MB, %.1f MB, %s: %s%n", mb(big), collector, heap);
        assertThat(heap.liveMb()).as("live heap after collections, MB, for a %.0f MB file", mb(big))
                .isLessThan((long) (mb(big) / 2));
    }

    private Path itemsTable() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_items.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY, v TEXT);\n");
        return migrations;
    }

    /**
     * Writes {@code statements} one-row INSERTs and, spread among them, {@code bigOnes} INSERTs of 900 KB of rows (SQLite takes statements up to 1,000,000 bytes)
     * each; returns the number of rows.
     */
    private static long writeRows(Path file, int statements, int bigOnes, String filler) throws IOException {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < statements; i++) {
                if (bigOnes > 0 && i % (statements / bigOnes) == statements / bigOnes / 2) {
                    w.write("INSERT INTO items (id, v) VALUES\n");
                    for (int written = 0; written < 900_000; ) { // SQLite refuses a statement of 1,000,000 bytes
                        String row = (written == 0 ? "  " : ", ") + "(" + rows++ + ", '" + filler + "')\n";
                        w.write(row);
                        written += row.length();
                    }
                    w.write(";\n");
                }
                w.write("INSERT INTO items (id, v) VALUES (" + rows++ + ", '" + filler + "');\n");
            }
        }
        return rows;
    }

    private Heap migrate(Path migrations, String collector) throws Exception {
        Path gcLog = dir.resolve("gc.log");
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx128m", collector, "-Xlog:gc:file=" + gcLog),
                List.of("migrate", dir.resolve("app.db").toString(), migrations.toString(), "--cache-size", "2000"))) {
            int rc = child.waitFor();
            assertThat(rc).as("-Xmx128m %s:%n%s", collector, tail(child.lines())).isZero();
        }
        return Heap.read(gcLog);
    }

    private void assertRows(long rows) throws Exception {
        try (Connection c = Fixtures.open(dir.resolve("app.db"))) {
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM items")).containsExactly(Long.toString(rows));
            assertThat(Snapshot.rows(c, "SELECT version FROM schema_migrations ORDER BY version"))
                    .containsExactly("1", "2");
        }
    }

    /** The most heap in use when a collection began, and the most still in use after one (the live set), in MB. */
    record Heap(long peakMb, long liveMb, int collections) {
        static Heap read(Path gcLog) throws IOException {
            long peak = 0;
            long live = 0;
            int n = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    n++;
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    live = Math.max(live, Long.parseLong(m.group(2)));
                }
            }
            assertThat(n).as("collections in %s", gcLog).isPositive();
            return new Heap(peak, live, n);
        }

        @Override
        public String toString() {
            return "peak " + peakMb + " MB, live after collections at most " + liveMb + " MB (" + collections
                    + " collections)";
        }
    }

    private static double mb(Path file) throws IOException {
        return Files.size(file) / (double) (1 << 20);
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
