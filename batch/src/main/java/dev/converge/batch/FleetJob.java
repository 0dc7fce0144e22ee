package dev.converge.batch;

import dev.converge.fleet.Fleet;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.nio.file.Path;
import java.util.List;

/**
 * A fleet of SQLite databases as one restartable Spring Batch job: a manager step that partitions the fleet by
 * database file ({@link DatabaseFilePartitioner}) and runs a worker step ({@link ConvergeTasklet}) per database,
 * {@code threads} at a time. The job repository records each database's step; a failed job, restarted, runs only the
 * databases whose step did not complete.
 *
 * <p>The worker's step transaction is resourceless: Converge commits each migration in the database itself, in its own
 * transactions, and the repository's updates are the repository's own transactions. Should the process die between
 * a database's last commit and the repository's update, the restart runs that database again, which then takes the
 * fast path.
 */
public final class FleetJob {
    /** The manager step's name; the worker steps are named {@code converge-database:database-…}. */
    public static final String MANAGER_STEP = "converge-fleet";
    public static final String WORKER_STEP = "converge-database";

    private FleetJob() {
    }

    /**
     * The job named {@code name}, converging {@code databases} with {@code fleet}'s migration set and settings,
     * {@code threads} databases at a time.
     */
    public static Job of(String name, JobRepository repository, Fleet fleet, List<Path> databases, int threads) {
        Step worker = new StepBuilder(WORKER_STEP, repository)
                .tasklet(new ConvergeTasklet(fleet), new ResourcelessTransactionManager())
                .build();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("converge-batch-");
        executor.setConcurrencyLimit(threads);
        Step manager = new StepBuilder(MANAGER_STEP, repository)
                .partitioner(WORKER_STEP, new DatabaseFilePartitioner(databases))
                .step(worker)
                .taskExecutor(executor)
                .gridSize(threads)
                .build();
        return new JobBuilder(name, repository).start(manager).build();
    }
}
