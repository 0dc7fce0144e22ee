package dev.converge.spring;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration's beans and the strategy seam, in an application context with a SQLite file DataSource. */
class ConvergeAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, ConvergeAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"));
    }

    /** A strategy that plans first, keeps what it saw, then migrates. */
    @Configuration(proxyBeanMethods = false)
    static class PlanningStrategy {
        final List<Integer> plannedSteps = new ArrayList<>();
        RunResult returned;

        @Bean
        ConvergeMigrationStrategy planThenMigrate() {
            return converge -> {
                Plan plan = converge.plan();
                plannedSteps.add(plan.work().size());
                returned = converge.migrate();
                return returned;
            };
        }
    }

    @Test
    void aStrategyBeanReplacesTheDefaultAndItsResultIsTheRunResultBean() {
        runner().withUserConfiguration(PlanningStrategy.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            PlanningStrategy strategy = ctx.getBean(PlanningStrategy.class);
            assertThat(strategy.plannedSteps).containsExactly(2);
            assertThat(ctx.getBean(RunResult.class)).isSameAs(strategy.returned);
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM notes", Long.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void aStrategyThatOnlyChecksLeavesTheDatabaseAloneAndPublishesNoResult() {
        runner().withBean(ConvergeMigrationStrategy.class, () -> converge -> {
            converge.status();
            return null;
        }).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBeanProvider(RunResult.class).getIfAvailable()).isNull();
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'notes'", Long.class)).isZero();
        });
    }

    @Test
    void theConfiguredConvergeIsABeanTheApplicationCanAskLater() {
        runner().run(ctx -> {
            assertThat(ctx).hasSingleBean(Converge.class);
            assertThat(ctx.getBean(Converge.class).plan().hasWork()).isFalse();
        });
    }

    @Test
    void theConfigurationMetadataDocumentsTheProperties() throws Exception {
        String json;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            // the processor escapes "/" in JSON strings
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\\/", "/");
        }
        assertThat(json).contains("\"converge.enabled\"", "\"converge.baseline\"", "\"converge.history-table\"",
                "\"converge.lock-timeout\"", "\"defaultValue\": \"classpath:db/migrations\"");
    }

    @Test
    void withoutADataSourceNothingIsConfigured() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConvergeAutoConfiguration.class))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ConvergeMigrationInitializer.class));
    }
}
