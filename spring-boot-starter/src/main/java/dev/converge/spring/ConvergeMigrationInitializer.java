package dev.converge.spring;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link ConvergeMigrationStrategy} when the bean factory creates it: Spring Boot's database-initialization
 * ordering ({@link ConvergeDatabaseInitializerDetector}) makes every bean that uses the database — JdbcTemplate, JPA,
 * Spring Batch, anything marked {@code @DependsOnDatabaseInitialization} — wait for it, as Flyway's initializer does.
 */
public class ConvergeMigrationInitializer implements InitializingBean {
    private final Converge converge;
    private final ConvergeMigrationStrategy strategy;
    private RunResult result;

    public ConvergeMigrationInitializer(Converge converge, ConvergeMigrationStrategy strategy) {
        this.converge = converge;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        result = strategy.migrate(converge);
    }

    /** What the start-up run did; null when the strategy migrated nothing. */
    public RunResult result() {
        return result;
    }
}
