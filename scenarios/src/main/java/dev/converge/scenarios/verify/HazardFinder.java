package dev.converge.scenarios.verify;

import dev.converge.error.ConvergeException;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.StatementTexts;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the failure of a state that converges with empty tables into a {@link Hazard}: which statement, which
 * constraint, a row that broke it (looked up in a copy of the state as it was before the run), and the fix.
 */
final class HazardFinder {
    /** SQLite's constraint messages: {@code UNIQUE constraint failed: t.a, t.b}, {@code CHECK constraint failed: c}. */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "((UNIQUE|NOT NULL|CHECK|FOREIGN KEY|PRIMARY KEY) constraint failed(?::\\s*([^)\\n]*))?)");

    private HazardFinder() {
    }

    /**
     * @param error  the engine's error on the state with rows
     * @param set    the migration set
     * @param before a scratch copy of the state with rows as it was before the run; it may be changed
     */
    static Hazard find(ConvergeException error, MigrationSet set, Path before) {
        String file = error.file().orElse("(unknown file)");
        int line = error.line().orElse(0);
        Statement st = statement(set, file, line);
        List<Statement> earlier = earlier(set, file, line);
        String sqlite = sqliteMessage(error);
        // sqlite-jdbc says "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed (UNIQUE constraint
        // failed: roles.id)": SQLite's own words are the last match
        Matcher m = CONSTRAINT.matcher(sqlite);
        String constraint = "(no constraint named: " + sqlite + ")";
        String kind = "";
        String columns = "";
        while (m.find()) {
            constraint = m.group(1).strip();
            kind = m.group(2);
            columns = m.group(3) == null ? "" : m.group(3).strip();
        }
        String sample;
        try {
            sample = st == null ? "(not shown: the failing statement was not found in the set)"
                    : sampleRow(prepared(before, earlier), st, kind, columns);
        } catch (SQLException | RuntimeException e) {
            sample = "(not shown: looking it up failed: " + e.getMessage() + ")";
        }
        return new Hazard(file, line, st == null ? "(unknown statement)" : st.text(), constraint, sqlite, sample,
                fix(kind, st));
    }

    private static Statement statement(MigrationSet set, String file, int line) {
        for (Migration mig : set) {
            if (!mig.origin().equals(file) && !file.endsWith(mig.name()) && !mig.origin().endsWith(file)) {
                continue;
            }
            try (StatementTexts texts = mig.texts()) { // a large file's data statement, read again to run
                for (Statement st : mig.statements()) {
                    if (st.line() == line) {
                        return texts.of(st);
                    }
                }
            }
        }
        return null;
    }

    /** The statements of the same migration before {@code line}. */
    private static List<Statement> earlier(MigrationSet set, String file, int line) {
        List<Statement> out = new ArrayList<>();
        for (Migration mig : set) {
            if (mig.origin().equals(file) || file.endsWith(mig.name()) || mig.origin().endsWith(file)) {
                try (StatementTexts texts = mig.texts()) { // a large file's data statements, read again to run
                    for (Statement st : mig.statements()) {
                        if (st.line() < line) {
                            out.add(texts.of(st));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The scratch copy with the failing migration's earlier statements run on it (each where it can: the engine may
     * have run them in this very run, as a rebuild's CREATE before its copy), so the statement sees what it saw.
     */
    private static Path prepared(Path before, List<Statement> earlier) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before); java.sql.Statement s = c.createStatement()) {
            for (Statement st : earlier) {
                try {
                    s.execute(st.text());
                } catch (SQLException alreadyThere) {
                    // the state already held its effect: go on
                }
            }
        }
        return before;
    }

    /** SQLite's own message: the innermost SQLException's, else the message's {@code SQLite:} line, else all of it. */
    static String sqliteMessage(ConvergeException error) {
        String out = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                out = t.getMessage();
            }
        }
        if (out != null) {
            return out;
        }
        for (String l : error.getMessage().split("\n")) {
            if (l.strip().startsWith("SQLite: ")) {
                return l.strip().substring("SQLite: ".length());
            }
        }
        return error.getMessage();
    }

    static String fix(String kind, Statement st) {
        StatementKind sk = st == null ? StatementKind.OTHER : st.kind();
        return switch (kind) {
            case "UNIQUE", "PRIMARY KEY" -> switch (sk) {
                case INSERT, REPLACE -> st.copiesRows()
                        ? "the copy puts duplicate values into a UNIQUE column: deduplicate the source first, or copy"
                        + " with INSERT OR IGNORE and decide which row wins"
                        : "make the seed safe to repeat: INSERT OR IGNORE INTO … (or … ON CONFLICT DO NOTHING), so"
                        + " that a database that already holds the row is left as it is";
                case CREATE_INDEX -> "this UNIQUE index fails on duplicate values: deduplicate first (a DELETE or"
                        + " UPDATE before the CREATE UNIQUE INDEX that leaves one row per value)";
                default -> "the statement makes values UNIQUE that existing rows repeat: deduplicate first";
            };
            case "NOT NULL" -> "existing rows hold NULL where the new definition forbids it: give them a value first"
                    + " (UPDATE … SET c = … WHERE c IS NULL), or copy with coalesce(c, …)";
            case "CHECK" -> "existing rows break the CHECK: UPDATE them to valid values before this statement";
            case "FOREIGN KEY" -> "rows point at parent rows that do not exist: delete or repair them before this"
                    + " statement";
            default -> "the statement fails on rows a real database may hold: make it hold for any rows (guard it,"
                    + " or clean the data in a statement before it)";
        };
    }

    /**
     * A row that broke the constraint. For a UNIQUE index: two rows of the table with the same values. For an
     * INSERT: the row it would add (run into an unconstrained TEMP copy of the table, which unqualified names reach
     * first) beside the row already there with the same values.
     */
    private static String sampleRow(Path before, Statement st, String kind, String columns) throws SQLException {
        List<String> cols = new ArrayList<>();
        String table = null;
        for (String tc : columns.split(",")) {
            int dot = tc.strip().lastIndexOf('.');
            if (dot > 0) {
                table = tc.strip().substring(0, dot);
                cols.add(tc.strip().substring(dot + 1));
            }
        }
        if (kind.equals("CHECK") && st.tableName() != null
                && (st.kind() == StatementKind.INSERT || st.kind() == StatementKind.REPLACE)) {
            return checkSample(before, st, columns);
        }
        if (table == null || !(kind.equals("UNIQUE") || kind.equals("PRIMARY KEY") || kind.equals("NOT NULL"))) {
            return "(not shown: SQLite does not name the columns of a " + (kind.isEmpty() ? "failure like this" : kind)
                    + " failure)";
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before)) {
            String t = Identifiers.quote(table);
            if (st.kind() == StatementKind.INSERT || st.kind() == StatementKind.REPLACE) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE TEMP TABLE " + t + " AS SELECT * FROM main." + t + " WHERE 0");
                    s.execute(st.text());
                }
                String added = firstRow(c, "SELECT * FROM temp." + t + (kind.equals("NOT NULL")
                        ? " WHERE " + Identifiers.quote(cols.get(0)) + " IS NULL" : "") + " LIMIT 1");
                if (kind.equals("NOT NULL")) {
                    return added == null ? "(not shown)" : "the statement would add " + added;
                }
                StringJoiner on = new StringJoiner(" AND ");
                for (String col : cols) {
                    on.add("m." + Identifiers.quote(col) + " IS n." + Identifiers.quote(col));
                }
                String there = firstRow(c, "SELECT m.* FROM main." + t + " m JOIN temp." + t + " n ON " + on + " LIMIT 1");
                return "the statement would add " + added + ", and the table already holds " + there;
            }
            if (kind.equals("NOT NULL")) {
                return "(not shown: the NULL comes from the statement's own expression)";
            }
            StringJoiner list = new StringJoiner(", ");
            for (String col : cols) {
                list.add(Identifiers.quote(col));
            }
            String dup = firstRow(c, "SELECT * FROM " + t + " WHERE (" + list + ") IN (SELECT " + list + " FROM " + t
                    + " GROUP BY " + list + " HAVING count(*) > 1) LIMIT 1");
            return dup == null ? "(not shown: no two rows of " + table + " share these values before the run)"
                    : dup + ", and another row with the same " + columns;
        }
    }

    /**
     * For a CHECK an INSERT breaks: the statement run into an unconstrained TEMP copy of its table, and a row it would
     * add that breaks {@code check} (SQLite names an unnamed CHECK by its expression); any row it adds when the
     * expression cannot be evaluated (a named constraint).
     */
    private static String checkSample(Path before, Statement st, String check) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before)) {
            String t = Identifiers.quote(st.tableName());
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE " + t + " AS SELECT * FROM main." + t + " WHERE 0");
                s.execute(st.text());
            }
            String breaking;
            try {
                breaking = firstRow(c, "SELECT * FROM temp." + t + " WHERE NOT (" + check + ") LIMIT 1");
            } catch (SQLException named) {
                breaking = null;
            }
            if (breaking != null) {
                return "the statement would add " + breaking + ", which breaks CHECK (" + check + ")";
            }
            String any = firstRow(c, "SELECT * FROM temp." + t + " LIMIT 1");
            return any == null ? "(not shown: the statement adds no row without its constraints)"
                    : "one of the rows the statement would add, e.g. " + any;
        }
    }

    private static String firstRow(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                row.add(rs.getMetaData().getColumnName(i) + "=" + (v instanceof String ? "'" + v + "'" : v));
            }
            return row.toString();
        }
    }
}
