package dev.converge.schema;

/**
 * One column of a table.
 *
 * @param name               the column name, case as written
 * @param type               the declared type normalized by case and spacing only ({@code "VARCHAR(10)"}), or
 *                           {@code ""} when none is declared. {@code INT} is not {@code INTEGER}.
 * @param notNull            has a NOT NULL constraint
 * @param defaultValue       the DEFAULT as normalized token text ({@code "'x'"}, {@code "-1"},
 *                           {@code "( datetime ( 'now' ) )"}, {@code "current_timestamp"}), or null
 * @param primaryKeyPosition 1-based position in the primary key, 0 when not part of it
 * @param collation          the COLLATE name in upper case, or null
 * @param generated          a generated column's expression as normalized token text, or null
 * @param stored             for a generated column: STORED (true) or VIRTUAL (false)
 */
public record Column(String name, String type, boolean notNull, String defaultValue, int primaryKeyPosition,
                     String collation, String generated, boolean stored) {

    public boolean isGenerated() {
        return generated != null;
    }
}
