package dev.converge.scenarios.faults;

import dev.converge.scenarios.faults.Fixtures.Journal;
import dev.converge.scenarios.state.HistoryLayout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 while Converge adopts a legacy history table ({@code id, migration_name, applied_at}): the upgrade to its
 * own layout happens inside the first migration's transaction, so a kill before that COMMIT must leave the old table
 * exactly as it was, and a kill after it the new layout complete — never a staging table, never half the rows.
 * Two legacy histories: one that never knew version 0 (the first step only records 000 as detected), one that lists
 * 000 too (the first step executes 003).
 */
class LegacyAdoptionKillIT {
    private static final long SEED = Fixtures.seed();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "legacy history from {0}, {1}")
    @CsvSource({"1, DELETE", "1, WAL", "0, DELETE", "0, WAL"})
    void killDuringAdoptionLeavesTheOldLayoutIntactOrTheNewOneComplete(long legacyFrom, Journal journal) throws Exception {
        Path start = Fixtures.starpunkStates(legacyFrom).prefix(dir.resolve("legacy.db"), 2, HistoryLayout.LEGACY);
        Fixtures.fill(start, SEED, 100);
        Fixtures.journal(start, journal);
        Snapshot legacy = Snapshot.of(start);
        assertThat(legacy.history()).as("the start holds a legacy table").isNotEmpty()
                .allMatch(r -> r.startsWith("legacy "));
        ReferenceRun ref = ReferenceRun.of(start, Fixtures.starpunkMigrations(), dir.resolve("ref.db"));
        ReferenceRun.Step first = ref.steps().get(0);
        ReferenceRun.Step second = ref.steps().get(1);

        List<HaltPoint> inside = new ArrayList<>();
        inside.add(HaltPoint.atStep(first.version()));
        if (first.statements() > 0) {
            inside.add(HaltPoint.afterStatement(first.version(), 1));
        }
        inside.add(HaltPoint.recorded(first.version()));
        List<HaltPoint> points = new ArrayList<>(inside);
        points.add(HaltPoint.atStep(second.version()));
        if (second.joinsOpenTransaction()) {
            // the first step only recorded migrations found in place: its rows (and the adoption) commit with the
            // second, so a kill as the second starts is still inside the adoption's transaction
            inside.add(HaltPoint.atStep(second.version()));
        }

        int n = 0;
        for (HaltPoint p : points) {
            Path db = Fixtures.copy(start, dir.resolve("kill-" + n++ + "/db"));
            String context = "legacy from " + legacyFrom + ", " + journal + ", halt " + p + ", seed " + SEED;
            try (ChildJvm child = ChildJvm.start(List.of("migrate", db.toString(),
                    Fixtures.starpunkMigrations().toString(), "--halt", p.arg()))) {
                assertThat(child.waitFor()).as("%s: reached the halt point\n%s", context, child.output())
                        .isEqualTo(FaultChild.HALTED);
            }
            Snapshot killed = Snapshot.of(db);
            assertThat(killed.catalogue()).as(context).noneMatch(r -> r.contains("schema_migrations_converge_new"));
            if (inside.contains(p)) {
                assertThat(killed.history()).as("%s: the old layout, intact", context).isEqualTo(legacy.history());
            } else {
                assertThat(killed.history()).as("%s: the new layout, complete", context)
                        .noneMatch(r -> r.startsWith("legacy "))
                        .filteredOn(r -> r.endsWith("|adopted")).hasSize(legacy.history().size());
            }
            ReferenceRun.Step step = ref.step(p.version());
            AfterKill.verify(db, Fixtures.starpunkMigrations(), Fixtures.starpunkSchema(), ref, List.of(step.before()),
                    context);
            assertThat(Snapshot.of(db).history()).as("%s: after the next run", context)
                    .filteredOn(r -> r.endsWith("|adopted")).hasSize(legacy.history().size());
        }
    }
}
