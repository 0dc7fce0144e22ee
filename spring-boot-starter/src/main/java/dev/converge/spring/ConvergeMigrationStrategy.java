package dev.converge.spring;

import dev.converge.Converge;
import dev.converge.apply.RunResult;

/**
 * What the starter does with the configured {@link Converge} at start-up. The default migrates; an application that
 * wants something else (plan first and log it, migrate only on one node, check only) declares a bean of this type.
 */
@FunctionalInterface
public interface ConvergeMigrationStrategy {
    /** Migrates, as the starter does unless the application declares its own strategy. */
    ConvergeMigrationStrategy MIGRATE = Converge::migrate;

    /**
     * Does the start-up work. A {@code ConvergeException} thrown here fails the application's start with Converge's
     * message.
     *
     * @return the run's result, published as a {@link RunResult} bean; null when the strategy migrated nothing
     */
    RunResult migrate(Converge converge);
}
