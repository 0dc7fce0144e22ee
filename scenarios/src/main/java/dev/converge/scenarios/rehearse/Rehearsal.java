package dev.converge.scenarios.rehearse;

import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;

import java.nio.file.Path;
import java.util.List;

/**
 * What a rehearsal on a copy of a real database found.
 *
 * @param copy        the migrated copy (deleted already unless the caller named where to keep it)
 * @param plan        the plan made on the copy, or null when planning threw
 * @param result      the run, or null when refused or failed
 * @param failure     the refusal or failure, or null
 * @param schema      differences between the copy's final schema and the target (none when it converged)
 * @param tables      per table of the database, what became of its rows
 */
public record Rehearsal(Path copy, Plan plan, RunResult result, ConvergeException failure, List<String> schema,
                        List<TableRows> tables) {

    public Rehearsal {
        schema = List.copyOf(schema);
        tables = List.copyOf(tables);
    }

    /**
     * The rows of one table, before and after.
     *
     * @param table     the table
     * @param before    rows before
     * @param after     rows after, or -1 when the migrations dropped the table
     * @param lost      rows of before not found after (compared on the columns both sides have)
     * @param rewritten true when a migration itself updates or deletes rows of it (so lost rows are expected)
     * @param unchanged true when its content hash did not change
     */
    public record TableRows(String table, long before, long after, long lost, boolean rewritten, boolean unchanged) {
        public String describe() {
            if (after < 0) {
                return table + ": dropped by the migrations (" + before + " rows)";
            }
            String rows = before + " → " + after + " rows";
            if (unchanged) {
                return table + ": " + rows + ", unchanged";
            }
            if (lost == 0) {
                return table + ": " + rows + ", every row kept";
            }
            return table + ": " + rows + ", " + lost + " row(s) gone or changed"
                    + (rewritten ? " (a migration updates or deletes its rows)" : "");
        }
    }

    /** True when the copy converged to the target and no row was lost outside what migrations delete. */
    public boolean ok() {
        return failure == null && result != null && schema.isEmpty()
                && tables.stream().allMatch(t -> t.after() < 0 || t.lost() == 0 || t.rewritten());
    }
}
