package dev.converge.scenarios.verify;

import dev.converge.Converge;
import dev.converge.detect.Action;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.converge.detect.MigrationState.ABSENT;
import static dev.converge.detect.MigrationState.APPLIED;
import static dev.converge.detect.MigrationState.HALF_APPLIED;
import static dev.converge.detect.MigrationState.PARTIAL;
import static dev.converge.detect.MigrationState.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

/** What the plan says for the states of examples/starpunk, as a careful person would expect it. */
class StarpunkPlanTest {
    private static final Path SP = StarpunkAllStatesTest.starpunk();
    private static final StateBuilder BUILDER = StateBuilder.forFolder(SP.resolve("migrations"))
            .withBaseline(Baseline.read(SP.resolve("schema.sql")))
            .withReleases(Baseline.readFolder(SP.resolve("old")))
            .withLegacyHistoryFrom(1);

    @TempDir
    Path dir;

    private Plan plan(State s) {
        Path db = BUILDER.build(s, dir.resolve(s.fileName() + ".db"));
        return Converge.configure().database(db).migrations(SP.resolve("migrations"))
                .baseline(SP.resolve("schema.sql")).load().plan();
    }

    private static Map<Long, MigrationState> states(Plan p) {
        Map<Long, MigrationState> out = new LinkedHashMap<>();
        p.detection().statuses().forEach(s -> out.put(s.version().value(), s.state()));
        return out;
    }

    private static Baseline release(String name) {
        return Baseline.readFolder(SP.resolve("old")).stream().filter(b -> b.name().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void theIncidentPlansExactlyTheMissingIndexesOf002() {
        Plan p = plan(State.baselineOnly(release("v1.1")));
        // baseline-only(v1.1) has no history; the incident adds legacy history with 001 — covered in core's IncidentTest
        assertThat(states(p)).containsEntry(0L, PRESENT).containsEntry(1L, PRESENT).containsEntry(2L, PARTIAL)
                .containsEntry(3L, ABSENT).containsEntry(4L, ABSENT).containsEntry(5L, ABSENT);
        Step s2 = p.steps().stream().filter(s -> s.version() != null && s.version().value() == 2).findFirst().orElseThrow();
        assertThat(s2.statements()).allSatisfy(st -> assertThat(st.text()).startsWith("CREATE INDEX"));
        assertThat(s2.statements()).hasSize(5);
    }

    @Test
    void aRecordedPrefixIsAppliedAndTheRestAbsent() {
        Plan p = plan(State.prefix(2, HistoryLayout.CONVERGE));
        assertThat(states(p)).containsEntry(0L, APPLIED).containsEntry(1L, APPLIED).containsEntry(2L, APPLIED)
                .containsEntry(3L, ABSENT).containsEntry(4L, ABSENT).containsEntry(5L, ABSENT);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void aRestoredDatabaseWithoutHistoryIsPresentUpToWhereItStands() {
        Plan p = plan(State.historyLost(3));
        assertThat(states(p)).containsEntry(0L, PRESENT).containsEntry(1L, PRESENT).containsEntry(2L, PRESENT)
                .containsEntry(3L, PRESENT).containsEntry(4L, ABSENT).containsEntry(5L, ABSENT);
        assertThat(p.steps()).filteredOn(s -> s.version() != null && s.version().value() <= 3)
                .allSatisfy(s -> assertThat(s.action()).isEqualTo(Action.RECORD));
    }

    @Test
    void anEmptyDatabaseIsCreatedByTheBaselineInOneStep() {
        Plan p = plan(State.empty());
        assertThat(p.steps().get(0).action()).isEqualTo(Action.BASELINE);
        assertThat(p.steps().subList(1, p.steps().size())).allSatisfy(s -> assertThat(s.action()).isEqualTo(Action.RECORD));
    }

    @Test
    void theRebuildInterruptedAfterDroppingTheOldTableResumesWithTheRename() {
        Plan p = plan(State.halfApplied(4, 4, HistoryLayout.CONVERGE));
        assertThat(states(p)).containsEntry(3L, APPLIED).containsEntry(4L, HALF_APPLIED).containsEntry(5L, ABSENT);
        Step s4 = p.steps().stream().filter(s -> s.version() != null && s.version().value() == 4).findFirst().orElseThrow();
        assertThat(s4.statements().get(0).text()).isEqualTo("ALTER TABLE notes_new RENAME TO notes");
    }

    @Test
    void everyStateThePlanAcceptsRehearsesToTheTarget() {
        int accepted = 0;
        for (State s : BUILDER.allStates()) {
            Plan p = plan(s);
            assertThat(p.problems()).as(s.name()).isEmpty();
            accepted++;
        }
        assertThat(accepted).isEqualTo(BUILDER.allStates().size());
    }
}
