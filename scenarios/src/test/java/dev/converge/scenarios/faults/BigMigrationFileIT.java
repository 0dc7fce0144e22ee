package dev.converge.scenarios.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MB migration of about 120,000 statements, migrated by a child JVM with a 128 MB heap (the JVM's default
 * collector). It ran out of memory: reading the file decoded it through a UTF-16 buffer twice its size, and the
 * splitter tokenized the whole file into one list first (a million tokens; a 7 MB file of 100,000 statements was
 * enough). Now the text is decoded once and tokens are read one statement at a time. The migration's text and its
 * statements are still held whole (about twice the file at the peak), not streamed. The file is generated here.
 */
class BigMigrationFileIT {
    private static final long MEGABYTES = 50;

    @TempDir
    Path dir;

    @Test
    void aFiftyMegabyteMigrationRunsInA128MegabyteHeap() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_items.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY, v TEXT);\n");
        Path big = migrations.resolve("002_many_rows.sql");
        String filler = "x".repeat(400);
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            long written = 0;
            while (written < MEGABYTES << 20) {
                String line = "INSERT INTO items (id, v) VALUES (" + rows + ", '" + filler + "');\n";
                w.write(line);
                written += line.length();
                rows++;
            }
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(MEGABYTES << 20);
        Path db = dir.resolve("app.db");

        // the JVM's default collector: the text is held whole, and a serial collector's old generation (about two
        // thirds of the heap) cannot hold the file's bytes and its text at once while it is read
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx128m"), List.of("migrate", db.toString(),
                migrations.toString(), "--cache-size", "2000"))) {
            int rc = child.waitFor();
            assertThat(rc).as("-Xmx128m, %d MB file:%n%s", MEGABYTES, tail(child.lines())).isZero();
        }
        try (Connection c = Fixtures.open(db)) {
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM items")).containsExactly(Long.toString(rows));
            assertThat(Snapshot.rows(c, "SELECT version FROM schema_migrations ORDER BY version"))
                    .containsExactly("1", "2");
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
