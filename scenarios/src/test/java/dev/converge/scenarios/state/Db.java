package dev.converge.scenarios.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small read-only queries for assertions, straight through sqlite-jdbc. */
final class Db {
    private Db() {
    }

    static Connection open(Path file) throws SQLException {
        return RawSqlite.open(file);
    }

    /** Rows of a query, each row's columns joined with {@code |}. */
    static List<String> rows(Path file, String sql) throws SQLException {
        try (Connection c = open(file)) {
            return rows(c, sql);
        }
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

    static long count(Path file, String sql) throws SQLException {
        return Long.parseLong(rows(file, sql).get(0));
    }

    /** "type name" of every object outside sqlite_*, ignoring {@code except}. */
    static Set<String> objects(Path file, String... except) throws SQLException {
        Set<String> out = new TreeSet<>(rows(file, "SELECT type || ' ' || name FROM sqlite_schema"
                + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
        for (String e : except) {
            out.removeIf(o -> o.endsWith(" " + e));
        }
        return out;
    }

    /**
     * The structure of every table, index and foreign key (by SQLite's pragmas, which do not depend on how the
     * CREATE text was written) plus the whitespace-normalized text of views and triggers, without {@code IF NOT EXISTS}.
     */
    static List<String> structure(Path file, String... except) throws SQLException {
        String skip = " AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" + notIn("m.name", except);
        List<String> out = new ArrayList<>();
        out.addAll(rows(file, "SELECT 'column ' || m.name || '.' || c.name || ' #' || c.cid || ' ' || c.type"
                + " || ' notnull=' || c.\"notnull\" || ' default=' || ifnull(c.dflt_value, '-') || ' pk=' || c.pk"
                + " || ' hidden=' || c.hidden FROM sqlite_schema m, pragma_table_xinfo(m.name) c"
                + " WHERE m.type = 'table'" + skip + " ORDER BY m.name, c.cid"));
        out.addAll(rows(file, "SELECT 'index ' || m.name || '.' || il.name || ' unique=' || il.\"unique\""
                + " || ' origin=' || il.origin || ' partial=' || il.partial"
                + " || ' keys=' || (SELECT group_concat(ifnull(x.name, '<expr>') || ' ' || x.desc || ' ' || x.coll, ',')"
                + " FROM pragma_index_xinfo(il.name) x WHERE x.key = 1)"
                + " FROM sqlite_schema m, pragma_index_list(m.name) il WHERE m.type = 'table'" + skip
                + " ORDER BY m.name, il.name"));
        out.addAll(rows(file, "SELECT 'fk ' || m.name || '.' || f.\"from\" || ' -> ' || f.\"table\" || '.'"
                + " || ifnull(f.\"to\", '-') || ' ' || f.on_delete || ' ' || f.on_update"
                + " FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'" + skip
                + " ORDER BY m.name, f.id, f.seq"));
        out.addAll(rows(file, "SELECT 'flags ' || name || ' autoincrement=' || (upper(sql) LIKE '%AUTOINCREMENT%')"
                + " || ' checks=' || (length(upper(sql)) - length(replace(upper(sql), 'CHECK', ''))) / 5"
                + " FROM sqlite_schema m WHERE type = 'table'" + skip + " ORDER BY name"));
        for (String row : rows(file, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_schema m"
                + " WHERE type IN ('view', 'trigger')" + skip + " ORDER BY name")) {
            out.add(row.replaceAll("\\s+", " ").replace(" IF NOT EXISTS", ""));
        }
        return out;
    }

    private static String notIn(String column, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(" AND ").append(column).append(" <> '").append(n.replace("'", "''")).append("'");
        }
        return sb.toString();
    }
}
