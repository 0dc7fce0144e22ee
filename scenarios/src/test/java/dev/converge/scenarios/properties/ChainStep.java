package dev.converge.scenarios.properties;

import java.util.List;

/**
 * One generated step: the statements it adds to a migration, and its kinds (the first is the main one).
 *
 * @param kinds      what the step is, for coverage
 * @param statements the SQL, one statement per entry, without the closing semicolon
 */
record ChainStep(List<StepKind> kinds, List<String> statements) {
    ChainStep {
        kinds = List.copyOf(kinds);
        statements = List.copyOf(statements);
    }

    @Override
    public String toString() {
        return String.join(";\n", statements) + ";";
    }
}
