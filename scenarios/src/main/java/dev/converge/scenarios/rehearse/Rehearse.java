package dev.converge.scenarios.rehearse;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.scenarios.state.ContentHash;
import dev.converge.scenarios.verify.PlanReport;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A dress rehearsal of {@code migrate} on a real database: a consistent copy is taken with SQLite's backup API from
 * a read-only connection (so the original is never opened for writing, and other processes may keep using it), the
 * copy is migrated, and the report says what the plan was, what ran, whether the copy ended at the target schema,
 * and what became of every table's rows.
 */
public final class Rehearse {
    /** Reads the ordinary tables of the main schema, less SQLite's own. */
    private static final String TABLES = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
    /** Reads a table's column names. */
    private static final String COLUMNS = "SELECT name FROM pragma_table_info(?) ORDER BY cid";
    private static final String HISTORY_TABLE = "schema_migrations";

    private Rehearse() {
    }

    /** Rehearses on a temporary copy, which is deleted afterwards. */
    public static Rehearsal run(Path db, Path migrations, Path baseline, PrintStream out) {
        Path copy;
        try {
            copy = Files.createTempFile("converge-rehearse-", ".db");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file", e);
        }
        try {
            return run(db, migrations, baseline, out, copy);
        } finally {
            try {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-journal"));
            } catch (IOException e) {
                out.println("could not delete the copy " + copy + ": " + e.getMessage());
            }
        }
    }

