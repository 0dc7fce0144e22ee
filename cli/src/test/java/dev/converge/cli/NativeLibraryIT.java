package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real {@code converge} processes started together, some killed with -9 while they run. sqlite-jdbc extracted its
 * native library to the temp folder at every start: a killed process left 1.1 MB ({@code sqlite-*-libsqlitejdbc.so}
 * and its {@code .lck}) there for good, and simultaneous starts printed {@code SEVERE: Failed to delete old native
 * lib} with a stack trace. Now the library is extracted once into the per-user cache folder and reused: the temp
 * folder does not grow, and no process prints driver noise.
 */
class NativeLibraryIT {
    private static final int STARTS = Boolean.getBoolean("converge.long") ? 32 : 8;
    private static final int KILLED = 2;

    @TempDir
    Path dir;

    private Process start(Path db, Path migrations, Path tmp, Path cache, Path log) throws IOException {
        List<String> cmd = List.of(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx96m", "-Djava.io.tmpdir=" + tmp, "-cp", classPath(),
                Main.class.getName(), "migrate", "--db", db.toString(), "--migrations", migrations.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        return pb.start();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** A set whose replay runs a statement for seconds: a process running it has loaded the driver. */
    private Path slowMigrations() throws IOException {
        Path m = Files.createDirectories(dir.resolve("slow"));
        Files.writeString(m.resolve("001_slow.sql"), "CREATE TABLE t (x);\nWITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
                + " SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) FROM c;\n");
        return m;
    }

    /** Waits until the process has mapped SQLite's native library (Linux: /proc/PID/maps). */
    private static boolean awaitDriverLoaded(Process p, long timeoutMs) throws Exception {
        Path maps = Path.of("/proc/" + p.pid() + "/maps");
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end && p.isAlive()) {
            try {
                if (Files.readString(maps, StandardCharsets.ISO_8859_1).contains("sqlitejdbc")) {
                    return true;
                }
            } catch (IOException gone) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void simultaneousAndKilledStartsLeaveTheTempFolderAsItWasAndPrintNoDriverNoise() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path db = dir.resolve("app.db");
        Path slow = slowMigrations();

        List<Process> killed = new ArrayList<>();
        for (int i = 0; i < KILLED; i++) {
            killed.add(start(dir.resolve("slow-" + i + ".db"), slow, tmp, cache, logs.resolve("killed-" + i + ".log")));
        }
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            started.add(start(db, Starpunk.MIGRATIONS, tmp, cache, logs.resolve("start-" + i + ".log")));
        }
        for (Process p : killed) {
            assertThat(awaitDriverLoaded(p, 120_000)).as("process %d loaded SQLite's library", p.pid()).isTrue();
            p.destroyForcibly().waitFor();
        }
        for (int i = 0; i < STARTS; i++) {
            Process p = started.get(i);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("start %d ended", i).isTrue();
            String out = Files.readString(logs.resolve("start-" + i + ".log"));
            assertThat(p.exitValue()).as(out).isZero();
        }

        for (Path log : listing(logs).stream().map(logs::resolve).toList()) {
            assertThat(Files.readString(log)).as("%s", log.getFileName())
                    .doesNotContain("SEVERE").doesNotContain("Failed to delete").doesNotContain("Exception");
        }
        assertThat(listing(tmp)).as("the temp folder after %d starts, %d of them killed -9", STARTS + KILLED, KILLED)
                .isEmpty();
        try (Stream<Path> s = Files.walk(cache)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".so")).count())
                    .as("one extracted library in the cache folder, reused").isEqualTo(1);
        }
    }
}
