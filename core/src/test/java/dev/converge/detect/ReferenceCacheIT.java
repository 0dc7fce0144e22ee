package dev.converge.detect;

import dev.converge.source.MigrationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two processes writing the same compiled reference at once leave a whole file at every moment, never a mix. */
class ReferenceCacheIT {
    private static final int MIGRATIONS = 120;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingTheSameReferenceNeverLeaveAFileThatFailsItsChecks() throws Exception {
        Path folder = dir.resolve("cache");
        MigrationSet set = ReferenceCacheTest.generated(MIGRATIONS, SEED);
        Path file = folder.resolve(ReferenceCache.fileName(set.checksumChain()));
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(child(folder, 150));
        }
        int reads = 0;
        int valid = 0;
        try {
            while (writers.stream().anyMatch(Process::isAlive)) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    continue; // not written yet
                }
                reads++;
                if (ReferenceCache.decode(bytes, set, "while two processes write") != null) {
                    valid++;
                }
            }
            for (Process p : writers) {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            }
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
        assertThat(reads).as("the parent must have read the file while it was being replaced").isGreaterThan(0);
        assertThat(valid).as("every read file passes its checks").isEqualTo(reads);
        assertThat(ReferenceCache.in(folder).load(set)).isNotNull();
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary file left behind")
                    .containsExactly(file.getFileName().toString());
        }
    }

    private static Process child(Path folder, int writes) throws IOException {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx128m", "-cp", cp, ReferenceCacheWriter.class.getName(), folder.toString(),
                Integer.toString(MIGRATIONS), Long.toString(SEED), Integer.toString(writes))
                .redirectErrorStream(true).start();
    }
}