    /** Rehearses on a copy written to {@code copy} (replaced if there), which is kept. */
    public static Rehearsal run(Path db, Path migrations, Path baseline, PrintStream out, Path copy) {
        if (!Files.isRegularFile(db)) {
            throw new ConvergeException(ErrorCode.NO_DATABASE, "cannot rehearse on " + db + ": no such file");
        }
        backup(db, copy);
        out.println("rehearsal of " + db + " on a copy, " + copy + " (the original is only read)");
        Map<String, List<String>> rowsBefore = rows(copy);
        Map<String, String> hashBefore = ContentHash.excluding(HISTORY_TABLE).perTable(copy);
        Converge.Builder b = Converge.configure().database(copy).migrations(MigrationSource.folder(migrations))
                .createDatabase(false);
        if (baseline != null) {
            b.baseline(baseline);
        }
        Converge converge = b.load();
        Plan plan = null;
        RunResult result = null;
        ConvergeException failure = null;
        out.println("plan:");
        try {
            plan = converge.plan();
            PlanReport.print(plan, out);
            if (plan.refused()) {
                failure = plan.refusal();
            }
        } catch (ConvergeException e) {
            failure = e;
        }
        if (failure == null) {
            try {
                result = converge.migrate();
                out.println("result: " + (result.unchanged() ? "already up to date" : result.done().size()
                        + " step(s) done") + " in " + result.millis() + " ms");
                result.notes().forEach(n -> out.println("  note: " + n));
            } catch (ConvergeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            out.println("result: " + failure.code() + ": " + failure.getMessage().replace("\n", "\n  "));
        }
        List<String> schema = result == null ? List.of() : schemaDifferences(copy, migrations, plan);
        if (result != null) {
            out.println(schema.isEmpty() ? "schema: the copy matches the target" : "schema: the copy differs from the target:");
            schema.forEach(s -> out.println("  - " + s));
        }
        List<Rehearsal.TableRows> tables = tables(copy, rowsBefore, hashBefore, migrations);
        out.println("tables:");
        tables.forEach(t -> out.println("  " + t.describe()));
        Rehearsal r = new Rehearsal(copy, plan, result, failure, schema, tables);
        out.println(r.ok() ? "rehearsal: OK — migrate would converge this database and keep its rows"
                : "rehearsal: NOT OK — see above");
        return r;
    }

    /** Copies {@code db} to {@code copy} with SQLite's backup API, from a read-only connection. */
    static void backup(Path db, Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + copy, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toAbsolutePath().toString(), null);
            if (rc != 0) {
                throw new ConvergeException(ErrorCode.INTERNAL, "SQLite's backup of " + db + " to " + copy
                        + " failed with result code " + rc);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.NOT_A_DATABASE, "cannot copy " + db + ": " + e.getMessage(), e);
        }
    }

    private static List<String> schemaDifferences(Path copy, Path migrations, Plan plan) {
        MigrationSet set = MigrationSource.folder(migrations).load();
        Reference ref = Reference.of(set);
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            Schema live = SchemaInspector.inspect(c, HISTORY_TABLE);
            for (Change ch : SchemaDiff.between(ref.target(), live)) {
                boolean unmanaged = ch instanceof Change.ObjectUnexpected && !ref.names(ch.object());
                if (!unmanaged && (plan == null || !plan.tolerated().contains(ch.object()))) {
                    out.add(ch.describe());
                }
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot read the copy " + copy + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<Rehearsal.TableRows> tables(Path copy, Map<String, List<String>> before,
                                                    Map<String, String> hashBefore, Path migrations) {
        Set<String> rewritten = rewritten(migrations);
        Map<String, String> hashAfter = ContentHash.excluding(HISTORY_TABLE).perTable(copy);
        List<Rehearsal.TableRows> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            Map<String, String> afterNames = new HashMap<>();
            for (String t : tableNames(c)) {
                afterNames.put(Identifiers.key(t), t);
            }
            for (Map.Entry<String, List<String>> e : before.entrySet()) {
                String table = e.getKey();
                String now = afterNames.get(Identifiers.key(table));
                int rowsBefore = e.getValue().size() - 1; // first entry: the columns
                if (now == null) {
                    out.add(new Rehearsal.TableRows(table, rowsBefore, -1, 0, false, false));
                    continue;
                }
                List<String> columnsBefore = List.of(e.getValue().get(0).split("\u0001", -1));
                List<String> shared = new ArrayList<>();
                Set<String> nowColumns = new HashSet<>();
                columns(c, now).forEach(col -> nowColumns.add(Identifiers.key(col)));
                for (String col : columnsBefore) {
                    if (nowColumns.contains(Identifiers.key(col))) {
                        shared.add(col);
                    }
                }
                List<String> beforeRows = project(e.getValue(), columnsBefore, shared);
                List<String> afterRows = select(c, now, shared);
                Map<String, Integer> counts = new HashMap<>();
                afterRows.forEach(r -> counts.merge(r, 1, Integer::sum));
                long lost = 0;
                for (String r : beforeRows) {
                    Integer n = counts.get(r);
                    if (n == null || n == 0) {
                        lost++;
                    } else {
                        counts.put(r, n - 1);
                    }
                }
                long rowsAfter = afterRows.size();
                boolean unchanged = hashBefore.get(table) != null && hashBefore.get(table).equals(hashAfter.get(now));
                out.add(new Rehearsal.TableRows(table, rowsBefore, rowsAfter, lost,
                        rewritten.contains(Identifiers.key(table)), unchanged));
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot read the copy " + copy + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Per ordinary table (not the history table), its column names joined by U+0001, then each row the same way. */
    private static Map<String, List<String>> rows(Path db) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            for (String t : tableNames(c)) {
                List<String> columns = columns(c, t);
                List<String> rows = new ArrayList<>();
                rows.add(String.join("\u0001", columns));
                rows.addAll(select(c, t, columns));
                out.put(t, rows);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot read " + db + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        Set<String> shadows = SchemaInspector.shadowTables(c);
        List<String> out = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!shadows.contains(Identifiers.key(t)) && !Identifiers.same(t, HISTORY_TABLE)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Each row of {@code table} on {@code columns}, as SQL literals ({@code quote()}) joined by U+0001. */
    private static List<String> select(Connection c, String table, List<String> columns) throws SQLException {
        List<String> out = new ArrayList<>();
        if (columns.isEmpty()) {
            return out;
        }
        StringJoiner q = new StringJoiner(" || char(1) || ");
        columns.forEach(col -> q.add("quote(" + Identifiers.quote(col) + ")"));
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + q + " FROM " + Identifiers.quote(table))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> project(List<String> rows, List<String> columns, List<String> onto) {
        int[] index = onto.stream().mapToInt(columns::indexOf).toArray();
        List<String> out = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] values = row.split("\u0001", -1);
            StringJoiner j = new StringJoiner("\u0001");
            for (int i : index) {
                j.add(values[i]);
            }
            out.add(j.toString());
        }
        return out;
    }

    /** Tables whose rows a migration updates or deletes. */
    private static Set<String> rewritten(Path migrations) {
        Set<String> out = new HashSet<>();
        for (var m : MigrationSource.folder(migrations).load()) {
            for (Statement st : m.statements()) {
                switch (st.kind()) {
                    case UPDATE, DELETE, REPLACE -> {
                        if (st.tableName() != null) {
                            out.add(Identifiers.key(st.tableName()));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return out;
    }
}
