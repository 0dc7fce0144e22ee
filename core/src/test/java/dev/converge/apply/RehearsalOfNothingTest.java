package dev.converge.apply;

import dev.converge.Converge;
import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.error.ErrorCode;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan that runs nothing (every migration recorded as detected) is proven by comparing the live schema with the
 * target: the schema the plan was made from when the caller hands it over, else one read of the live database.
 */
class RehearsalOfNothingTest {
    private static final Set<String> HISTORY = Set.of(Converge.DEFAULT_HISTORY_TABLE);

    @TempDir
    Path dir;

    /** Two migrations, and a database built by their full schema with no history. */
    private Path[] adoptable() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("001_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);");
        Files.writeString(m.resolve("002_b.sql"), "CREATE TABLE b (id INTEGER PRIMARY KEY);\nCREATE INDEX b_id ON b(id);");
        Path db = dir.resolve("built.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT)");
            s.execute("CREATE TABLE b (id INTEGER PRIMARY KEY)");
            s.execute("CREATE INDEX b_id ON b(id)");
        }
        return new Path[]{m, db};
    }

    private Plan recordEverything(Path[] files) {
        Plan p = Converge.configure().database(files[1]).migrations(files[0]).logRuns(false).load().status();
        assertThat(p.refused()).isFalse();
        assertThat(p.steps()).extracting(s -> s.action()).containsExactly(Action.RECORD, Action.RECORD);
        assertThat(p.sql()).isEmpty();
        return p;
    }

    @Test
    void theSchemaThePlanWasMadeFromIsComparedWithTheTarget() throws Exception {
        Path[] files = adoptable();
        Plan plan = recordEverything(files);
        Schema target = plan.reference().target();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + files[1])) {
            assertThat(Rehearsal.prove(SqliteDialect.INSTANCE, c, plan, HISTORY, target).refused()).isFalse();
            // the live file is exactly the target: only the schema handed over can make this refusal
            Plan proven = Rehearsal.prove(SqliteDialect.INSTANCE, c, plan, HISTORY,
                    target.without(ObjectId.index("b_id")));
            assertThat(proven.refused()).isTrue();
            assertThat(proven.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ErrorCode.AMBIGUOUS_STATE);
                assertThat(p.message()).contains("does not end at the target schema").contains("b_id");
            });
        }
    }

    @Test
    void withoutTheSchemaTheLiveDatabaseIsRead() throws Exception {
        Path[] files = adoptable();
        Plan plan = recordEverything(files);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + files[1]); Statement s = c.createStatement()) {
            assertThat(Rehearsal.prove(SqliteDialect.INSTANCE, c, plan, HISTORY).refused()).isFalse();
            s.execute("DROP INDEX b_id"); // after the plan was made
            Plan proven = Rehearsal.prove(SqliteDialect.INSTANCE, c, plan, HISTORY);
            assertThat(proven.refused()).isTrue();
            assertThat(proven.problems().get(0).message()).contains("b_id");
        }
    }
}
