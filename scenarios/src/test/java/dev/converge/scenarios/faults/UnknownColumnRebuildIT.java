package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A table rebuild (003 rebuilds authors: create authors_new, copy the named columns, drop authors, rename) of a table
 * that carries a column someone added by hand, holding values. It ran, and the column and its values were gone; the
 * plan showed only a note. Now "nothing lost" covers data Converge was not told about: refused before any change
 * ({@link ErrorCode#CONFLICT}, exit 1) naming the column, its table, how many values it holds and the ways out; a
 * column holding only NULLs loses nothing and goes; {@code allowDropUnknownColumns(true)} lets it go, said in a note.
 */
class UnknownColumnRebuildIT {
    @TempDir
    Path dir;

    private Path withHandAddedColumn(String values) {
        Path db = Fixtures.resourceState(dir.resolve("app.db"), "rebuild", 2);
        Fixtures.exec(db, "ALTER TABLE authors ADD COLUMN nickname TEXT;\n"
                + "UPDATE authors SET nickname = " + values + " WHERE id <= 7;\n");
        return db;
    }

    private static Converge.Builder converge(Path db) {
        return Converge.configure().database(db).migrations(Fixtures.rebuildMigrations());
    }

    @Test
    void aRebuildThatWouldDropAHandAddedColumnHoldingValuesIsRefusedBeforeAnyChange() throws Exception {
        Path db = withHandAddedColumn("'nick ' || id");
        String sha = Fixtures.sha256(db);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> converge(db).load().migrate());
        Plan plan = converge(db).load().plan();

        assertThat(e).as("migrate with 003 rebuilding authors, which carries nickname").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.getMessage()).contains("003_rebuild_authors.sql rebuilds table authors and would drop column"
                        + " \"nickname\" of table authors (7 non-null values)")
                .contains("Nothing was changed").contains("add the column to the rebuild")
                .contains("ALTER TABLE authors DROP COLUMN \"nickname\"").contains("--allow-drop-unknown-columns");
        assertThat(e.object()).hasValue("authors");
        assertThat(plan.refused()).as("plan says the same").isTrue();
        assertThat(plan.refusal().getMessage()).contains("column \"nickname\" of table authors (7 non-null values)");
        assertThat(Fixtures.sha256(db)).as("the file's bytes").isEqualTo(sha);
    }

    @Test
    void aHandAddedColumnHoldingOnlyNullsLosesNothingAndGoes() throws Exception {
        Path db = withHandAddedColumn("NULL");

        RunResult r = converge(db).load().migrate();

        assertThat(r.done()).isNotEmpty();
        try (Connection c = Fixtures.open(db)) {
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM pragma_table_info('authors') WHERE name = 'nickname'"))
                    .containsExactly("0");
        }
    }

    @Test
    void allowedExplicitlyTheColumnGoesAndThePlanSaysSo() throws Exception {
        Path db = withHandAddedColumn("'nick ' || id");

        RunResult r = converge(db).allowDropUnknownColumns(true).load().migrate();

        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("column \"nickname\" of table authors"
                + " (7 non-null values)").contains("dropped, as allowed"));
        try (Connection c = Fixtures.open(db)) {
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM authors")).containsExactly("300");
            assertThat(Snapshot.rows(c, "SELECT count(*) FROM pragma_table_info('authors') WHERE name = 'nickname'"))
                    .containsExactly("0");
        }
    }
}
