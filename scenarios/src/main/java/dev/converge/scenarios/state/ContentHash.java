package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Identifiers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Hashes of what tables hold, to prove "nothing lost": SHA-256 over a table's rows as a multiset. Every value is
 * rendered with its storage class ({@code 1} ≠ {@code '1'} ≠ {@code 1.0}), each row as its columns sorted by
 * name, and the rows sorted, so neither physical row order nor column order changes a hash, and any changed,
 * added or removed value does. SQLite's own tables ({@code sqlite_*}), views, virtual and shadow tables are not
 * hashed.
 */
public final class ContentHash {
    /** Reads a table's stored and generated columns (hidden 1 is a virtual table's hidden column). */
    private static final String COLUMNS = "SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid";

    private final Set<String> excluded;

    private ContentHash(Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
    }

    /** Hashes every ordinary table, the history table included. */
    public static ContentHash allTables() {
        return new ContentHash(Set.of());
    }

    /** Hashes every ordinary table but these (e.g. the history table). */
    public static ContentHash excluding(String... tables) {
        return new ContentHash(Set.of(tables));
    }

    /** Per table (by its stored name, sorted), the hash of its rows. */
    public Map<String, String> perTable(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String table : Tables.ordinary(c, excluded)) {
            out.put(table, table(c, table));
        }
        return out;
    }

    /** {@link #perTable(Connection)} of a database file. */
    public Map<String, String> perTable(Path database) {
        try (Connection c = RawSqlite.open(database)) {
            return perTable(c);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot hash " + database + ": " + e.getMessage(), e);
        }
    }

    /** One hash over every hashed table's name (as SQLite folds it) and content. */
    public String database(Connection c) throws SQLException {
        return combine(perTable(c));
    }

    /** {@link #database(Connection)} of a database file. */
    public String database(Path database) {
        return combine(perTable(database));
    }

    /** The hash of a table's rows over all its columns. */
    public static String table(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return table(c, table, columns);
    }

    /**
     * The hash of a table's rows projected on some columns: to compare a table across a migration that added
     * columns, hash both sides on the columns they share.
     */
    public static String table(Connection c, String table, Collection<String> columns) throws SQLException {
        List<String> sorted = new ArrayList<>(columns);
        sorted.sort((a, b) -> Identifiers.key(a).compareTo(Identifiers.key(b)));
        List<String> rows = new ArrayList<>();
        if (!sorted.isEmpty()) {
            StringJoiner select = new StringJoiner(", ");
            for (String column : sorted) {
                select.add("typeof(" + Identifiers.quote(column) + "), " + Identifiers.quote(column));
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + Identifiers.quote(table))) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < sorted.size(); i++) {
                        String name = Identifiers.key(sorted.get(i));
                        row.append(name.length()).append(':').append(name).append('=');
                        render(rs, 2 * i + 1, row);
                        row.append(';');
                    }
                    rows.add(row.toString());
                }
            }
        } else {
            long count = RawSqlite.queryLong(c, "SELECT count(*) FROM " + Identifiers.quote(table));
            for (long i = 0; i < count; i++) {
                rows.add("");
            }
        }
        rows.sort(null);
        MessageDigest sha = sha256();
        for (String row : rows) {
            sha.update((row.length() + ":" + row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Appends the value at {@code column + 1}, tagged with the storage class read at {@code column}. */
    private static void render(ResultSet rs, int column, StringBuilder out) throws SQLException {
        String type = rs.getString(column);
        int v = column + 1;
        switch (type) {
            case "null" -> out.append('N');
            case "integer" -> out.append("I:").append(rs.getLong(v));
            case "real" -> out.append("R:").append(Double.toString(rs.getDouble(v)));
            case "text" -> {
                String text = rs.getString(v);
                out.append("T").append(text.length()).append(':').append(text);
            }
            case "blob" -> {
                byte[] bytes = rs.getBytes(v);
                out.append("B:").append(HexFormat.of().formatHex(bytes == null ? new byte[0] : bytes));
            }
            default -> throw new IllegalStateException("SQLite reported an unknown storage class: " + type);
        }
    }

    private static String combine(Map<String, String> perTable) {
        Map<String, String> byKey = new TreeMap<>();
        perTable.forEach((name, hash) -> byKey.put(Identifiers.key(name), hash));
        MessageDigest sha = sha256();
        byKey.forEach((name, hash) -> sha.update((name.length() + ":" + name + "=" + hash + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
