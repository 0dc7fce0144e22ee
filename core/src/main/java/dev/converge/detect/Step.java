package dev.converge.detect;

import dev.converge.history.How;
import dev.converge.schema.ObjectId;
import dev.converge.source.Migration;
import dev.converge.source.Version;
import dev.converge.sql.Statement;

import java.util.List;

/**
 * One step of a plan: a migration (or the baseline, or a drift repair), its state and reason, and exactly what will
 * run. One record per {@link Action}, each carrying only its own data; the accessors of data a kind of step does not
 * have answer the empty value (no statements, no history row, nothing skipped).
 */
public sealed interface Step permits Step.OfVerdict, Step.Record, Step.Execute, Step.Unversioned {

    /** The migration's version; null for the baseline and for repairs. */
    Version version();

    /** The file name, or a label. */
    String name();

    /** The detected state; null for the baseline and repairs. */
    MigrationState state();

    /** Why. */
    Reason reason();

    /** The migration, or null. */
    Migration migration();

    /** What the runner does. */
    Action action();

    /** The {@code how} the history row will get, or null when no row is written. */
    default How how() {
        return null;
    }

    /** The statements to run, in order. */
    default List<Statement> statements() {
        return List.of();
    }

    /** Data statements of the migration that will not run, each with why. */
    default List<String> skipped() {
        return List.of();
    }

    /** The objects to verify after running (those the migration touches). */
    default List<ObjectId> verify() {
        return List.of();
    }

    /** Tables this step drops while they hold rows, e.g. {@code "drops table notes holding 12 rows"}. */
    default List<String> destructive() {
        return List.of();
    }

    /**
     * Statements among {@link #statements()} that may have run before: each is tried in a savepoint (see
     * {@link Execute}).
     */
    default List<Statement> tried() {
        return List.of();
    }

    /** True when this step changes the database (runs statements or writes a history row). */
    default boolean changesDatabase() {
        return action() != Action.NOTHING && action() != Action.REFUSE;
    }

    /** A step that runs nothing: version, name, state, reason and migration are its verdict's. */
    sealed interface OfVerdict extends Step permits Nothing, Refuse {
        /** The verdict. */
        MigrationStatus status();

        @Override
        default Version version() {
            return status().version();
        }

        @Override
        default String name() {
            return status().name();
        }

        @Override
        default MigrationState state() {
            return status().state();
        }

        @Override
        default Reason reason() {
            return status().reason();
        }

        @Override
        default Migration migration() {
            return status().migration();
        }
    }

    /** Nothing runs: already applied, or tolerated (a future or allowed-missing row). */
    record Nothing(MigrationStatus status) implements OfVerdict {
        @Override
        public Action action() {
            return Action.NOTHING;
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** The plan cannot be carried out because of this migration; the plan's problems say why. */
    record Refuse(MigrationStatus status) implements OfVerdict {
        @Override
        public Action action() {
            return Action.REFUSE;
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** Recorded in history without running anything: its effects already hold. */
    record Record(Version version, String name, MigrationState state, How how, Reason reason, List<String> skipped,
                  List<ObjectId> verify, Migration migration) implements Step {
        public Record {
            skipped = List.copyOf(skipped);
            verify = List.copyOf(verify);
        }

        @Override
        public Action action() {
            return Action.RECORD;
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /**
     * Its planned statements run, then the objects it touches are verified, then it is recorded. {@code tried} are
     * those of its statements that may have run before (data statements an interruption may have come before or
     * after): each runs in a savepoint, and a constraint that refuses its rows means they are already there.
     */
    record Execute(Version version, String name, MigrationState state, How how, Reason reason,
                   List<Statement> statements, List<String> skipped, List<ObjectId> verify, List<String> destructive,
                   Migration migration, List<Statement> tried) implements Step {
        public Execute {
            statements = List.copyOf(statements);
            skipped = List.copyOf(skipped);
            verify = List.copyOf(verify);
            destructive = List.copyOf(destructive);
            tried = List.copyOf(tried);
        }

        /** A step that tries none of its statements. */
        public Execute(Version version, String name, MigrationState state, How how, Reason reason,
                       List<Statement> statements, List<String> skipped, List<ObjectId> verify, List<String> destructive,
                       Migration migration) {
            this(version, name, state, how, reason, statements, skipped, verify, destructive, migration, List.of());
        }

        @Override
        public Action action() {
            return Action.EXECUTE;
        }

        /** The same step, running {@code run} instead. */
        public Execute withStatements(List<Statement> run) {
            return new Execute(version, name, state, how, reason, run, skipped, verify, destructive, migration,
                    tried.stream().filter(run::contains).toList());
        }

        /** The same step, noting the tables it drops while they hold rows. */
        public Execute withDestructive(List<String> d) {
            return new Execute(version, name, state, how, reason, statements, skipped, verify, d, migration, tried);
        }

        /** The same step recorded as detected without running anything (its effects turned out to hold). */
        public Record asDetected() {
            return new Record(version, name, state, How.DETECTED, reason, skipped, verify, migration);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** The baseline or a repair: no migration, so no version, state or migration. */
    sealed interface Unversioned extends Step permits Baseline, Repair {
        @Override
        default Version version() {
            return null;
        }

        @Override
        default MigrationState state() {
            return null;
        }

        @Override
        default Migration migration() {
            return null;
        }
    }

    /** The database is created from the baseline script and verified against the target; migrations then recorded. */
    record Baseline(String name, Reason reason, List<Statement> statements, List<ObjectId> verify)
            implements Unversioned {
        public Baseline {
            statements = List.copyOf(statements);
            verify = List.copyOf(verify);
        }

        @Override
        public Action action() {
            return Action.BASELINE;
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** An index, view or trigger that a recorded migration created and someone removed, re-created. */
    record Repair(String name, Reason reason, List<Statement> statements, List<ObjectId> verify)
            implements Unversioned {
        public Repair {
            statements = List.copyOf(statements);
            verify = List.copyOf(verify);
        }

        @Override
        public Action action() {
            return Action.REPAIR;
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    private static String describe(Step s) {
        return (s.version() == null ? "" : s.version() + " ") + s.name() + " "
                + (s.state() == null ? "" : s.state() + " ")
                + s.action() + " " + s.statements().size() + " statement(s)";
    }
}
