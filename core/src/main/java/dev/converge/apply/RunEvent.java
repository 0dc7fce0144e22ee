package dev.converge.apply;

import java.util.List;

import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.history.HistoryEntry;
import dev.converge.sql.Statement;

/** What happens during a run, in order, for progress displays and logs. */
public sealed interface RunEvent {
    /** A plan was made (and proven). */
    record Planned(Plan plan) implements RunEvent {
    }

    /** A step begins: {@code index} of {@code total} steps that change the database (1-based). */
    record StepStarted(Step step, int index, int total) implements RunEvent {
    }

    /** A statement of the step was executed ({@code index} of {@code total}, 1-based). */
    record StatementExecuted(Step step, Statement statement, int index, int total) implements RunEvent {
    }

    /** The objects the step touched were verified against the reference. */
    record Verified(Step step) implements RunEvent {
    }

    /** The step's history row was written, inside the step's transaction: it commits with the step, or not at all. */
    record Recorded(Step step, HistoryEntry entry) implements RunEvent {
    }

    /**
     * A transaction committed: {@code steps} are now permanent. Usually one step; several when history rows of
     * migrations found in place wait for the next migration that runs, or when migrations share a transaction because
     * the first left foreign-key violations a later one clears. A step that starts while another is uncommitted joins
     * its transaction.
     */
    record Committed(List<Step> steps) implements RunEvent {
        public Committed {
            steps = List.copyOf(steps);
        }
    }

    /** The run stopped with an error; nothing of the failing step was kept. */
    record Refused(ConvergeException error) implements RunEvent {
    }

    /** The run ended. */
    record Finished(RunResult result) implements RunEvent {
    }
}
