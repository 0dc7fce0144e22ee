package dev.converge.apply;

import dev.converge.detect.ObjectHistory;
import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import dev.converge.detect.Step;
import dev.converge.error.ErrorCode;
import dev.converge.sqlite.SqliteErrors;
import dev.converge.schema.Column;
import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Nothing lost" for data Converge was not told about. A table rebuild (create the new table, copy the named columns,
 * drop the old one, rename) copies only the columns its migration names: a column someone added to the live table by
 * hand, holding values, would silently go with the old table. Before any change, every table a plan's rebuild drops is
 * compared with the columns the migrations ever give that table; a live column no migration knows that holds non-null
 * values refuses the plan ({@link ErrorCode#CONFLICT}), naming the column, its table, how many values it holds, and
 * the ways out — unless the caller lets such columns go, and then the plan says which went.
 * <p>
 * A rebuild is recognised by its effect, not its spelling: within one step, a table that holds a live table's rows (the
 * table itself, or the name it was renamed to) is dropped, and a table of the live table's name is created or renamed
 * into place. A plain {@code DROP TABLE} with no successor is the migration deleting the table on purpose.
 */
public final class UnknownColumns {
    /** The stored columns of a live table (generated and hidden columns hold no values of their own). */
    private static final String COLUMNS = "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0";
    /** Whether a live table exists, by name, ASCII case-insensitively. */
    private static final String TABLE_EXISTS =
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE";

    private UnknownColumns() {
    }

    /** A live column that a rebuild in {@code step} would drop, and how many non-null values it holds. */
    private record Lost(Step step, String table, String column, long values) {
        String describe() {
            return "column " + Identifiers.quote(column) + " of table " + table + " (" + values + " non-null value"
                    + (values == 1 ? "" : "s") + ")";
        }
    }

    /**
     * {@code plan} as it stands when no rebuild loses a column no migration knows; else the plan refused with a
     * {@link Problem} per such column, or — when {@code allowed} — with a note per column that will go.
     * Reads the live database on {@code c} (inside the caller's read transaction, when it has one).
     */
    public static Plan check(Connection c, Plan plan, boolean allowed) {
        if (plan.refused()) {
            return plan;
        }
        List<Lost> lost;
        try {
            lost = find(c, plan);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "reading the columns of the tables the plan rebuilds");
        }
        if (lost.isEmpty()) {
            return plan;
        }
        List<Problem> problems = new ArrayList<>(plan.problems());
        List<String> notes = new ArrayList<>(plan.notes());
        for (Lost l : lost) {
            String where = l.step().migration() == null ? l.step().name() : l.step().migration().origin();
            if (allowed) {
                notes.add(l.step().name() + " rebuilds table " + l.table() + " without " + l.describe()
                        + ", which no migration knows: dropped, as allowed");
            } else {
                problems.add(new Problem(ErrorCode.CONFLICT, l.step().version() == null ? -1 : l.step().version().value(),
                        where, l.table(), l.step().name() + " rebuilds table " + l.table() + " and would drop "
                        + l.describe() + ": no migration knows this column (added by hand?), so its values would be"
                        + " lost. Nothing was changed. Either add the column to the rebuild in " + l.step().name()
                        + " (to its CREATE TABLE and to the copy), or drop it by hand (ALTER TABLE " + l.table()
                        + " DROP COLUMN " + Identifiers.quote(l.column()) + ") if its values are not needed, or let it"
                        + " go with --allow-drop-unknown-columns (allowDropUnknownColumns(true))."));
            }
        }
        return new Plan(plan.steps(), problems, notes, plan.detection(), plan.historyFingerprint(),
                plan.schemaVersion(), plan.tolerated(), plan.reference());
    }

    private static List<Lost> find(Connection c, Plan plan) throws SQLException {
        List<Lost> out = new ArrayList<>();
        Set<String> created = new HashSet<>();          // keys of tables this run creates before the statement
        Map<String, String> holding = new HashMap<>();   // key of a table name -> the live table whose rows it holds
        for (Step step : plan.work()) {
            for (Statement st : step.statements()) {
                String name = st.objectName();
                if (name == null) {
                    continue;
                }
                String key = Identifiers.key(name);
                if (st.kind() == StatementKind.CREATE_TABLE || st.kind() == StatementKind.CREATE_VIRTUAL_TABLE) {
                    created.add(key);
                    holding.put(key, null);
                } else if (st.kind() == StatementKind.ALTER_RENAME_TABLE && st.newName() != null) {
                    String live = liveRows(c, name, created, holding);
                    holding.put(key, null);
                    holding.put(Identifiers.key(st.newName()), live);
                } else if (st.kind() == StatementKind.DROP_TABLE) {
                    String live = liveRows(c, name, created, holding);
                    holding.put(key, null);
                    if (live != null && replacedInStep(step, live)) {
                        lostColumns(c, plan, step, live, out);
                    }
                }
            }
        }
        return out;
    }

    /** The live table whose rows the table {@code name} holds at this point of the run, or null. */
    private static String liveRows(Connection c, String name, Set<String> created, Map<String, String> holding)
            throws SQLException {
        String key = Identifiers.key(name);
        if (holding.containsKey(key)) {
            return holding.get(key);
        }
        if (created.contains(key)) {
            return null;
        }
        try (PreparedStatement p = c.prepareStatement(TABLE_EXISTS)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? name : null;
            }
        }
    }

    /** True when {@code step} creates a table named {@code live}, or renames one to it: the rebuild's successor. */
    private static boolean replacedInStep(Step step, String live) {
        for (Statement st : step.statements()) {
            boolean creates = (st.kind() == StatementKind.CREATE_TABLE && st.objectName() != null
                    && Identifiers.same(st.objectName(), live));
            boolean renamesTo = st.kind() == StatementKind.ALTER_RENAME_TABLE && st.newName() != null
                    && Identifiers.same(st.newName(), live);
            if (creates || renamesTo) {
                return true;
            }
        }
        return false;
    }

    private static void lostColumns(Connection c, Plan plan, Step step, String table, List<Lost> out)
            throws SQLException {
        Set<String> known = knownColumns(plan, table);
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(COLUMNS)) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (!known.contains(Identifiers.key(rs.getString(1)))) {
                        unknown.add(rs.getString(1));
                    }
                }
            }
        }
        for (String column : unknown) {
            // reads the column's values: a query built from quoted names only
            String count = "SELECT count(*) FROM " + Identifiers.quote(table) + " WHERE " + Identifiers.quote(column)
                    + " IS NOT NULL";
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(count)) {
                long values = rs.next() ? rs.getLong(1) : 0;
                if (values > 0) {
                    out.add(new Lost(step, table, column, values));
                }
            }
        }
    }

    /** Keys of every column the migrations give table {@code table} at any point of the reference. */
    private static Set<String> knownColumns(Plan plan, String table) {
        Set<String> known = new HashSet<>();
        ObjectHistory h = plan.reference() == null ? null : plan.reference().objects().get(ObjectId.table(table));
        if (h == null) {
            return known;
        }
        for (int i = 0; i < h.size(); i++) {
            SchemaObject o = h.definition(i);
            if (o instanceof Table t) {
                for (Column col : t.columns()) {
                    known.add(Identifiers.key(col.name()));
                }
            }
        }
        return known;
    }
}
