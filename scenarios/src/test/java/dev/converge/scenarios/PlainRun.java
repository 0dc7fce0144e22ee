package dev.converge.scenarios;

import dev.converge.scenarios.state.MigrationFile;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a plain sequential runner ends with from a state that has a place on the set's timeline (issue 11: "where a
 * plain runner finishes, Converge finishes with the same rows"): the statements it still runs, run one by one on a
 * copy of the state by raw JDBC, and the rows each table then holds, to hold Converge's result against.
 */
final class PlainRun {
    /** SQLite's CURRENT_TIMESTAMP text: a default filled while the run ran differs between two runs by seconds. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    private static final DateTimeFormatter SQLITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PlainRun() {
    }

    /**
     * The statements a plain runner still runs from {@code state}, in order: the rest of the interrupted migration and
     * every later one for a half-applied state, every later migration for a prefix or history-lost state. Null for a
     * state with no point on the timeline to continue from (empty with a baseline, baseline-only, a baseline run over
     * a prefix, legacy, drifted).
     */
    static List<Statement> rest(StateBuilder builder, State state) {
        long after;
        int skip;
        switch (state.kind()) {
            case PREFIX, HISTORY_LOST -> {
                after = state.version();
                skip = 0;
            }
            case HALF_APPLIED -> {
                after = state.version() - 1;
                skip = state.statements();
            }
            default -> {
                return null;
            }
        }
        List<Statement> out = new ArrayList<>();
        for (MigrationFile m : builder.migrations()) {
            if (m.version() > after) {
                List<Statement> all = SqlSplitter.split(m.text(), m.fileName());
                out.addAll(m.version() == state.version() && state.kind() == State.Kind.HALF_APPLIED
                        ? all.subList(skip, all.size()) : all);
            }
        }
        return out;
    }

    /**
     * The earlier states that are the same database as {@code state}: history lost after migration k is also history
     * lost after k-1 when k changes no schema (data only), and so on down; nothing for other states. A runner that
     * cannot see the history may take either reading, so both plain runs are right answers.
     */
    static List<State> sameDatabaseEarlier(StateBuilder builder, State state) {
        List<State> out = new ArrayList<>();
        if (state.kind() != State.Kind.HISTORY_LOST) {
            return out;
        }
        List<MigrationFile> ms = builder.migrations();
        for (int i = ms.size() - 1; i > 0; i--) {
            MigrationFile m = ms.get(i);
            if (m.version() > state.version()) {
                continue;
            }
            boolean dataOnly = SqlSplitter.split(m.text(), m.fileName()).stream()
                    .noneMatch(st -> st.kind().isSchemaChange());
            if (!dataOnly) {
                break;
            }
            out.add(State.historyLost(ms.get(i - 1).version()));
        }
        return out;
    }

    /** Runs the statements on {@code db} in autocommit, one by one; false (stopping there) at the first that fails. */
    static boolean finish(Path db, List<Statement> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            for (Statement st : statements) {
                try {
                    s.execute(st.text());
                } catch (SQLException failed) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every row of every ordinary table but {@code historyTable}, rendered {@code col=value} sorted by column, the
     * rows of a table sorted; a timestamp within a day of now reads {@code <now>}, since a default filled by the run
     * differs between two runs.
     */
    static Map<String, List<String>> rows(Path db, String historyTable) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (String t : tables(c, historyTable)) {
                List<String> rows = new ArrayList<>();
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + Identifiers.quote(t))) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        TreeMap<String, String> row = new TreeMap<>();
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            String text = v == null ? "NULL" : v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v.toString();
                            row.put(Identifiers.key(rs.getMetaData().getColumnName(i)), recent(text, now) ? "<now>" : text);
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(Identifiers.key(t), rows);
            }
        }
        return out;
    }

    /**
     * The ordinary tables of the database but {@code except} (null: none), by name. Virtual tables and their shadow
     * tables are left out: an FTS5 table's index is derived from its content table (and reading an external-content
     * table whose content table is gone fails), its layout differs between two runs that index the same rows, and
     * {@code PRAGMA integrity_check} checks it against its content.
     */
    static List<String> tables(Connection c, String except) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                if (except == null || !Identifiers.same(rs.getString(1), except)) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean recent(String text, LocalDateTime now) {
        if (!TIMESTAMP.matcher(text).matches()) {
            return false;
        }
        try {
            return Duration.between(LocalDateTime.parse(text, SQLITE), now).abs().toHours() < 24;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The differences between Converge's rows and the plain runner's, one line per table that differs. */
    static List<String> differences(Map<String, List<String>> converge, Map<String, List<String>> plain) {
        List<String> out = new ArrayList<>();
        for (String t : plain.keySet()) {
            List<String> a = converge.get(t);
            List<String> b = plain.get(t);
            if (a == null) {
                out.add("table " + t + ": missing after Converge, the plain runner has " + b.size() + " row(s)");
            } else if (!a.equals(b)) {
                List<String> onlyPlain = new ArrayList<>(b);
                a.forEach(onlyPlain::remove);
                List<String> onlyConverge = new ArrayList<>(a);
                b.forEach(onlyConverge::remove);
                out.add("table " + t + ": Converge has " + a.size() + " row(s), the plain runner " + b.size()
                        + (onlyPlain.isEmpty() ? "" : "; e.g. plain only: " + onlyPlain.get(0))
                        + (onlyConverge.isEmpty() ? "" : "; e.g. Converge only: " + onlyConverge.get(0)));
            }
        }
        for (String t : converge.keySet()) {
            if (!plain.containsKey(t)) {
                out.add("table " + t + ": only after Converge (" + converge.get(t).size() + " row(s))");
            }
        }
        return out;
    }
}
