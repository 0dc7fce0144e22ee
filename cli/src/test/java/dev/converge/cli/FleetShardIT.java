package dev.converge.cli;

import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kubernetes Indexed Job, without Kubernetes: COUNT real processes of the converge command, started together, each
 * with {@code JOB_COMPLETION_INDEX} set to its index and {@code --shard COUNT}, over one fleet on one disk. Every
 * database is migrated by exactly one of them, and a retried index takes the same databases again.
 */
class FleetShardIT {
    private static final int COUNT = 3;
    private static final int DATABASES = 36;

    @TempDir
    Path dir;

    @Test
    void everyDatabaseIsMigratedByExactlyOneProcessAndARetryTakesTheSameShare() throws Exception {
        StateBuilder states = StateBuilder.forFolder(Starpunk.MIGRATIONS);
        Path tenants = Files.createDirectories(dir.resolve("tenants"));
        for (int i = 0; i < DATABASES; i++) {
            states.prefix(tenants.resolve(String.format("tenant-%03d.db", i)), i % 5, HistoryLayout.CONVERGE);
        }

        List<Process> pods = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            pods.add(pod(i));
        }
        Map<String, Integer> migratedBy = new HashMap<>();
        Set<String> firstShareOfPod1 = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            List<String> lines = finish(pods.get(i));
            for (String line : lines.subList(0, lines.size() - 1)) {
                String path = FleetCommandTest.field(line, "path");
                assertThat(FleetCommandTest.field(line, "outcome")).as(line).isEqualTo("CONVERGED");
                Integer before = migratedBy.put(path, i);
                assertThat(before).as("%s migrated by pods %s and %d", path, before, i).isNull();
                if (i == 1) {
                    firstShareOfPod1.add(path);
                }
            }
            assertThat(lines.get(lines.size() - 1)).contains("\"summary\"", "\"exitStatus\": 0");
        }
        assertThat(migratedBy).hasSize(DATABASES);
        assertThat(new HashSet<>(migratedBy.values())).as("every pod had work").hasSize(COUNT);
        for (int i = 0; i < DATABASES; i++) {
            Path db = tenants.resolve(String.format("tenant-%03d.db", i));
            // one history row per migration: none ran twice, none was skipped
            assertThat(Starpunk.history(db)).hasSize(6).extracting(r -> r.split(" ")[0])
                    .containsExactly("0", "1", "2", "3", "4", "5");
            assertThat(Starpunk.history(db).get(5)).contains(" executed ");
        }

        // pod 1 fails and Kubernetes retries it: the same databases, now up to date
        List<String> retry = finish(pod(1));
        Set<String> retried = new HashSet<>();
        for (String line : retry.subList(0, retry.size() - 1)) {
            retried.add(FleetCommandTest.field(line, "path"));
            assertThat(FleetCommandTest.field(line, "outcome")).isEqualTo("UP_TO_DATE");
        }
        assertThat(retried).isEqualTo(firstShareOfPod1);
    }

    /** One pod: the converge command in its own JVM, run from the fleet's folder with a relative pattern. */
    private Process pod(int index) throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        List<String> cmd = List.of(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx192m", "-cp", cp != null && !cp.isBlank() ? cp
                        : System.getProperty("java.class.path"), Main.class.getName(),
                "migrate", "--db", "tenants/*.db", "--migrations", Starpunk.MIGRATIONS.toString(), "--shard",
                String.valueOf(COUNT), "--parallel", "2", "--json");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("pod-" + index + ".err").toFile());
        pb.environment().put("JOB_COMPLETION_INDEX", String.valueOf(index));
        return pb.start();
    }

    private List<String> finish(Process p) throws Exception {
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
