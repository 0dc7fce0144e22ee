package dev.converge.apply;

import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import dev.converge.detect.Step;
import dev.converge.error.ErrorCode;
import dev.converge.dialect.Dialect;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.StatementTexts;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves a plan before anyone runs it: copies the live <em>schema</em> (no rows) into an in-memory database, runs the
 * plan's statements there, and compares the result with the target. A plan that fails there, or ends anywhere but at
 * the target, is refused with {@link ErrorCode#AMBIGUOUS_STATE} and the differences. It also marks the steps that drop
 * tables holding rows, with their row counts.
 */
public final class Rehearsal {
    private Rehearsal() {
    }

    /** The live catalogue in creation order, for copying. */
    private static final String CATALOGUE = "SELECT type, name, sql, tbl_name FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid";

    /**
     * Rehearses {@code plan} against a copy of the schema of {@code live}.
     *
     * @param dialect       the live database's engine, whose scratch database the rehearsal runs on
     * @param live          Converge's connection to the live database (only read)
     * @param plan          the plan
     * @param historyTables the history table and any legacy history table: not copied
     * @return the plan, with destructive steps marked and, if the rehearsal failed, an AMBIGUOUS_STATE problem
     */
    public static Plan prove(Dialect dialect, Connection live, Plan plan, Set<String> historyTables) {
        return prove(dialect, live, plan, historyTables, null);
    }

    /**
     * As above, given the live schema the plan was made from, read in the same read transaction as this rehearsal and
     * without the history tables: a plan that runs nothing (an adoption recording every migration as detected) is
     * judged by comparing that schema with the target, which would otherwise be read a second time. Null reads it.
     */
    public static Plan prove(Dialect dialect, Connection live, Plan plan, Set<String> historyTables, Schema planned) {
        if (plan.refused() || !plan.hasWork()) {
            return plan;
        }
        List<Problem> problems = new ArrayList<>(plan.problems());
        List<Step> steps = markDestructive(live, plan, problems);
        if (!problems.isEmpty()) {
            return withProblems(plan, steps, problems);
        }
        if (FreshInstall.repeatsTheReplay(live, plan, historyTables)) {
            return withProblems(plan, steps, problems); // proven by the replay that built the reference
        }
        if (plan.sql().isEmpty()) {
            // nothing would run: the rehearsal's result is the live schema itself, so compare it directly
            Schema current = planned;
            if (current == null) {
                current = dialect.readSchema(live, historyTables.iterator().next(), plan.reference().target());
                for (String h : historyTables) {
                    current = current.without(dev.converge.schema.ObjectId.table(h));
                }
            }
            checkTarget(plan, current, problems);
            return withProblems(plan, steps, problems);
        }
        try (Connection mem = dialect.openScratch()) {
            dialect.resetReplaySettings(mem);
            copySchema(dialect, live, mem, historyTables);
            for (Step step : steps) {
                if (step.action() != Action.EXECUTE && step.action() != Action.BASELINE && step.action() != Action.REPAIR) {
                    continue;
                }
                try (StatementTexts texts = StatementTexts.of(step.migration())) { // a large file's, read again
                    for (Statement st : step.statements()) {
                        try (java.sql.Statement s = mem.createStatement()) {
                            s.execute(texts.of(st).text());
                        } catch (SQLException e) {
                            String file = step.migration() == null ? step.name() : step.migration().origin();
                            problems.add(new Problem(ErrorCode.AMBIGUOUS_STATE,
                                    step.version() == null ? -1 : step.version().value(), file, st.objectName(),
                                    "the plan fails when rehearsed on a copy of the live schema: " + file + ":" + st.line()
                                            + " (" + st.firstLine() + "): " + e.getMessage()
                                            + "\n  The database is in a state Converge cannot converge safely; see `converge plan`."));
                            return withProblems(plan, steps, problems);
                        }
                    }
                }
                dev.converge.detect.Reference.Settings.restoreAfter(dialect, mem, step.statements());
            }
            checkTarget(plan, dialect.readSchema(mem, null, plan.reference().target()), problems);
        } catch (SQLException e) {
            throw dialect.translate(e, "rehearsing the plan in memory", null);
        }
        return withProblems(plan, steps, problems);
    }

    private static void checkTarget(Plan plan, Schema result, List<Problem> problems) {
        {
            List<Change> diff = new ArrayList<>();
            for (Change c : SchemaDiff.between(plan.reference().target(), result)) {
                if (!plan.tolerated().contains(c.object())) {
                    diff.add(c);
                }
            }
            if (!diff.isEmpty()) {
                StringBuilder sb = new StringBuilder("the plan, rehearsed on a copy of the live schema, does not end at"
                        + " the target schema (" + diff.size() + " difference(s), expected against actual):");
                for (Change c : diff) {
                    sb.append("\n    ").append(c.describe());
                }
                sb.append("\n  Nothing was changed. Inspect the objects named above; `converge plan` shows the state of every migration.");
                problems.add(new Problem(ErrorCode.AMBIGUOUS_STATE, -1, null, diff.get(0).object().toString(), sb.toString()));
            }
        }
    }

    private static Plan withProblems(Plan p, List<Step> steps, List<Problem> problems) {
        return new Plan(steps, problems, p.notes(), p.detection(), p.historyFingerprint(), p.schemaVersion(),
                p.tolerated(), p.reference());
    }

    /** Creates every live object (but the history tables, SQLite's own and shadow tables) in {@code mem}. */
    static void copySchema(Dialect dialect, Connection live, Connection mem, Set<String> historyTables)
            throws SQLException {
        Set<String> shadows = dialect.internalTables(live);
        List<String[]> pending = new ArrayList<>();
        try (java.sql.Statement s = live.createStatement(); ResultSet rs = s.executeQuery(CATALOGUE)) {
            while (rs.next()) {
                String name = rs.getString(2);
                String key = Identifiers.key(name);
                if (key.startsWith("sqlite_") || shadows.contains(key) || isHistory(historyTables, name)
                        || isHistory(historyTables, rs.getString(4))) { // an index on a history table goes with it
                    continue;
                }
                pending.add(new String[]{rs.getString(1), name, rs.getString(3)});
            }
        }
        // creation order normally works; retry what failed (a view created before the table it reads, after a rename)
        for (int pass = 0; pass < 4 && !pending.isEmpty(); pass++) {
            List<String[]> failed = new ArrayList<>();
            SQLException last = null;
            for (String[] row : pending) {
                try (java.sql.Statement s = mem.createStatement()) {
                    s.execute(row[2]);
                } catch (SQLException e) {
                    failed.add(row);
                    last = e;
                }
            }
            if (failed.size() == pending.size() && last != null) {
                throw last;
            }
            pending = failed;
        }
    }

    private static boolean isHistory(Set<String> historyTables, String name) {
        for (String h : historyTables) {
            if (Identifiers.same(h, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks steps that drop live tables holding rows, with the row count, and refuses a step that would drop such a
     * table while skipping the copy its migration makes out of it first (an interruption read at the wrong point):
     * a table holding rows is dropped only when this run copied them out, or when the migration run whole drops them
     * too. A drop right after the run's own copy is no warning.
     */
    private static List<Step> markDestructive(Connection live, Plan plan, List<Problem> problems) {
        List<Step> out = new ArrayList<>();
        for (Step step : plan.steps()) {
            List<String> d = new ArrayList<>();
            if (step.action() == Action.EXECUTE) {
                List<Statement> run = step.statements();
                for (int i = 0; i < run.size(); i++) {
                    Statement st = run.get(i);
                    if (st.kind() != StatementKind.DROP_TABLE || st.objectName() == null) {
                        continue;
                    }
                    long rows = rowCount(live, st.objectName());
                    if (rows <= 0 || readsBefore(run, i, st.objectName()) != null) {
                        continue;
                    }
                    Statement skippedCopy = step.migration() == null ? null
                            : skippedCopyOutOf(live, step.migration().statements(), run, st);
                    if (skippedCopy != null) {
                        String file = step.migration().origin();
                        problems.add(new Problem(ErrorCode.AMBIGUOUS_STATE, step.version().value(), file,
                                st.objectName(), "the plan would drop table " + st.objectName() + " holding " + rows
                                + " row(s) without the copy out of it that " + file + ":" + skippedCopy.line() + " ("
                                + skippedCopy.firstLine() + ") makes first; nothing was changed. Converge never drops"
                                + " rows a migration would have kept; see `converge plan`."));
                    } else {
                        d.add("drops table " + st.objectName() + " holding " + rows + " row(s)");
                    }
                }
            }
            out.add(d.isEmpty() || !(step instanceof Step.Execute exec) ? step : exec.withDestructive(d));
        }
        return out;
    }

    /** The statement before index {@code before} of {@code run} that reads rows from {@code table}, or null. */
    private static Statement readsBefore(List<Statement> run, int before, String table) {
        for (int i = 0; i < before; i++) {
            if (run.get(i).readsFrom(table)) {
                return run.get(i);
            }
        }
        return null;
    }

    /**
     * The statement of the whole migration, before {@code drop}, that copies rows out of its table, that the run skips,
     * and whose target does not hold rows already (a copy whose target holds rows ran before the interruption).
     */
    private static Statement skippedCopyOutOf(Connection live, List<Statement> all, List<Statement> run, Statement drop) {
        for (Statement st : all) {
            if (st.text().equals(drop.text()) && st.line() == drop.line()) {
                return null;
            }
            boolean ran = st.copiesRows() && rowCount(live, st.tableName()) > 0;
            if (st.readsFrom(drop.objectName()) && !run.contains(st) && !ran) {
                return st;
            }
        }
        return null;
    }

    private static long rowCount(Connection live, String table) {
        try (java.sql.Statement s = live.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Identifiers.quote(table))) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // the table does not exist live (created earlier in this run)
        }
    }
}
