package dev.converge.spring;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Migrates the application's {@link DataSource} at start-up with Converge, before anything else uses it — the way
 * Spring Boot runs Flyway: the {@link ConvergeMigrationInitializer} is a database initializer, and Spring Boot makes the
 * beans that use the database (JdbcTemplate, JPA, Spring Batch, beans marked {@code @DependsOnDatabaseInitialization})
 * depend on it. Configured by {@code converge.*} ({@link ConvergeProperties}); a {@link ConvergeMigrationStrategy} bean
 * replaces the default "migrate"; the run's {@link RunResult} is a bean.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Converge.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "converge.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConvergeProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class ConvergeAutoConfiguration {
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    private static final String FILE = "file:";

    /** The configured Converge for the application's DataSource; the application may also call plan() or status(). */
    @Bean
    @ConditionalOnMissingBean
    public Converge converge(DataSource dataSource, ConvergeProperties properties, ResourceLoader resources) {
        Converge.Builder b = Converge.configure().dataSource(dataSource)
                .migrations(migrations(properties.getMigrations(), resources.getClassLoader()))
                .historyTable(properties.getHistoryTable())
                .lockTimeout(properties.getLockTimeout())
                .allowMissing(properties.isAllowMissing())
                .allowOutOfOrder(properties.isAllowOutOfOrder());
        if (properties.getBaseline() != null && !properties.getBaseline().isBlank()) {
            b.baseline(baseline(properties.getBaseline(), resources));
        }
        return b.load();
    }

    @Bean
    @ConditionalOnMissingBean
    public ConvergeMigrationInitializer convergeMigrationInitializer(Converge converge,
                                                                     ObjectProvider<ConvergeMigrationStrategy> strategy) {
        return new ConvergeMigrationInitializer(converge, strategy.getIfAvailable(() -> ConvergeMigrationStrategy.MIGRATE));
    }

    /** What the start-up run did (a null bean when a custom strategy migrated nothing). */
    @Bean
    @ConditionalOnMissingBean
    public RunResult convergeRunResult(ConvergeMigrationInitializer initializer) {
        return initializer.result();
    }

    /** {@code classpath:db/migrations} (also without a prefix), or a folder: {@code filesystem:…} / {@code file:…}. */
    static MigrationSource migrations(String location, ClassLoader loader) {
        if (location.startsWith(FILESYSTEM)) {
            return MigrationSource.folder(Path.of(location.substring(FILESYSTEM.length())));
        }
        if (location.startsWith(FILE)) {
            return MigrationSource.folder(Path.of(location.substring(FILE.length())));
        }
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        return MigrationSource.classpath(path.startsWith("/") ? path.substring(1) : path, loader);
    }

    /** The baseline script at a Spring resource location ({@code classpath:}, {@code file:} or {@code filesystem:}). */
    static Script baseline(String location, ResourceLoader resources) {
        String spring = location.startsWith(FILESYSTEM) ? FILE + location.substring(FILESYSTEM.length()) : location;
        Resource r = resources.getResource(spring);
        if (!r.exists()) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "converge.baseline: " + location + " does not exist");
        }
        try (InputStream in = r.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String name = r.getFilename() == null ? location : r.getFilename();
            return new Script(name, text, location);
        } catch (IOException e) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "converge.baseline: cannot read " + location + ": "
                    + e.getMessage(), e);
        }
    }
}
