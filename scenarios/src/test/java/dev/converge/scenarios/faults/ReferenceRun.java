package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.detect.Reference;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.Change;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.Script;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An uninterrupted run of {@code migrate()} from a start file (on a copy of it), with a snapshot of the committed
 * state taken by a second connection as each step starts (before its transaction) and after the run. A kill inside
 * step i must leave exactly {@link Step#before()} of that step; a kill at a random moment, one of these states.
 *
 * @param steps the steps as the run announced them
 * @param end   the state after the run
 */
record ReferenceRun(List<Step> steps, Snapshot end) {
    /**
     * @param index      1-based, as in {@link RunEvent.StepStarted}
     * @param version    the migration's version
     * @param statements how many statements the step runs
     * @param before     the committed state when the step's transaction began
     * @param joinsOpenTransaction the step started inside the transaction of the steps before it
     */
    record Step(int index, long version, int statements, Snapshot before, boolean joinsOpenTransaction) {
    }

    static ReferenceRun of(Path start, Path migrations, Path scratch) {
        return of(start, migrations, null, scratch);
    }

    /** The run with a baseline script ({@code null} for none); the baseline's step has version -1. */
    static ReferenceRun of(Path start, Path migrations, Path baseline, Path scratch) {
        Path db = Fixtures.copy(start, scratch);
        List<Step> steps = new ArrayList<>();
        // a step that starts while the run's transaction is open joins it: what a kill inside it leaves is the state
        // before that transaction, read when its first step started
        Snapshot[] open = {null};
        Converge.configure().dataSource(dataSource(db, 1)).migrations(migrations).baseline(baseline).listener(e -> {
            if (e instanceof RunEvent.StepStarted s) {
                long version = s.step().version() == null ? -1 : s.step().version().value();
                boolean joins = open[0] != null;
                if (!joins) {
                    open[0] = Snapshot.of(db);
                }
                steps.add(new Step(s.index(), version, s.step().statements().size(), open[0], joins));
            } else if (e instanceof RunEvent.Committed) {
                open[0] = null;
            }
        }).load().migrate();
        return new ReferenceRun(List.copyOf(steps), Snapshot.of(db));
    }

    Step step(long version) {
        return steps.stream().filter(s -> s.version == version).findFirst()
                .orElseThrow(() -> new AssertionError("the reference run has no step for version " + version));
    }

    /** All committed states a run passes through, in order. */
    List<Snapshot> states() {
        List<Snapshot> out = new ArrayList<>();
        steps.forEach(s -> out.add(s.before()));
        out.add(end);
        return out;
    }

    /** A data source as the children use: a tiny page cache, so pages reach the file before COMMIT. */
    static SQLiteDataSource dataSource(Path db, int cacheSize) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        ds.setCacheSize(cacheSize);
        return ds;
    }

    /** The live schema (history apart) against a full-schema script replayed in memory; empty when they agree. */
    static List<Change> schemaDiff(Path db, Path schemaScript) {
        try (Connection c = Fixtures.open(db)) {
            return SchemaDiff.between(Reference.replayScript(Script.read(schemaScript)),
                    SchemaInspector.inspect(c, Snapshot.HISTORY));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
