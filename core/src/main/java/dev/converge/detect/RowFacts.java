package dev.converge.detect;

/**
 * What detection may ask of the rows of the live database: whether a table holds any. The schema cannot show whether a
 * data statement ran; its rows sometimes can (a copy into a table that holds rows has run). Detection stays a pure
 * function of its inputs: the engine passes facts read from the database, tests pass values.
 */
@FunctionalInterface
public interface RowFacts {
    /** No facts: every table reads as empty, so every data statement that may not have run runs again. */
    RowFacts NONE = table -> false;

    /** True when the live table {@code table} exists and holds at least one row. */
    boolean holdsRows(String table);
}
