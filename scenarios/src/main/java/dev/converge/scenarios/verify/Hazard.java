package dev.converge.scenarios.verify;

/**
 * A data hazard of a migration set: a statement that fails on rows a real database may hold, told apart from a
 * Converge defect by running the same state again with empty tables (which converged). It is a finding about the
 * migrations, and fails on any runner.
 *
 * @param file       the migration file
 * @param line       the statement's line, or 0
 * @param statement  the statement, in full
 * @param constraint the constraint that failed, as SQLite names it (e.g. {@code UNIQUE constraint failed: users.email})
 * @param sqlite     SQLite's own message, in full
 * @param sampleRow  a row that broke it, or a sentence saying why none could be shown
 * @param fix        what to change in the migration
 */
public record Hazard(String file, int line, String statement, String constraint, String sqlite, String sampleRow,
                     String fix) {

    /** The finding on a few lines. */
    public String describe() {
        return "data hazard: " + file + (line > 0 ? ":" + line : "") + ": `" + statement.strip() + "` fails on rows a"
                + " real database may hold (with empty tables this state converges)\n  constraint: " + constraint
                + "\n  SQLite: " + sqlite + "\n  sample row: " + sampleRow + "\n  fix: " + fix;
    }
}
