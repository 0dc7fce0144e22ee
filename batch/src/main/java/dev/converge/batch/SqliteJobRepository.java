package dev.converge.batch;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A Spring Batch job repository in a SQLite file, for a fleet job that needs no other database: Spring Batch's own
 * {@code schema-sqlite.sql} is run when the file has no {@code BATCH_JOB_INSTANCE} table yet. Partitions run on
 * several threads and each updates the repository, so every connection waits for the write lock (busy timeout) and
 * takes it when its transaction begins ({@code BEGIN IMMEDIATE}): two transactions can never both hold a read lock
 * and then both ask for the write lock, which SQLite would refuse at once; the file is in WAL mode, so readers do not
 * wait for the writer.
 */
public final class SqliteJobRepository {
    private static final String SCHEMA = "org/springframework/batch/core/schema-sqlite.sql";
    /** Whether the repository's tables exist. */
    private static final String HAS_SCHEMA =
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'BATCH_JOB_INSTANCE'";

    private SqliteJobRepository() {
    }

    /** The data source of the repository file {@code file}. */
    public static DataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(60_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** The job repository in {@code file}, created with its schema when new. */
    public static JobRepository open(Path file) throws Exception {
        DataSource ds = dataSource(file);
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(HAS_SCHEMA)) {
            if (!rs.next()) {
                new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).populate(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the job repository " + file + ": " + e.getMessage(), e);
        }
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(ds);
        factory.setDatabaseType("SQLITE");
        factory.setTransactionManager(new JdbcTransactionManager(ds));
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
