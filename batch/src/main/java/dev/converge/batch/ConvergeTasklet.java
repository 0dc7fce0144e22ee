package dev.converge.batch;

import dev.converge.fleet.DatabaseOutcome;
import dev.converge.fleet.Fleet;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;

/**
 * Converges the one database of its partition, with the fleet's migration set (read and replayed once for the whole
 * job). Its outcome goes into the step's execution context ({@code converge.outcome}, {@code converge.steps},
 * {@code converge.code}), so the job repository says what happened to each database. A database that does not
 * converge fails the step with {@link DatabaseNotConverged}, naming it and why: the job ends FAILED, and a restart
 * runs this partition again (and only the partitions that did not complete).
 */
public final class ConvergeTasklet implements Tasklet {
    private final Fleet fleet;

    public ConvergeTasklet(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
        String path = context.getString(DatabaseFilePartitioner.DATABASE);
        DatabaseOutcome outcome = fleet.migrateOne(Path.of(path));
        context.putString("converge.outcome", outcome.outcome().name());
        context.putInt("converge.steps", outcome.steps());
        if (outcome.code() != null) {
            context.putString("converge.code", outcome.code().name());
        }
        if (!outcome.outcome().converged()) {
            throw new DatabaseNotConverged(outcome);
        }
        return RepeatStatus.FINISHED;
    }

    /** The database of a partition did not converge: the message names it, the outcome and the reason. */
    public static final class DatabaseNotConverged extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DatabaseOutcome outcome;

        DatabaseNotConverged(DatabaseOutcome outcome) {
            // the error names the database already
            super(outcome.outcome().label() + " (" + outcome.code() + "): " + outcome.error());
            this.outcome = outcome;
        }

        public DatabaseOutcome outcome() {
            return outcome;
        }
    }
}
