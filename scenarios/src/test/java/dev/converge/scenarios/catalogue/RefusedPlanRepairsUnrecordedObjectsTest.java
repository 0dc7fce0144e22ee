package dev.converge.scenarios.catalogue;

import dev.converge.Converge;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine bug, found by the catalogue (conflict-unknown-column): with 000..002 recorded and a hand-made table media,
 * the plan treats media and idx_media_note_id — made by the unrecorded migration 003 — as drift of recorded
 * migrations: a REPAIR step re-creating idx_media_note_id, and a note "drift: table media differs from what the
 * recorded migrations made". Drift (DESIGN.md §4.7) concerns objects that recorded migrations created.
 */
class RefusedPlanRepairsUnrecordedObjectsTest {
    @Test
    void objectsOfAnUnrecordedMigrationAreNotReportedOrRepairedAsDrift(@TempDir Path dir) {
        Scenario s = Catalogue.standard().scenario("conflict-unknown-column");
        Fixture.OnDisk files = s.fixture().writeTo(dir, s.edits());
        Path db = s.build(dir.resolve("c.db"));
        Plan plan = Converge.configure().database(db).migrations(files.migrations()).baseline(files.baseline())
                .load().plan();
        assertThat(plan.refused()).isTrue();
        assertThat(plan.steps()).noneMatch(st -> st.action() == Action.REPAIR);
        assertThat(plan.notes()).noneMatch(n -> n.startsWith("drift:") && n.contains("media"));
    }
}
