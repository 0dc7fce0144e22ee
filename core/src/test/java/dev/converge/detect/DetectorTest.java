package dev.converge.detect;

import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.history.How;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaParser;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.source.Version;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector with values: live schemas are points of the reference (or those points edited as values), history is a
 * value. One test per state and reason.
 */
class DetectorTest {

    private static MigrationSet set(String... nameThenSql) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            files.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return MigrationSource.memory(files).load();
    }

    private static History recorded(MigrationSet set, long... versions) {
        List<HistoryEntry> rows = new ArrayList<>();
        for (long v : versions) {
            Migration m = set.get(Version.of(v)).orElseThrow();
            rows.add(new HistoryEntry(m.version(), m.name(), m.checksum(), How.EXECUTED, "2026-01-01T00:00:00Z", 1L, 1L));
        }
        return new History("schema_migrations", rows.isEmpty() ? History.Layout.NONE : History.Layout.CURRENT, rows, 1);
    }

    private static Schema after(Reference ref, long version) {
        for (MigrationEffects me : ref.migrations()) {
            if (me.migration().version().value() == version) {
                return ref.schemaAt(me.end());
            }
        }
        throw new IllegalArgumentException("no migration " + version);
    }

    private static Schema afterStatement(Reference ref, long version, int j) {
        for (MigrationEffects me : ref.migrations()) {
            if (me.migration().version().value() == version) {
                return ref.schemaAt(me.start() + j);
            }
        }
        throw new IllegalArgumentException("no migration " + version);
    }

    private static Map<Long, MigrationState> states(Detection d) {
        Map<Long, MigrationState> out = new LinkedHashMap<>();
        d.statuses().forEach(s -> out.put(s.version().value(), s.state()));
        return out;
    }

    private static final MigrationSet BASIC = set(
            "001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);",
            "002_users_email_index.sql", "CREATE UNIQUE INDEX users_email ON users(email);",
            "003_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT);\n"
                    + "CREATE INDEX posts_user ON posts(user_id);",
            "004_seed.sql", "INSERT INTO users (email) VALUES ('admin@example.org');");

    /**
     * Regression: a migration that only drops (here a scratch table) "stood exactly as after it" on any database
     * lacking that table, an empty one included, so F reached it and every migration before it was taken as present;
     * the rename in 004 then had no table to rename (a long property run, seed 3957839731673).
     */
    @Test
    void aMigrationThatOnlyDropsIsNoEvidenceThatTheMigrationsBeforeItRan() {
        MigrationSet set = set(
                "001_a.sql", "CREATE TABLE a (x TEXT);",
                "002_scratch.sql", "CREATE TABLE scratch (y TEXT);",
                "003_drop_scratch.sql", "DROP TABLE scratch;",
                "004_rename.sql", "ALTER TABLE a RENAME TO b;");
        Reference ref = Reference.replay(set);

        Detection empty = Detector.detect(ref, Schema.empty(), History.none("schema_migrations"));
        Detection afterOne = Detector.detect(ref, after(ref, 1), History.none("schema_migrations"));

        assertThat(states(empty)).containsExactly(Map.entry(1L, MigrationState.ABSENT),
                Map.entry(2L, MigrationState.ABSENT), Map.entry(3L, MigrationState.ABSENT),
                Map.entry(4L, MigrationState.ABSENT));
        assertThat(states(afterOne).get(1L)).isEqualTo(MigrationState.PRESENT);
        assertThat(states(afterOne).get(4L)).isEqualTo(MigrationState.ABSENT);
    }

    /**
     * Regression: a table created and renamed away by one migration, interrupted between the two, was taken for a
     * rebuild's scratch copy and dropped with its rows to rerun the migration (a long property run, seed
     * 5523219208047). Only a table the migration fills with INSERT … SELECT is such a copy; this one is resumed.
     */
    @Test
    void aTableCreatedAndRenamedAwayByItsMigrationIsResumedNotDroppedWithItsRows() {
        MigrationSet set = set(
                "001_t.sql", "CREATE TABLE t1 (a TEXT);\nALTER TABLE t1 RENAME TO t6;",
                "002_rebuild.sql", "CREATE TABLE t6_new (a TEXT, b TEXT);\n"
                        + "INSERT INTO t6_new (a) SELECT a FROM t6;\nDROP TABLE t6;\nALTER TABLE t6_new RENAME TO t6;");
        Reference ref = Reference.replay(set);

        MigrationStatus renamed = Detector.detect(ref, afterStatement(ref, 1, 1), History.none("schema_migrations"))
                .statuses().get(0);
        MigrationStatus copied = Detector.detect(ref, afterStatement(ref, 2, 2), recorded(set, 1)).statuses().get(1);

        assertThat(renamed.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(renamed).temporaries()).isEmpty();
        assertThat(half(renamed).resumeAfter()).isEqualTo(1);
        assertThat(copied.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(copied).temporaries()).extracting(ObjectId::key).containsExactly("t6_new");
    }

    /**
     * Regression (a long property run, seed 6472717812582): a rebuild adds a column that a later migration drops, so
     * the table ends as it began; on a database with only the first migration, the last one "stood exactly as after
     * it", F jumped to it, and the index in between was judged a conflict.
     */
    @Test
    void aTableThatEndsAsItBeganIsNoEvidenceThatTheMigrationsInBetweenRan() {
        MigrationSet set = set(
                "001_t.sql", "CREATE TABLE t (a TEXT, b TEXT);",
                "002_index.sql", "CREATE INDEX t_a ON t(a);",
                "003_rebuild.sql", "CREATE TABLE t_new (a TEXT, b TEXT, c TEXT);\n"
                        + "INSERT INTO t_new (a, b) SELECT a, b FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;\n"
                        + "CREATE INDEX t_a ON t(a);",
                "004_drop_c.sql", "ALTER TABLE t DROP COLUMN c;");
        Reference ref = Reference.replay(set);

        Detection firstOnly = Detector.detect(ref, after(ref, 1), recorded(set, 1));

        assertThat(states(firstOnly)).containsExactly(Map.entry(1L, MigrationState.APPLIED),
                Map.entry(2L, MigrationState.ABSENT), Map.entry(3L, MigrationState.ABSENT),
                Map.entry(4L, MigrationState.ABSENT));
    }

    /** A database made by the full schema: an index created and later dropped leaves every migration present. */
    @Test
    void aTrailingDropIsEvidenceWhenTheWholeSchemaIsTheOneAfterIt() {
        MigrationSet set = set(
                "001_a.sql", "CREATE TABLE a (x TEXT);",
                "002_index.sql", "CREATE INDEX a_x ON a(x);",
                "003_drop_index.sql", "DROP INDEX a_x;");
        Reference ref = Reference.replay(set);

        Detection full = Detector.detect(ref, after(ref, 3), History.none("schema_migrations"));

        assertThat(states(full)).containsExactly(Map.entry(1L, MigrationState.PRESENT),
                Map.entry(2L, MigrationState.PRESENT), Map.entry(3L, MigrationState.PRESENT));
    }

    @Test
    void emptyDatabaseHasEveryMigrationAbsent() {
        Reference ref = Reference.replay(BASIC);
        Detection d = Detector.detect(ref, Schema.empty(), History.none("schema_migrations"));
        assertThat(states(d)).containsExactly(Map.entry(1L, MigrationState.ABSENT), Map.entry(2L, MigrationState.ABSENT),
                Map.entry(3L, MigrationState.ABSENT), Map.entry(4L, MigrationState.ABSENT));
        assertThat(d.status(Version.of(3)).orElseThrow().reason().missing())
                .containsExactlyInAnyOrder(ObjectId.table("posts"), ObjectId.index("posts_user"));
    }

    @Test
    void fullSchemaWithoutHistoryIsPresentButATrailingDataOnlyMigrationIsUncertain() {
        // nothing shows whether the seed of 004 ran (rule "data alone is uncertain"): it is tried in a savepoint
        Reference ref = Reference.replay(BASIC);
        Detection d = Detector.detect(ref, ref.target(), History.none("schema_migrations"));
        assertThat(states(d)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.PRESENT)
                .containsEntry(3L, MigrationState.PRESENT).containsEntry(4L, MigrationState.UNCERTAIN);
        assertThat(d.inPlaceUpTo()).isEqualTo(Version.of(3));
    }

    @Test
    void aDataOnlyMigrationBehindRecordedMigrationsIsAbsentNotUncertain() {
        // the history vouches for everything before it: the seed certainly has not run
        Reference ref = Reference.replay(BASIC);
        Detection d = Detector.detect(ref, ref.target(), recorded(BASIC, 1, 2, 3));
        assertThat(states(d)).containsEntry(4L, MigrationState.ABSENT);
    }

    @Test
    void aDataOnlyMigrationFollowedByMigrationsInPlaceIsPresent() {
        MigrationSet s = set("001_t.sql", "CREATE TABLE t (a);",
                "002_seed.sql", "INSERT INTO t (a) VALUES (1);",
                "003_u.sql", "CREATE TABLE u (b);");
        Reference ref = Reference.replay(s);
        assertThat(states(Detector.detect(ref, ref.target(), History.none("h"))).values()).containsOnly(MigrationState.PRESENT);
        // regression: with everything before it recorded, a trailing seed was recorded as detected and never ran
        assertThat(Detector.detect(ref, after(ref, 1), recorded(s, 1)).state(2)).isEqualTo(MigrationState.ABSENT);
    }

    @Test
    void recordedMigrationsAreAppliedAndAChangedFileIsAChecksumMismatch() {
        Reference ref = Reference.replay(BASIC);
        Migration m1 = BASIC.get(Version.of(1)).orElseThrow();
        History h = new History("schema_migrations", History.Layout.CURRENT, List.of(
                new HistoryEntry(m1.version(), m1.name(), "0000", How.EXECUTED, "t", 1L, 1L)), 1);
        Detection d = Detector.detect(ref, after(ref, 1), h);
        assertThat(d.state(1)).isEqualTo(MigrationState.CHECKSUM_MISMATCH);
        assertThat(d.status(Version.of(1)).orElseThrow().reason().summary()).contains("0000").contains(m1.checksum());
        Detection ok = Detector.detect(ref, after(ref, 1), recorded(BASIC, 1));
        assertThat(ok.state(1)).isEqualTo(MigrationState.APPLIED);
        assertThat(ok.state(2)).isEqualTo(MigrationState.ABSENT);
    }

    /** Regression: a migration recorded with its checksum in upper-case hex was a CHECKSUM_MISMATCH. */
    @Test
    void aChecksumRecordedInUpperCaseIsApplied() {
        Reference ref = Reference.replay(BASIC);
        Migration m1 = BASIC.get(Version.of(1)).orElseThrow();
        History h = new History("schema_migrations", History.Layout.CURRENT, List.of(new HistoryEntry(m1.version(),
                m1.name(), m1.checksum().toUpperCase(java.util.Locale.ROOT), How.EXECUTED, "t", 1L, 1L)), 1);
        assertThat(Detector.detect(ref, after(ref, 1), h).state(1)).isEqualTo(MigrationState.APPLIED);
    }

    @Test
    void dataOnlyMigrationIsAbsentWhenTheMigrationsBeforeItAreNotInPlace() {
        Reference ref = Reference.replay(BASIC);
        Detection d = Detector.detect(ref, after(ref, 2), History.none("schema_migrations"));
        assertThat(states(d)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.PRESENT)
                .containsEntry(3L, MigrationState.ABSENT).containsEntry(4L, MigrationState.ABSENT);
    }

    @Test
    void someEffectsHoldingAndTheRestMissingIsPartialWithThoseObjectsNamed() {
        Reference ref = Reference.replay(BASIC);
        Schema live = ref.target().without(ObjectId.index("posts_user"));
        Detection d = Detector.detect(ref, live, recorded(BASIC, 1, 2));
        MigrationStatus s3 = d.status(Version.of(3)).orElseThrow();
        assertThat(s3.state()).isEqualTo(MigrationState.PARTIAL);
        assertThat(s3.reason().holding()).containsExactly(ObjectId.table("posts"));
        assertThat(s3.reason().missing()).containsExactly(ObjectId.index("posts_user"));
        Plan plan = Planner.plan(ref, live, recorded(BASIC, 1, 2), 1, PlanOptions.defaults(), null, null);
        Step step = plan.steps().stream().filter(s -> s.version() != null && s.version().value() == 3).findFirst().orElseThrow();
        assertThat(step.statements()).extracting(st -> st.text()).containsExactly("CREATE INDEX posts_user ON posts(user_id)");
        assertThat(step.how()).isEqualTo(How.COMPLETED);
    }

    @Test
    void aConflictNamesTheNearestPointOfTheTimelineNotTheMigrationBeingJudged() {
        MigrationSet set = set(
                "001_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
                "002_title.sql", "ALTER TABLE notes ADD COLUMN title TEXT;",
                "003_more.sql", "ALTER TABLE notes ADD COLUMN a TEXT;\nALTER TABLE notes ADD COLUMN b TEXT;\n"
                        + "ALTER TABLE notes ADD COLUMN c TEXT;");
        Reference ref = Reference.replay(set);
        // the table as 001 leaves it, plus a column no migration makes: nearest to 001's point, far from 003's end
        Schema live = ref.schemaAt(0).with(SchemaParser.parse("table", "notes", "notes",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, extra INTEGER)"));
        MigrationStatus s = Detector.detect(ref, live, History.none("schema_migrations")).statuses().get(0);

        assertThat(s.state()).isEqualTo(MigrationState.CONFLICT);
        ObjectConflict c = s.reason().conflicts().get(0);
        assertThat(c.where()).isEqualTo("as 001_notes.sql leaves it");
        assertThat(c.expected().sql()).doesNotContain("title");
        assertThat(c.describe()).contains("(as 001_notes.sql leaves it)").contains("extra");
    }

    @Test
    void anObjectMatchingNoPointIsAConflictWithExpectedAndActual() {
        Reference ref = Reference.replay(BASIC);
        Schema live = after(ref, 2).with(SchemaParser.parse("table", "posts", "posts",
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)"));
        Detection d = Detector.detect(ref, live, recorded(BASIC, 1, 2));
        MigrationStatus s3 = d.status(Version.of(3)).orElseThrow();
        assertThat(s3.state()).isEqualTo(MigrationState.CONFLICT);
        assertThat(conflict(s3).replaces()).isFalse();
        assertThat(s3.reason().conflicts()).hasSize(1);
        assertThat(s3.reason().conflicts().get(0).object()).isEqualTo(ObjectId.table("posts"));
        assertThat(s3.reason().conflicts().get(0).describe()).contains("title").contains("user_id");
    }

    @Test
    void aConflictOnAnObjectTheMigrationDropsFirstIsReplaced() {
        MigrationSet s = set("001_t.sql", "CREATE TABLE t (a TEXT);",
                "002_replace_t.sql", "DROP TABLE IF EXISTS t;\nCREATE TABLE t (a TEXT, b TEXT);");
        Reference ref = Reference.replay(s);
        Schema live = Schema.of(SchemaParser.parse("table", "t", "t", "CREATE TABLE t (a TEXT, zzz INT)"));
        Detection d = Detector.detect(ref, live, recorded(s, 1));
        assertThat(d.state(2)).isEqualTo(MigrationState.CONFLICT);
        assertThat(conflict(d.status(Version.of(2)).orElseThrow()).replaces()).isTrue();
    }

    @Test
    void aTableCreatedAndDroppedLaterIsAmbiguousAbsenceResolvedByF() {
        MigrationSet s = set("001_tmp.sql", "CREATE TABLE tmp (a);",
                "002_keep.sql", "CREATE TABLE keep (a);",
                "003_drop_tmp.sql", "DROP TABLE tmp;",
                "004_more.sql", "CREATE TABLE more (a);");
        Reference ref = Reference.replay(s);
        // the full schema: tmp absent (matches before 001 and after 003), keep and more present
        Detection full = Detector.detect(ref, ref.target(), History.none("h"));
        assertThat(states(full).values()).containsOnly(MigrationState.PRESENT);
        // only 001 applied: tmp present (unambiguous), the rest absent
        Detection early = Detector.detect(ref, after(ref, 1), History.none("h"));
        assertThat(states(early)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.ABSENT)
                .containsEntry(3L, MigrationState.ABSENT).containsEntry(4L, MigrationState.ABSENT);
        // empty: tmp's absence is taken as before 001
        Detection empty = Detector.detect(ref, Schema.empty(), History.none("h"));
        assertThat(states(empty).values()).containsOnly(MigrationState.ABSENT);
    }

    @Test
    void anIndexDroppedAndRecreatedIdenticallyIsJudgedByItsNeighbours() {
        MigrationSet s = set("001_t.sql", "CREATE TABLE t (a, b);\nCREATE INDEX t_a ON t(a);",
                "002_drop_index.sql", "DROP INDEX t_a;\nCREATE TABLE u (x);",
                "003_recreate_index.sql", "CREATE INDEX t_a ON t(a);\nCREATE TABLE v (y);");
        Reference ref = Reference.replay(s);
        Detection full = Detector.detect(ref, ref.target(), History.none("h"));
        assertThat(states(full).values()).containsOnly(MigrationState.PRESENT);
        Detection mid = Detector.detect(ref, after(ref, 2), History.none("h"));
        assertThat(states(mid)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.PRESENT)
                .containsEntry(3L, MigrationState.ABSENT);
        Detection first = Detector.detect(ref, after(ref, 1), History.none("h"));
        assertThat(states(first)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.ABSENT)
                .containsEntry(3L, MigrationState.ABSENT);
    }

    @Test
    void aColumnRemovedAndReAddedIsJudgedByItsNeighbours() {
        MigrationSet s = set("001_t.sql", "CREATE TABLE t (a, b TEXT);",
                "002_drop_b.sql", "ALTER TABLE t DROP COLUMN b;\nCREATE TABLE marker2 (x);",
                "003_readd_b.sql", "ALTER TABLE t ADD COLUMN b TEXT;\nCREATE TABLE marker3 (x);");
        Reference ref = Reference.replay(s);
        Detection full = Detector.detect(ref, ref.target(), History.none("h"));
        assertThat(states(full).values()).containsOnly(MigrationState.PRESENT);
        Detection first = Detector.detect(ref, after(ref, 1), History.none("h"));
        assertThat(states(first)).containsEntry(1L, MigrationState.PRESENT).containsEntry(2L, MigrationState.ABSENT)
                .containsEntry(3L, MigrationState.ABSENT);
    }

    private static final MigrationSet REBUILD = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nCREATE INDEX t_name ON t(name);",
            "002_rebuild_t.sql", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO t_new (id, name) SELECT id, coalesce(name, '') FROM t;\n"
                    + "DROP TABLE t;\n"
                    + "ALTER TABLE t_new RENAME TO t;\n"
                    + "CREATE INDEX t_name ON t(name);");

    @Test
    void rebuildInterruptedAfterCreateTableNewDropsTheTemporaryAndRunsWhole() {
        Reference ref = Reference.replay(REBUILD);
        Schema live = afterStatement(ref, 2, 1);
        Detection d = Detector.detect(ref, live, recorded(REBUILD, 1));
        MigrationStatus s = d.status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).temporaries()).containsExactly(ObjectId.table("t_new"));
        assertThat(half(s).resumeAfter()).isZero();
        Plan plan = Planner.plan(ref, live, recorded(REBUILD, 1), 1, PlanOptions.defaults(), null, null);
        Step step = plan.steps().get(1);
        assertThat(step.statements()).hasSize(6);
        assertThat(step.statements().get(0).text()).isEqualTo("DROP TABLE IF EXISTS \"t_new\"");
    }

    private static final MigrationSet REBUILD_WITH_LATE_INDEX = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);",
            "002_u.sql", "CREATE TABLE u (id INTEGER PRIMARY KEY);",
            "003_rebuild_t.sql", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO t_new (id, name) SELECT id, coalesce(name, '') FROM t;\n"
                    + "DROP TABLE t;\n"
                    + "ALTER TABLE t_new RENAME TO t;\n"
                    + "CREATE INDEX IF NOT EXISTS t_name ON t(name);");

    /**
     * Regression: a baseline that put a rebuild's new index on the old table (prefix(2)+baseline) made the index count
     * as evidence that the rebuild ran; its temporary table's absence then read as "after", and the completion
     * skipped creating it, so the plan failed at the RENAME and was refused.
     */
    @Test
    void anIndexOnTheTableARebuildReplacesIsNoEvidenceThatTheRebuildRan() {
        Reference ref = Reference.replay(REBUILD_WITH_LATE_INDEX);
        Schema live = after(ref, 2).with(SchemaParser.parse("index", "t_name", "t", "CREATE INDEX t_name ON t(name)"));

        Detection d = Detector.detect(ref, live, recorded(REBUILD_WITH_LATE_INDEX, 1, 2));

        assertThat(d.inPlaceUpTo()).isEqualTo(Version.of(2));
        // t_new, created and removed again by 003, is no effect of it (rule "transient objects are no effect")
        assertThat(d.status(Version.of(3)).orElseThrow().reason().missing())
                .contains(ObjectId.table("t")).doesNotContain(ObjectId.table("t_new"));
    }

    /**
     * Regression: completing a rebuild whose index already stood on the old table skipped the index's CREATE, though
     * the rebuild's DROP TABLE removes that index; the plan ended without it and was refused.
     */
    @Test
    void completingARebuildRecreatesTheIndexItsDropTableRemoves() {
        Reference ref = Reference.replay(REBUILD_WITH_LATE_INDEX);
        Schema live = after(ref, 1).with(SchemaParser.parse("index", "t_name", "t", "CREATE INDEX t_name ON t(name)"));

        Plan plan = Planner.plan(ref, live, recorded(REBUILD_WITH_LATE_INDEX, 1), 1, PlanOptions.defaults(), null, null);

        Step rebuild = plan.steps().stream().filter(st -> Version.of(3).equals(st.version())).findFirst().orElseThrow();
        assertThat(rebuild.statements()).extracting(st -> st.text())
                .endsWith("DROP TABLE t", "ALTER TABLE t_new RENAME TO t", "CREATE INDEX IF NOT EXISTS t_name ON t(name)");
    }

    @Test
    void rebuildInterruptedAfterDropTableResumesAfterIt() {
        Reference ref = Reference.replay(REBUILD);
        Schema live = afterStatement(ref, 2, 3);
        Detection d = Detector.detect(ref, live, recorded(REBUILD, 1));
        MigrationStatus s = d.status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).resumeAfter()).isEqualTo(3);
        assertThat(half(s).temporaries()).isEmpty();
        Plan plan = Planner.plan(ref, live, recorded(REBUILD, 1), 1, PlanOptions.defaults(), null, null);
        assertThat(plan.steps().get(1).statements()).extracting(st -> st.text())
                .containsExactly("ALTER TABLE t_new RENAME TO t", "CREATE INDEX t_name ON t(name)");
    }

    private static final MigrationSet REBUILD_WITH_VIEW = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nCREATE VIEW v AS SELECT name FROM t;",
            "002_rebuild_t.sql", "DROP VIEW v;\n"
                    + "CREATE TABLE t_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO t_new (id, name) SELECT id, coalesce(name, '') FROM t;\n"
                    + "DROP TABLE t;\n"
                    + "ALTER TABLE t_new RENAME TO t;\n"
                    + "CREATE VIEW v AS SELECT name FROM t;");

    @Test
    void rebuildInterruptedAfterItsCopyRewindsToBeforeTheTemporaryWasCreated() {
        Reference ref = Reference.replay(REBUILD_WITH_VIEW);
        // after the INSERT copy: the schema is the same as after CREATE TABLE t_new, so the copy cannot be trusted
        Schema live = afterStatement(ref, 2, 3);
        MigrationStatus s = Detector.detect(ref, live, recorded(REBUILD_WITH_VIEW, 1)).status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).temporaries()).containsExactly(ObjectId.table("t_new"));
        assertThat(half(s).resumeAfter()).isEqualTo(1);
        Plan plan = Planner.plan(ref, live, recorded(REBUILD_WITH_VIEW, 1), 1, PlanOptions.defaults(), null, null);
        assertThat(plan.steps().get(1).statements()).extracting(st -> st.text().split("\n")[0]).containsExactly(
                "DROP TABLE IF EXISTS \"t_new\"", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",
                "INSERT INTO t_new (id, name) SELECT id, coalesce(name, '') FROM t", "DROP TABLE t",
                "ALTER TABLE t_new RENAME TO t", "CREATE VIEW v AS SELECT name FROM t");
    }

    @Test
    void migrationInterruptedBeforeAnyEffectShowsIsHalfAppliedNotAbsent() {
        Reference ref = Reference.replay(REBUILD_WITH_VIEW);
        Schema live = afterStatement(ref, 2, 1); // only DROP VIEW ran
        MigrationStatus s = Detector.detect(ref, live, recorded(REBUILD_WITH_VIEW, 1)).status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).resumeAfter()).isEqualTo(1);
    }

    private static final MigrationSet REBUILD_THEN_REDEFINE_INDEX = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\nCREATE INDEX t_a ON t(a);",
            "002_rebuild_t.sql", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO t_new (id, a) SELECT id, coalesce(a, '') FROM t;\n"
                    + "DROP TABLE t;\n"
                    + "ALTER TABLE t_new RENAME TO t;\n"
                    + "CREATE INDEX t_a ON t(a);",
            "003_rename_a.sql", "DROP INDEX t_a;\n"
                    + "ALTER TABLE t RENAME COLUMN a TO b;\n"
                    + "CREATE INDEX t_a ON t(b);");

    /** Regression: a rebuild interrupted before its indexes were re-created was taken for the next migration's DROP INDEX. */
    @Test
    void rebuildInterruptedBeforeItsIndexesIsNotMistakenForTheNextMigrationDroppingThem() {
        Reference ref = Reference.replay(REBUILD_THEN_REDEFINE_INDEX);
        Schema live = afterStatement(ref, 2, 4); // renamed, index not yet re-created
        Detection d = Detector.detect(ref, live, recorded(REBUILD_THEN_REDEFINE_INDEX, 1));
        MigrationStatus s2 = d.status(Version.of(2)).orElseThrow();
        assertThat(s2.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s2).resumeAfter()).isEqualTo(4);
        assertThat(d.state(3)).isEqualTo(MigrationState.ABSENT);
    }

    private static final MigrationSet ROLES_WITH_SEED = set(
            "001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
            "002_roles.sql", "CREATE TABLE roles (name TEXT PRIMARY KEY) WITHOUT ROWID;\n"
                    + "CREATE TABLE user_roles (user_id INTEGER REFERENCES users(id), role TEXT REFERENCES roles(name));\n"
                    + "INSERT OR IGNORE INTO roles (name) VALUES ('admin'), ('user');\n"
                    + "INSERT INTO user_roles (user_id, role) SELECT id, 'user' FROM users;");

    /**
     * Regression: a migration stopped after its first statement was judged PARTIAL, which skipped the seed rows of the
     * table that statement had created, and the next statement's copy then broke its foreign key.
     */
    @Test
    void objectsStandingExactlyAfterAStatementAreHalfAppliedSoLaterDataStatementsRun() {
        Reference ref = Reference.replay(ROLES_WITH_SEED);
        Schema live = afterStatement(ref, 2, 1);
        MigrationStatus s = Detector.detect(ref, live, recorded(ROLES_WITH_SEED, 1)).status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).resumeAfter()).isEqualTo(1);
        Plan plan = Planner.plan(ref, live, recorded(ROLES_WITH_SEED, 1), 1, PlanOptions.defaults(), null, null);
        assertThat(plan.steps().get(1).statements()).extracting(st -> st.text().split(" \\(")[0]).containsExactly(
                "CREATE TABLE user_roles", "INSERT OR IGNORE INTO roles", "INSERT INTO user_roles");
    }

    private static final MigrationSet AUDIT_REPLACED = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);",
            "002_t_b.sql", "ALTER TABLE t ADD COLUMN b TEXT;",
            "003_audit.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);\n"
                    + "CREATE INDEX audit_what ON audit(what);",
            "004_new_audit.sql", "DROP TABLE audit;\n"
                    + "CREATE TABLE audit (id INTEGER PRIMARY KEY, entity TEXT NOT NULL);");

    /**
     * Regression: a baseline created the table that migration 4 re-creates while migration 2 had not run; the index of
     * the table's earlier incarnation was judged missing, and completing migration 3 indexed a column that is gone.
     */
    @Test
    void anIndexIsNotMissingFromAnIncarnationOfItsTableThatIsAlreadyReplaced() {
        Reference ref = Reference.replay(AUDIT_REPLACED);
        Schema live = after(ref, 1).with(ref.target().get(ObjectId.table("audit")).orElseThrow());
        Detection d = Detector.detect(ref, live, recorded(AUDIT_REPLACED, 1));
        assertThat(states(d)).containsEntry(2L, MigrationState.ABSENT).containsEntry(3L, MigrationState.PRESENT)
                .containsEntry(4L, MigrationState.PRESENT);
    }

    private static final MigrationSet REBUILD_THEN_INDEX = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);",
            "002_rebuild_t.sql", "CREATE TABLE t_new (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO t_new (id, a) SELECT id, coalesce(a, '') FROM t;\n"
                    + "DROP TABLE t;\n"
                    + "ALTER TABLE t_new RENAME TO t;",
            "003_t_a.sql", "CREATE INDEX t_a ON t(a);");

    /**
     * Regression (go-notes, prefix+baseline): a baseline run over an older prefix made a later migration's index on
     * the table a rebuild goes on to replace; the index was counted as held, its migration skipped its CREATE, and the
     * rebuild's DROP TABLE took it away: the plan ended without it (rule "an index goes with its table").
     */
    @Test
    void anIndexMadeAheadOnATableARebuildReplacesIsMadeAgainByItsMigration() {
        Reference ref = Reference.replay(REBUILD_THEN_INDEX);
        Schema live = after(ref, 1).with(SchemaParser.parse("index", "t_a", "t", "CREATE INDEX t_a ON t(a)"));

        Detection d = Detector.detect(ref, live, recorded(REBUILD_THEN_INDEX, 1));

        assertThat(d.ahead()).containsExactly(ObjectId.index("t_a"));
        assertThat(states(d)).containsEntry(2L, MigrationState.ABSENT).containsEntry(3L, MigrationState.ABSENT);
        Plan plan = Planner.plan(ref, live, recorded(REBUILD_THEN_INDEX, 1), 1, PlanOptions.defaults(), null, null);
        Step index = plan.steps().stream().filter(st -> Version.of(3).equals(st.version())).findFirst().orElseThrow();
        assertThat(index.statements()).extracting(st -> st.text()).containsExactly("CREATE INDEX t_a ON t(a)");
    }

    private static final MigrationSet VIEW_REMADE_THEN_TABLE = set(
            "001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
            "002_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                    + "CREATE VIEW v AS SELECT id FROM notes;",
            "003_v_body.sql", "DROP VIEW v;\nCREATE VIEW v AS SELECT id, body FROM notes;",
            "004_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);",
            "005_rebuild_notes.sql", "DROP VIEW v;\n"
                    + "CREATE TABLE notes_new (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');\n"
                    + "INSERT INTO notes_new (id, body) SELECT id, coalesce(body, '') FROM notes;\n"
                    + "DROP TABLE notes;\n"
                    + "ALTER TABLE notes_new RENAME TO notes;\n"
                    + "CREATE VIEW v AS SELECT id, body FROM notes;");

    /**
     * Regression (go-notes, prefix(1)+baseline): a table made ahead put F past migrations whose objects are all
     * absent, and an absent view was placed in the gap where migration 3 drops and re-creates it: migration 2 read
     * as holding the view, migration 3 as standing mid-way, and the run was refused (rule "a transient absence is no
     * position").
     */
    @Test
    void anAbsenceInsideAMigrationThatIsNotWhereTheDatabaseIsIsNoPosition() {
        Reference ref = Reference.replay(VIEW_REMADE_THEN_TABLE);
        Schema live = after(ref, 1).with(ref.target().get(ObjectId.table("tags")).orElseThrow());

        Detection d = Detector.detect(ref, live, recorded(VIEW_REMADE_THEN_TABLE, 1));

        assertThat(d.inPlaceUpTo()).isEqualTo(Version.of(4));
        assertThat(states(d)).containsEntry(2L, MigrationState.ABSENT).containsEntry(3L, MigrationState.ABSENT);
    }

    @Test
    void historyRowsWithoutFilesAreMissingOrFuture() {
        Reference ref = Reference.replay(BASIC);
        List<HistoryEntry> rows = new ArrayList<>(recorded(BASIC, 1, 2, 3, 4).entries());
        rows.add(new HistoryEntry(Version.of(9), "009_newer.sql", "abc", How.EXECUTED, "t", 1L, 1L));
        MigrationSet gap = set("001_users.sql", BASIC.get(Version.of(1)).orElseThrow().text(),
                "003_posts.sql", BASIC.get(Version.of(3)).orElseThrow().text(),
                "004_seed.sql", BASIC.get(Version.of(4)).orElseThrow().text());
        Reference gapRef = Reference.replay(gap);
        History h = new History("h", History.Layout.CURRENT, rows, 1);
        Detection d = Detector.detect(gapRef, ref.target(), h);
        assertThat(d.state(2)).isEqualTo(MigrationState.MISSING);
        assertThat(d.state(9)).isEqualTo(MigrationState.FUTURE);
    }

    @Test
    void aPendingMigrationOlderThanTheNewestAppliedIsOutOfOrder() {
        Reference ref = Reference.replay(BASIC);
        Schema live = after(ref, 1).with(SchemaParser.parse("table", "posts", "posts",
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT)"))
                .with(SchemaParser.parse("index", "posts_user", "posts", "CREATE INDEX posts_user ON posts(user_id)"));
        Detection d = Detector.detect(ref, live, recorded(BASIC, 1, 3));
        MigrationStatus s2 = d.status(Version.of(2)).orElseThrow();
        assertThat(s2.state()).isEqualTo(MigrationState.OUT_OF_ORDER);
        assertThat(outOfOrder(s2).underlying().state()).isEqualTo(MigrationState.ABSENT);
    }

    @Test
    void unmanagedObjectsAreListed() {
        Reference ref = Reference.replay(BASIC);
        Schema live = ref.target().with(SchemaParser.parse("index", "by_hand", "users", "CREATE INDEX by_hand ON users(id, email)"));
        Detection d = Detector.detect(ref, live, recorded(BASIC, 1, 2, 3, 4));
        assertThat(d.unmanaged()).containsExactly(ObjectId.index("by_hand"));
    }

    private static final MigrationSet RECURRING_INDEX = set(
            "001_t.sql", "CREATE TABLE t (a TEXT);",
            "002_reindex.sql", "CREATE INDEX i ON t(a);\nDROP INDEX i;\nCREATE INDEX i ON t(a);\nCREATE TABLE u (b TEXT);");

    /** Where two statement points fit, the other one and "not interrupted" are the readings left to try. */
    @Test
    void anInterruptionThatSeveralPointsFitLeavesTheOthersAsReadings() {
        Reference ref = Reference.replay(RECURRING_INDEX);
        Schema live = afterStatement(ref, 2, 1);
        History h = recorded(RECURRING_INDEX, 1);

        Detection first = Detector.detect(ref, live, h);
        assertThat(half(first.status(Version.of(2)).orElseThrow()).resumeAfter()).isEqualTo(3);
        assertThat(Detector.alternatives(ref, live, first)).containsExactly(
                new Reading(Map.of(Version.of(2), 1)), new Reading(Map.of(Version.of(2), 0)));

        Detection other = Detector.detect(ref, live, h, RowFacts.NONE, new Reading(Map.of(Version.of(2), 1)));
        MigrationStatus s = other.status(Version.of(2)).orElseThrow();
        assertThat(s.state()).isEqualTo(MigrationState.HALF_APPLIED);
        assertThat(half(s).resumeAfter()).isEqualTo(1);
    }

    /** A reading whose forced point the objects do not fit reads the migration as not interrupted there. */
    @Test
    void aReadingThatDoesNotFitIsNoInterruption() {
        Reference ref = Reference.replay(RECURRING_INDEX);
        Schema live = afterStatement(ref, 2, 1);
        Detection d = Detector.detect(ref, live, recorded(RECURRING_INDEX, 1), RowFacts.NONE,
                new Reading(Map.of(Version.of(2), 2)));
        assertThat(d.status(Version.of(2)).orElseThrow().state()).isNotEqualTo(MigrationState.HALF_APPLIED);
    }

    @Test
    void aVerdictCarriesOnlyItsOwnData() {
        Migration m = set("001_a.sql", "CREATE TABLE a (x);").migrations().get(0);
        assertThat(MigrationStatus.of(m, MigrationState.UNCERTAIN, Reason.of("u")))
                .isInstanceOf(MigrationStatus.Uncertain.class);
        assertThat(MigrationStatus.of(m, MigrationState.ABSENT, Reason.of("a")))
                .isInstanceOf(MigrationStatus.Plain.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MigrationStatus.Plain(m.version(), m.name(),
                MigrationState.HALF_APPLIED, Reason.of("h"), m, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MigrationStatus.HalfApplied half(MigrationStatus s) {
        assertThat(s).isInstanceOf(MigrationStatus.HalfApplied.class);
        return (MigrationStatus.HalfApplied) s;
    }

    private static MigrationStatus.Conflict conflict(MigrationStatus s) {
        assertThat(s).isInstanceOf(MigrationStatus.Conflict.class);
        return (MigrationStatus.Conflict) s;
    }

    private static MigrationStatus.OutOfOrder outOfOrder(MigrationStatus s) {
        assertThat(s).isInstanceOf(MigrationStatus.OutOfOrder.class);
        return (MigrationStatus.OutOfOrder) s;
    }
}
