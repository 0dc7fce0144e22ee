package dev.converge.scenarios.state;

import dev.converge.sql.Identifiers;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the data filler needs to know of one table, read from SQLite's pragma functions: its writable columns and
 * their affinity, which columns must hold distinct values, its foreign keys, and the literals its CHECKs mention
 * per column (candidates that often satisfy them, such as the members of an {@code IN} list).
 */
record TableShape(String name, List<ColumnShape> columns, List<ForeignKeyShape> foreignKeys, Set<String> distinct,
                  Map<String, List<Object>> checkLiterals, String rowidAlias) {

    /** SQLite's column affinities (https://sqlite.org/datatype3.html §3.1). */
    enum Affinity {
        INTEGER, TEXT, BLOB, REAL, NUMERIC;

        static Affinity of(String declaredType) {
            String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
            if (t.contains("INT")) {
                return INTEGER;
            }
            if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
                return TEXT;
            }
            if (t.isEmpty() || t.contains("BLOB") || t.equals("ANY")) {
                return BLOB;
            }
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
                return REAL;
            }
            return NUMERIC;
        }
    }

    record ColumnShape(String name, String type, Affinity affinity, boolean notNull, int pk) {
    }

    /** One foreign key; {@code to} holds null where the parent's primary key is meant. */
    record ForeignKeyShape(String parent, List<String> from, List<String> to) {
    }

    /** Reads the visible, non-generated columns of a table: hidden 0 only. */
    private static final String COLUMNS = "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?)"
            + " WHERE hidden = 0 ORDER BY cid";
    /** Reads a table's foreign keys, one row per column pair. */
    private static final String FOREIGN_KEYS = "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)"
            + " ORDER BY id, seq";
    /** Reads the columns of every unique index of a table (UNIQUE and PRIMARY KEY constraints included). */
    private static final String UNIQUE_COLUMNS = "SELECT ii.name FROM pragma_index_list(?) il,"
            + " pragma_index_info(il.name) ii WHERE il.\"unique\" = 1 AND ii.name IS NOT NULL";
    /** Reads a table's CREATE text and whether it is WITHOUT ROWID. */
    private static final String TABLE = "SELECT s.sql, l.wr FROM sqlite_schema s, pragma_table_list l"
            + " WHERE s.type = 'table' AND s.name = ? AND l.schema = 'main' AND l.name = s.name";

    static TableShape read(Connection c, String table) throws SQLException {
        List<ColumnShape> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    columns.add(new ColumnShape(rs.getString(1), type, Affinity.of(type), rs.getInt(3) != 0, rs.getInt(4)));
                }
            }
        }
        Map<Integer, String> parents = new LinkedHashMap<>();
        Map<Integer, List<String>> from = new HashMap<>();
        Map<Integer, List<String>> to = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    parents.putIfAbsent(id, rs.getString(2));
                    from.computeIfAbsent(id, x -> new ArrayList<>()).add(rs.getString(3));
                    to.computeIfAbsent(id, x -> new ArrayList<>()).add(rs.getString(4));
                }
            }
        }
        List<ForeignKeyShape> fks = new ArrayList<>();
        parents.forEach((id, parent) -> fks.add(new ForeignKeyShape(parent, List.copyOf(from.get(id)),
                Collections.unmodifiableList(new ArrayList<>(to.get(id))))));
        Set<String> distinct = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(UNIQUE_COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    distinct.add(Identifiers.key(rs.getString(1)));
                }
            }
        }
        String sql = "";
        boolean withoutRowid = false;
        try (PreparedStatement ps = c.prepareStatement(TABLE)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sql = rs.getString(1);
                    withoutRowid = rs.getInt(2) != 0;
                }
            }
        }
        String rowidAlias = null;
        List<ColumnShape> pk = columns.stream().filter(col -> col.pk() > 0).toList();
        if (!withoutRowid && pk.size() == 1 && "INTEGER".equalsIgnoreCase(pk.get(0).type().strip())) {
            rowidAlias = pk.get(0).name();
        }
        for (ColumnShape col : pk) {
            distinct.add(Identifiers.key(col.name()));
        }
        return new TableShape(table, List.copyOf(columns), List.copyOf(fks), distinct,
                checkLiterals(sql, columns), rowidAlias);
    }

    boolean isDistinct(ColumnShape column) {
        return distinct.contains(Identifiers.key(column.name()));
    }

    List<Object> literalsFor(ColumnShape column) {
        return checkLiterals.getOrDefault(Identifiers.key(column.name()), List.of());
    }

    /**
     * For every {@code CHECK (…)} in the CREATE text: the string and number literals inside it, given to every
     * column the check names.
     */
    static Map<String, List<Object>> checkLiterals(String createSql, List<ColumnShape> columns) {
        Map<String, List<Object>> out = new HashMap<>();
        if (createSql == null || createSql.isEmpty()) {
            return out;
        }
        Set<String> columnKeys = new TreeSet<>();
        columns.forEach(col -> columnKeys.add(Identifiers.key(col.name())));
        List<Token> tokens = Tokenizer.tokenize(createSql, "sqlite_schema").stream()
                .filter(t -> t.type() != TokenType.COMMENT).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("CHECK") || !tokens.get(i + 1).isPunct("(")) {
                continue;
            }
            Set<String> named = new TreeSet<>();
            List<Object> literals = new ArrayList<>();
            int depth = 0;
            boolean negative = false;
            int k = i + 1;
            for (; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                if (t.isPunct("(")) {
                    depth++;
                } else if (t.isPunct(")")) {
                    if (--depth == 0) {
                        break;
                    }
                } else if (t.type() == TokenType.STRING) {
                    literals.add(t.unquoted());
                } else if (t.type() == TokenType.NUMBER) {
                    Object n = number(t.text(), negative);
                    if (n != null) {
                        literals.add(n);
                    }
                } else if ((t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER)
                        && columnKeys.contains(Identifiers.key(t.unquoted()))) {
                    named.add(Identifiers.key(t.unquoted()));
                }
                negative = t.isPunct("-");
            }
            for (String column : named) {
                out.computeIfAbsent(column, x -> new ArrayList<>()).addAll(literals);
            }
            i = k;
        }
        return out;
    }

    private static Object number(String literal, boolean negative) {
        String text = literal.replace("_", "");
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                long v = Long.parseUnsignedLong(text.substring(2), 16);
                return negative ? -v : v;
            }
            if (text.matches("\\d+")) {
                long v = Long.parseLong(text);
                return negative ? -v : v;
            }
            double d = Double.parseDouble(text);
            return negative ? -d : d;
        } catch (NumberFormatException e) {
            return null; // too large for a long: not a useful candidate
        }
    }
}
