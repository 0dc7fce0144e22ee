package dev.converge.scenarios.faults;

import dev.converge.scenarios.state.ContentHash;
import dev.converge.sql.Identifiers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a database holds, read with raw JDBC and no Converge code: the catalogue ({@code sqlite_schema} rows as
 * SQLite stores them), a content hash per table (history apart), the history rows without their clock-dependent
 * columns, and SQLite's own checks ({@code integrity_check}, {@code foreign_key_check}). Two snapshots of states
 * that hold the same schema, rows and history are equal, whatever the physical layout of the file.
 *
 * @param catalogue  {@code type|name|tbl_name|sql} of every catalogue row, sorted
 * @param content    per table (history excluded), the hash of its rows
 * @param stable     as {@code content}, but ignoring columns whose default reads the clock ({@code CURRENT_…}),
 *                   for comparing two separate runs of a migration that inserts rows
 * @param history    the history rows: {@code version|name|checksum|how} in Converge's layout,
 *                   {@code legacy id|migration_name|applied_at} in the legacy layout
 * @param integrity  {@code PRAGMA integrity_check}
 * @param foreignKeyViolations {@code PRAGMA foreign_key_check}
 */
record Snapshot(List<String> catalogue, Map<String, String> content, Map<String, String> stable, List<String> history,
                List<String> integrity, List<String> foreignKeyViolations) {
    static final String HISTORY = "schema_migrations";

    /** Columns of a table with their defaults. */
    private static final String COLUMNS = "SELECT name, dflt_value FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid";

    static Snapshot of(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            return of(c);
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + db + ": " + e.getMessage(), e);
        }
    }

    static Snapshot of(Connection c) throws SQLException {
        List<String> catalogue = rows(c, "SELECT type || '|' || name || '|' || tbl_name || '|' || ifnull(sql, '')"
                + " FROM sqlite_schema ORDER BY type, name");
        Map<String, String> content = ContentHash.excluding(HISTORY).perTable(c);
        Map<String, String> stable = new TreeMap<>();
        for (String table : content.keySet()) {
            List<String> columns = new ArrayList<>();
            try (var ps = c.prepareStatement(COLUMNS)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String dflt = rs.getString(2);
                        if (dflt == null || !dflt.toUpperCase(java.util.Locale.ROOT).contains("CURRENT_")) {
                            columns.add(rs.getString(1));
                        }
                    }
                }
            }
            stable.put(table, ContentHash.table(c, table, columns));
        }
        return new Snapshot(catalogue, content, stable, history(c), rows(c, "PRAGMA integrity_check"),
                rows(c, "SELECT * FROM pragma_foreign_key_check"));
    }

    private static List<String> history(Connection c) throws SQLException {
        List<String> columns = rows(c, "SELECT lower(name) FROM pragma_table_info('" + HISTORY + "')");
        String q = Identifiers.quote(HISTORY);
        if (columns.isEmpty()) {
            return List.of();
        }
        if (columns.contains("migration_name")) {
            return rows(c, "SELECT 'legacy ' || id || '|' || migration_name || '|' || ifnull(applied_at, '') FROM " + q
                    + " ORDER BY id");
        }
        return rows(c, "SELECT version || '|' || name || '|' || checksum || '|' || how FROM " + q + " ORDER BY version");
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** The versions in a Converge-layout history. */
    List<Long> recordedVersions() {
        List<Long> out = new ArrayList<>();
        for (String row : history) {
            if (!row.startsWith("legacy ")) {
                out.add(Long.parseLong(row.substring(0, row.indexOf('|'))));
            }
        }
        return out;
    }

    boolean healthy() {
        return integrity.equals(List.of("ok")) && foreignKeyViolations.isEmpty();
    }

    /** Same schema, rows and history. */
    boolean sameState(Snapshot o) {
        return catalogue.equals(o.catalogue) && content.equals(o.content) && history.equals(o.history);
    }

    /** What differs from {@code expected}, for failure messages; empty when {@link #sameState} holds. */
    String differencesFrom(Snapshot expected) {
        StringBuilder sb = new StringBuilder();
        diff(sb, "catalogue", expected.catalogue, catalogue);
        for (String t : union(expected.content, content)) {
            if (!Objects.equals(expected.content.get(t), content.get(t))) {
                sb.append("\n  content of ").append(t).append(" differs (expected ")
                        .append(shortHash(expected.content.get(t))).append(", actual ").append(shortHash(content.get(t))).append(')');
            }
        }
        diff(sb, "history", expected.history, history);
        return sb.toString();
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return new ArrayList<>(m.keySet());
    }

    private static String shortHash(String h) {
        return h == null ? "absent" : h.substring(0, 12);
    }

    private static void diff(StringBuilder sb, String what, List<String> expected, List<String> actual) {
        for (String e : expected) {
            if (!actual.contains(e)) {
                sb.append("\n  ").append(what).append(" lacks: ").append(e.replaceAll("\\s+", " "));
            }
        }
        for (String a : actual) {
            if (!expected.contains(a)) {
                sb.append("\n  ").append(what).append(" has extra: ").append(a.replaceAll("\\s+", " "));
            }
        }
    }
}
