package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.scenarios.faults.Fixtures.Journal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once (DESIGN.md §5): N processes, or N threads, start {@code migrate} on one database at the same instant.
 * All must succeed; across all of them every pending migration is recorded once and its statements run once (no
 * statement runs in a transaction that is then thrown away); history has one row per migration; the schema is the
 * target. Processes are released together by a "go" file they poll for, already warmed up.
 */
class SimultaneousStartIT {
    @TempDir
    Path dir;

    static Stream<Arguments> processRounds() {
        List<Arguments> out = new ArrayList<>();
        if (Fixtures.LONG) {
            for (int round = 0; round < 3; round++) {
                for (int n : new int[] {2, 4, 8}) {
                    for (Journal j : Journal.values()) {
                        out.add(Arguments.of(n, j, false, round));
                    }
                }
            }
            out.add(Arguments.of(8, Journal.DELETE, true, 0));
        } else {
            out.add(Arguments.of(2, Journal.DELETE, false, 0));
            out.add(Arguments.of(4, Journal.WAL, false, 0));
            out.add(Arguments.of(8, Journal.DELETE, false, 0));
            out.add(Arguments.of(4, Journal.DELETE, true, 0));
        }
        return out.stream();
    }

    static Stream<Arguments> threadRounds() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {2, 4, 8}) {
            for (Journal j : Journal.values()) {
                out.add(Arguments.of(n, j));
            }
        }
        return out.stream();
    }

    /** Start file (prefix(0) with rows, or no file at all) and the uninterrupted run from it. */
    private record Start(Path file, ReferenceRun ref) {
    }

    private Start start(Journal journal, boolean newFile) {
        Path file = dir.resolve("db");
        if (newFile) {
            Path scratch = Fixtures.emptyDatabase(dir.resolve("scratch-empty.db"));
            return new Start(file, ReferenceRun.of(scratch, Fixtures.starpunkMigrations(), dir.resolve("ref.db")));
        }
        Fixtures.starpunkStates(1).prefix(file, 0);
        Fixtures.fill(file, 7, 100);
        Fixtures.journal(file, journal);
        return new Start(file, ReferenceRun.of(file, Fixtures.starpunkMigrations(), dir.resolve("ref.db")));
    }

    @ParameterizedTest(name = "{0} processes, {1}, new file: {2}, round {3}")
    @MethodSource("processRounds")
    void processesStartedTogetherEachMigrationRunsOnce(int n, Journal journal, boolean newFile, int round) throws Exception {
        Start s = start(journal, newFile);
        Path go = dir.resolve("go");
        List<ChildJvm> children = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                children.add(ChildJvm.start(List.of("migrate", s.file().toString(),
                        Fixtures.starpunkMigrations().toString(), "--go", go.toString())));
            }
            for (ChildJvm c : children) {
                assertThat(c.awaitLine("WAITING", 60_000)).as(c.output()).isTrue();
            }
            Files.createFile(go);
            for (ChildJvm c : children) {
                assertThat(c.waitFor()).as("every process succeeds\n%s", c.output()).isZero();
                lines.addAll(c.lines());
            }
        } finally {
            for (ChildJvm c : children) {
                c.close();
            }
        }
        Map<Long, Integer> recorded = new TreeMap<>();
        Map<Long, Integer> statements = new TreeMap<>();
        for (String l : lines) {
            String[] p = l.split(" ");
            if (p[0].equals("RECORDED")) {
                recorded.merge(Long.parseLong(p[1]), 1, Integer::sum);
            } else if (p[0].equals("STMT")) {
                statements.merge(Long.parseLong(p[1]), 1, Integer::sum);
            }
        }
        check(s, recorded, statements, String.join("\n", lines));
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("threadRounds")
    void threadsStartedTogetherEachMigrationRunsOnce(int n, Journal journal) throws Exception {
        Start s = start(journal, false);
        Map<Long, Integer> recorded = Collections.synchronizedMap(new TreeMap<>());
        Map<Long, Integer> statements = Collections.synchronizedMap(new TreeMap<>());
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    Converge c = Converge.configure().dataSource(ReferenceRun.dataSource(s.file(), 1))
                            .migrations(Fixtures.starpunkMigrations()).listener(e -> {
                                if (e instanceof RunEvent.Recorded r) {
                                    recorded.merge(r.entry().version().value(), 1, Integer::sum);
                                } else if (e instanceof RunEvent.StatementExecuted x) {
                                    statements.merge(x.step().version().value(), 1, Integer::sum);
                                }
                            }).load();
                    barrier.await();
                    try {
                        c.migrate();
                    } catch (RuntimeException e) {
                        errors.add(e.toString());
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
        assertThat(errors).as("every thread succeeds").isEmpty();
        check(s, recorded, statements, "");
    }

    private void check(Start s, Map<Long, Integer> recorded, Map<Long, Integer> statements, String output) {
        Map<Long, Integer> onceEach = new TreeMap<>();
        Map<Long, Integer> statementsOnce = new TreeMap<>();
        for (ReferenceRun.Step step : s.ref().steps()) {
            onceEach.put(step.version(), 1);
            if (step.statements() > 0) {
                statementsOnce.put(step.version(), step.statements());
            }
        }
        assertThat(recorded).as("history rows written, per version, across all runs\n%s", output).isEqualTo(onceEach);
        assertThat(statements).as("statements executed, per version, across all runs\n%s", output).isEqualTo(statementsOnce);
        Snapshot end = Snapshot.of(s.file());
        assertThat(end.history()).as("one history row per migration").isEqualTo(s.ref().end().history());
        assertThat(end.healthy()).as("%s %s", end.integrity(), end.foreignKeyViolations()).isTrue();
        assertThat(ReferenceRun.schemaDiff(s.file(), Fixtures.starpunkSchema())).isEmpty();
        assertThat(end.stable()).as("rows as after one uninterrupted run").isEqualTo(s.ref().end().stable());
    }
}
