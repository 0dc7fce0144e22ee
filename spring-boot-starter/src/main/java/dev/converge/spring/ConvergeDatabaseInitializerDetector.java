package dev.converge.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link ConvergeMigrationInitializer} initializes the database, so that the beans that use it
 * are created after it (registered in {@code META-INF/spring.factories}).
 */
public class ConvergeDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector
        implements DatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ConvergeMigrationInitializer.class);
    }
}
