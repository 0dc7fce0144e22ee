package dev.converge.batch;

import dev.converge.fleet.Fleet;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Batch job over a fleet, with a real JDBC job repository (a SQLite file, Spring Batch's own schema):
 * one database cannot be migrated, the job fails with that database's step failed and every other's completed; the
 * database is fixed, the job restarted, and only that database's step runs.
 */
class FleetJobTest {
    private static final Map<String, String> SET = new TreeMap<>(Map.of(
            "001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
            "002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, body TEXT);",
            "003_email.sql", "ALTER TABLE users ADD COLUMN email TEXT;\nCREATE INDEX users_email ON users(email);"));

    @TempDir
    Path dir;

    @Test
    void aFailedDatabaseFailsTheJobAndARestartRunsOnlyThatDatabase() throws Exception {
        List<Path> databases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path db = dir.resolve("tenant-" + i + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = 0"); // an empty database file
            }
            databases.add(db);
        }
        Path broken = databases.get(6);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id TEXT, something_else BLOB)"); // matches no point of the migrations
        }

        Path file = dir.resolve("job-repository.db");
        JobRepository repository = SqliteJobRepository.open(file);
        Job job = job(repository, databases);
        JobParameters params = new JobParametersBuilder().addString("release", "1.4.0").toJobParameters();

        JobExecution first = operator(repository, job).start(job, params);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        Map<String, BatchStatus> byDatabase = workers(SqliteJobRepository.open(file), first);
        assertThat(byDatabase).hasSize(10);
        for (Path db : databases) {
            assertThat(byDatabase.get(db.toString())).as(db.toString())
                    .isEqualTo(db.equals(broken) ? BatchStatus.FAILED : BatchStatus.COMPLETED);
            assertThat(historyRows(db)).isEqualTo(db.equals(broken) ? 0 : 3);
        }
        StepExecution failed = step(repository, first, broken);
        assertThat(failed.getExitStatus().getExitDescription()).contains(broken.toString(), "CONFLICT");
        assertThat(failed.getExecutionContext().getString("converge.code")).isEqualTo("CONFLICT");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken); Statement s = c.createStatement()) {
            s.execute("DROP TABLE users"); // the operator fixes the database
        }
        // a new process: the repository opened again from its file, the job built again, the failed execution restarted
        JobRepository reopened = SqliteJobRepository.open(file);
        Job again = job(reopened, databases);
        JobExecution restart = operator(reopened, again).restart(reopened.getJobExecution(first.getId()));

        assertThat(restart.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restart.getJobInstance().getInstanceId()).isEqualTo(first.getJobInstance().getInstanceId());
        assertThat(workers(SqliteJobRepository.open(file), restart)).containsExactly(Map.entry(broken.toString(), BatchStatus.COMPLETED));
        for (Path db : databases) {
            assertThat(historyRows(db)).as(db.toString()).isEqualTo(3);
        }
    }

    private static Job job(JobRepository repository, List<Path> databases) {
        return FleetJob.of("converge-tenants", repository, Fleet.prepare(MigrationSource.memory(SET), b -> { }),
                databases, 3);
    }

    private static TaskExecutorJobOperator operator(JobRepository repository, Job job) throws Exception {
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        MapJobRegistry registry = new MapJobRegistry();
        registry.register(job);
        operator.setJobRegistry(registry);
        operator.afterPropertiesSet();
        return operator;
    }

    /** The worker steps of one job execution, read back from the repository: database path to status. */
    private static Map<String, BatchStatus> workers(JobRepository repository, JobExecution e) {
        Map<String, BatchStatus> out = new TreeMap<>();
        for (StepExecution s : repository.getJobExecution(e.getId()).getStepExecutions()) {
            if (s.getStepName().startsWith(FleetJob.WORKER_STEP + ":")) {
                out.put(s.getExecutionContext().getString(DatabaseFilePartitioner.DATABASE), s.getStatus());
            }
        }
        return out;
    }

    private static StepExecution step(JobRepository repository, JobExecution e, Path db) {
        return repository.getJobExecution(e.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(FleetJob.WORKER_STEP + ":" + DatabaseFilePartitioner.name(db)))
                .findFirst().orElseThrow();
    }

    private static int historyRows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'")) {
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM schema_migrations")) {
            return rs.getInt(1);
        }
    }
}
