package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.detect.MigrationState;
import dev.converge.detect.MigrationStatus;
import dev.converge.detect.Plan;
import dev.converge.schema.Change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks after a child JVM was killed during {@code migrate}, shared by the kill tests: the file holds exactly one
 * of the committed states of an uninterrupted run; SQLite's integrity and foreign-key checks pass; detection sees no
 * migration half done; and the next run, in this JVM, converges to the target schema with the same rows and history
 * as the uninterrupted run.
 */
final class AfterKill {
    /** States that would mean part of a migration survived the kill. */
    private static final Set<MigrationState> TORN = EnumSet.of(MigrationState.PARTIAL, MigrationState.HALF_APPLIED,
            MigrationState.CONFLICT);

    private AfterKill() {
    }

    /** What the kill left behind before anything opened the file: evidence that pages reached it before COMMIT. */
    record Leftovers(boolean hotJournal, boolean mainFileChanged, long walBytes) {
        boolean spilled() {
            return hotJournal && mainFileChanged;
        }

        static Leftovers of(Path db, String startSha) {
            try {
                Path journal = db.resolveSibling(db.getFileName() + "-journal");
                Path wal = db.resolveSibling(db.getFileName() + "-wal");
                boolean hot = Files.exists(journal) && Files.size(journal) > 0;
                return new Leftovers(hot, !Fixtures.sha256(db).equals(startSha), Files.exists(wal) ? Files.size(wal) : 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Checks a killed database against the states it may hold; returns the index of the state it holds, or throws an
     * AssertionError describing every difference from the nearest allowed one.
     */
    static int verify(Path db, Path migrations, Path schema, ReferenceRun ref, List<Snapshot> allowed, String context) {
        return verify(db, migrations, null, schema, ref, allowed, context);
    }

    /** {@link #verify(Path, Path, Path, ReferenceRun, List, String)} for a run with a baseline script (or null). */
    static int verify(Path db, Path migrations, Path baseline, Path schema, ReferenceRun ref, List<Snapshot> allowed,
                      String context) {
        Snapshot after = Snapshot.of(db); // opening it rolls a hot journal back, as any next connection would
        int matched = -1;
        for (int i = 0; i < allowed.size(); i++) {
            if (after.sameState(allowed.get(i))) {
                matched = i;
                break;
            }
        }
        List<String> problems = new ArrayList<>();
        if (matched < 0) {
            problems.add("the database holds none of the committed states of an uninterrupted run; against the first"
                    + " allowed one:" + after.differencesFrom(allowed.get(0)));
        }
        if (!after.integrity().equals(List.of("ok"))) {
            problems.add("PRAGMA integrity_check: " + after.integrity());
        }
        if (!after.foreignKeyViolations().isEmpty()) {
            problems.add("PRAGMA foreign_key_check: " + after.foreignKeyViolations());
        }
        Converge converge = Converge.configure().database(db).migrations(migrations).baseline(baseline).load();
        Plan plan = converge.plan();
        if (plan.refused()) {
            problems.add("plan after the kill is refused: " + plan.refusal().getMessage());
        }
        for (MigrationStatus s : plan.detection().statuses()) {
            if (TORN.contains(s.state())) {
                problems.add("after the kill, migration " + s.name() + " is " + s.state() + " (part of it survived)");
            }
        }
        if (problems.isEmpty()) {
            converge.migrate();
            Snapshot end = Snapshot.of(db);
            List<Change> diff = ReferenceRun.schemaDiff(db, schema);
            if (!diff.isEmpty()) {
                problems.add("the next run did not converge to " + schema.getFileName() + ": " + diff);
            }
            if (!end.healthy()) {
                problems.add("after the next run: integrity " + end.integrity() + ", foreign keys " + end.foreignKeyViolations());
            }
            if (!end.stable().equals(ref.end().stable())) {
                problems.add("after the next run the rows differ from an uninterrupted run: " + end.stable()
                        + " against " + ref.end().stable());
            }
            if (!end.history().equals(ref.end().history())) {
                problems.add("after the next run history differs from an uninterrupted run: " + end.history()
                        + " against " + ref.end().history());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(context + ":\n  - " + String.join("\n  - ", problems));
        }
        return matched;
    }
}
