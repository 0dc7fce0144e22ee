package dev.converge.scenarios.faults;

import dev.converge.scenarios.faults.Fixtures.Journal;
import dev.converge.scenarios.state.HistoryLayout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL spread over the whole run, not over JVM start-up and replay. The random-moment kill test timed its kills
 * from the first step on a clock, and most landed before the first migration committed; here the parent counts the
 * child's statement events ({@code STMT}) and kills it with SIGKILL as soon as the chosen one has been printed: the
 * targets are spread evenly over the run's statements, so kills land in its first, middle and last third. The child
 * sleeps a little after each statement (inside the migration's transaction) so that the parent's kill arrives near
 * its target. Covered: table rebuilds of a 1.5 MB table, legacy-history adoption, and a baseline install, in both
 * journal modes. Each killed file must hold a committed state of an uninterrupted run and converge on the next run
 * ({@link AfterKill}). Where the kills landed is printed; every third must have been hit. 3 kills per case by default,
 * 12 under {@code -Dconverge.long=true}.
 */
class SpreadKillIT {
    private static final long SEED = Fixtures.seed();
    private static final int KILLS = Fixtures.LONG ? 12 : 3;
    private static final String PAUSE_MS = "15";

    @TempDir
    Path dir;

    private record Case(String name, Path start, Path migrations, Path baseline, Path schema) {
    }

    private List<Case> cases(Journal journal) throws Exception {
        Path empty = Fixtures.emptyDatabase(dir.resolve("empty.db"));
        Path legacy = Fixtures.starpunkStates(1).prefix(dir.resolve("legacy.db"), 2, HistoryLayout.LEGACY);
        Fixtures.fill(legacy, SEED, 100);
        for (Path f : List.of(empty, legacy)) {
            Fixtures.journal(f, journal);
        }
        return List.of(
                new Case("table rebuilds (1.5 MB) from empty", empty, Fixtures.rebuildMigrations(), null,
                        Fixtures.rebuildSchema()),
                new Case("legacy-history adoption from 002", legacy, Fixtures.starpunkMigrations(), null,
                        Fixtures.starpunkSchema()),
                new Case("baseline install on empty", empty, Fixtures.starpunkMigrations(), Fixtures.starpunkSchema(),
                        Fixtures.starpunkSchema()));
    }

    private static List<String> args(Path db, Case c) {
        List<String> a = new ArrayList<>(List.of("migrate", db.toString(), c.migrations().toString(), "--pause-ms",
                PAUSE_MS));
        if (c.baseline() != null) {
            a.addAll(List.of("--baseline", c.baseline().toString()));
        }
        return a;
    }

    private static long statements(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("STMT ")).count();
    }

    @ParameterizedTest
    @EnumSource(Journal.class)
    void killsSpreadOverTheRunLeaveACommittedState(Journal journal) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        int n = 0;
        for (Case c : cases(journal)) {
            ReferenceRun ref = ReferenceRun.of(c.start(), c.migrations(), c.baseline(), dir.resolve("ref-" + n + ".db"));
            // one statement event per statement the uninterrupted run executes
            long total = ref.steps().stream().mapToLong(ReferenceRun.Step::statements).sum();
            assertThat(total).as("%s: statements in a whole run", c.name()).isGreaterThanOrEqualTo(KILLS);
            int[] thirds = new int[4]; // first, middle, last third; ran to the end before the kill
            for (int k = 0; k < KILLS; k++) {
                int target = (int) Math.max(1, Math.round(total * (k + 0.5) / KILLS));
                Path db = Fixtures.copy(c.start(), dir.resolve("kill-" + n + "-" + k + "/db"));
                long landed;
                boolean ended;
                try (ChildJvm child = ChildJvm.start(args(db, c))) {
                    child.awaitLines("STMT ", target, 120_000);
                    child.kill();
                    landed = statements(child.lines());
                    ended = child.lines().stream().anyMatch(l -> l.startsWith("RESULT"));
                }
                thirds[ended ? 3 : (int) Math.min(2, 3 * (landed - 1) / total)]++;
                String context = c.name() + ", " + journal + ": SIGKILL after statement event " + landed + " of "
                        + total + " (target " + target + "), seed " + SEED;
                try {
                    AfterKill.verify(db, c.migrations(), c.baseline(), c.schema(), ref, ref.states(), context);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
            report.add(String.format("%s: %d statements, kills landed first/middle/last third/after the end: %d/%d/%d/%d",
                    c.name(), total, thirds[0], thirds[1], thirds[2], thirds[3]));
            for (int t = 0; t < 3; t++) {
                if (thirds[t] == 0) {
                    failures.add(c.name() + ", " + journal + ": no kill landed in third " + (t + 1) + " " + report);
                }
            }
            n++;
        }
        System.out.printf("[faults] spread SIGKILL %s, seed %d:%n  %s%n", journal, SEED, String.join("\n  ", report));
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }
}
