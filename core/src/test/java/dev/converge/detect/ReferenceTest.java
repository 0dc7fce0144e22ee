package dev.converge.detect;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay: per object its definitions over the timeline, the same whichever way catalogue rows are located. */
class ReferenceTest {
    private static MigrationSet set(String... nameThenSql) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            files.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return MigrationSource.memory(files).load();
    }

    private static final MigrationSet AWKWARD = set(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT, b INT);\n"
                    + "CREATE INDEX t_a ON t(a);\nCREATE TRIGGER t_ai AFTER INSERT ON t BEGIN SELECT 1; END;",
            "002_more.sql", "CREATE TABLE u (x TEXT REFERENCES t(id));\nCREATE VIEW v AS SELECT a FROM t;\n"
                    + "ALTER TABLE t ADD COLUMN c REAL;\nDROP INDEX t_a;\nCREATE INDEX t_a ON t(a, c);",
            "003_drop_and_reuse.sql", "DROP VIEW v;\nDROP TABLE t;\nCREATE TABLE t (id INTEGER PRIMARY KEY, z TEXT, q INT);\n"
                    + "CREATE VIEW v AS SELECT z FROM t;",
            "004_renames.sql", "ALTER TABLE u RENAME TO w;\nALTER TABLE w RENAME COLUMN x TO y;\n"
                    + "ALTER TABLE t DROP COLUMN q;",
            "005_fts.sql", "CREATE VIRTUAL TABLE docs USING fts5(body);\nCREATE INDEX w_y ON w(y);\nDROP TABLE docs;");

    @Test
    void locatingRowsByRowidGivesTheSameTimelineAsReadingThemByName() {
        for (MigrationSet s : new MigrationSet[]{AWKWARD, starpunk()}) {
            Reference fast = Reference.replayForTest(s, true);
            Reference slow = Reference.replayForTest(s, false);
            assertThat(fast).as("the rowid replay must agree with the catalogue").isNotNull();
            assertThat(fast.lastPoint()).isEqualTo(slow.lastPoint());
            assertThat(fast.objects().keySet()).isEqualTo(slow.objects().keySet());
            for (int p = 0; p <= fast.lastPoint(); p++) {
                assertThat(SchemaDiff.between(slow.schemaAt(p), fast.schemaAt(p))).as("point %d", p).isEmpty();
            }
            for (int i = 0; i < fast.migrations().size(); i++) {
                assertThat(fast.migrations().get(i).effects()).isEqualTo(slow.migrations().get(i).effects());
            }
        }
    }

    @Test
    void effectsNameWhatEachStatementChanged() {
        Reference ref = Reference.replay(AWKWARD);
        MigrationEffects m3 = ref.migrations().get(2);
        // DROP TABLE t takes its index and trigger with it
        assertThat(m3.effects().get(1)).containsExactlyInAnyOrder(ObjectId.table("t"), ObjectId.index("t_a"),
                ObjectId.trigger("t_ai"));
        // the FTS5 table is one object: its shadow tables never appear
        assertThat(ref.objects().keySet()).noneMatch(id -> id.key().startsWith("docs_"));
        assertThat(ref.target().contains(ObjectId.table("docs"))).isFalse();
        assertThat(ref.target().contains(ObjectId.table("w"))).isTrue();
    }

    @Test
    void aSetThatDoesNotReplayNamesFileLineAndSqliteMessage() {
        MigrationSet bad = set("001_t.sql", "CREATE TABLE t (a);", "002_bad.sql", "CREATE TABLE u (b);\nALTER TABLE nope ADD COLUMN c;");
        assertThatThrownBy(() -> Reference.replay(bad)).isInstanceOfSatisfying(ConvergeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.REPLAY_FAILED);
            assertThat(e.line()).hasValue(2);
            assertThat(e.getMessage()).contains("002_bad.sql").contains("nope");
        });
    }

    private static MigrationSet starpunk() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("examples/starpunk"))) {
            p = p.getParent();
        }
        return MigrationSource.folder(p.resolve("examples/starpunk/migrations")).load();
    }
}
