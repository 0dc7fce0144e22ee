package dev.converge.detect;

import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep gives, at the end of every migration, the dangling foreign keys of the whole schema at that point. */
class DanglingKeysTest {
    private static MigrationSet set(String... nameThenSql) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            files.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return MigrationSource.memory(files).load();
    }

    private static final MigrationSet PARENTS_COME_AND_GO = set(
            "001_p.sql", "CREATE TABLE P (id INTEGER PRIMARY KEY);\nCREATE TABLE q (id INTEGER PRIMARY KEY);",
            "002_c.sql", "CREATE TABLE c (a INT REFERENCES p(id), b INT REFERENCES P(id), d INT REFERENCES q(id));",
            "003_drop_parent.sql", "DROP TABLE p;",
            "004_rows.sql", "INSERT INTO q (id) VALUES (1);",
            "005_orphan.sql", "CREATE TABLE o (x INT REFERENCES nowhere(id));\nDROP TABLE q;",
            "006_back.sql", "CREATE TABLE p (id INTEGER PRIMARY KEY);",
            "007_drop_child.sql", "DROP TABLE c;",
            "008_rebuild.sql", "CREATE TABLE nowhere (id INTEGER PRIMARY KEY);\n"
                    + "ALTER TABLE nowhere RENAME TO nowhere_old;\nCREATE TABLE nowhere (id INTEGER PRIMARY KEY);");

    @Test
    void theSweepAgreesWithTheWholeSchemaAtEveryMigrationEnd() {
        for (MigrationSet s : new MigrationSet[]{PARENTS_COME_AND_GO, ReferenceCacheTest.starpunk(),
                ReferenceCacheTest.generated(30, 4)}) {
            Reference ref = Reference.replay(s);
            DanglingKeys keys = DanglingKeys.of(ref);
            assertThat(keys.at(0)).isEmpty();
            for (MigrationEffects me : ref.migrations()) {
                assertThat(keys.at(me.end())).as("after %s", me.migration().name())
                        .isEqualTo(ForeignKeyForecast.dangling(ref.schemaAt(me.end())));
            }
        }
    }

    @Test
    void aDroppedParentDanglesUntilItIsBack() {
        Reference ref = Reference.replay(PARENTS_COME_AND_GO);
        DanglingKeys keys = DanglingKeys.of(ref);
        assertThat(keys.at(ref.migrations().get(2).end())).containsExactly("c → p");
        assertThat(keys.at(ref.migrations().get(4).end())).containsExactly("c → p", "c → q", "o → nowhere");
        assertThat(keys.at(ref.migrations().get(5).end())).containsExactly("c → q", "o → nowhere");
        assertThat(keys.at(ref.migrations().get(6).end())).containsExactly("o → nowhere");
    }
}
