package dev.converge.detect;

import dev.converge.history.How;
import dev.converge.schema.ObjectId;
import dev.converge.source.Migration;
import dev.converge.source.Version;
import dev.converge.sql.Statement;

import java.util.List;

/**
 * One step of a plan: a migration (or the baseline, or a drift repair), its state and reason, and exactly what will
 * run.
 *
 * @param version     the migration's version; null for the baseline and for repairs
 * @param name        the file name, or a label
 * @param state       the detected state (null for the baseline and repairs)
 * @param action      what the runner does
 * @param how         the {@code how} the history row will get, or null when no row is written
 * @param reason      why
 * @param statements  the statements to run, in order
 * @param skipped     data statements of the migration that will not run, each with why
 * @param verify      the objects to verify after running (those the migration touches)
 * @param destructive tables this step drops while they hold rows, e.g. {@code "drops table notes holding 12 rows"}
 * @param migration   the migration, or null
 */
public record Step(Version version, String name, MigrationState state, Action action, How how, Reason reason,
                   List<Statement> statements, List<String> skipped, List<ObjectId> verify, List<String> destructive,
                   Migration migration) {

    public Step {
        statements = List.copyOf(statements);
        skipped = List.copyOf(skipped);
        verify = List.copyOf(verify);
        destructive = List.copyOf(destructive);
    }

    /** True when this step changes the database (runs statements or writes a history row). */
    public boolean changesDatabase() {
        return action == Action.RECORD || action == Action.EXECUTE || action == Action.BASELINE || action == Action.REPAIR;
    }

    public Step withDestructive(List<String> d) {
        return new Step(version, name, state, action, how, reason, statements, skipped, verify, d, migration);
    }

    @Override
    public String toString() {
        return (version == null ? "" : version + " ") + name + " " + (state == null ? "" : state + " ") + action
                + " " + statements.size() + " statement(s)";
    }
}
