package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Identifiers;
import dev.converge.scenarios.state.TableShape.ColumnShape;
import dev.converge.scenarios.state.TableShape.ForeignKeyShape;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Puts deterministic generated rows into every ordinary table of a database, so that "nothing lost" can be
 * checked on real data. Parents are filled before children and foreign keys point at existing parent rows;
 * NOT NULL, UNIQUE and PRIMARY KEY are honoured; CHECKs are met where the literals they mention suffice. A row that
 * still violates a constraint after a few tries is skipped: the fill never fails for one row. Each table draws from
 * its own {@link Random} seeded by the seed and the table's name, so a table gets the same rows in every state
 * where it has the same shape and parents. A foreign key whose parent table does not exist (a state caught in the
 * middle of a rebuild) gets NULL where allowed, else ordinary values: no row could satisfy it.
 */
public final class DataFiller {
    /** How many values a row gets before it is skipped. */
    private static final int ATTEMPTS = 20;
    /** The first attempt at a row that may take a number from a CHECK (texts from a CHECK come from attempt 1). */
    private static final int NUMERIC_LITERALS_FROM = 4;

    /** Reads the primary-key columns of a table, in key order. */
    private static final String PRIMARY_KEY = "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk";
    /** The columns of a table (hidden and generated ones too), to know what a foreign key can point at. */
    private static final String COLUMNS = "SELECT name FROM pragma_table_xinfo(?)";

    private final long seed;
    private final int rowsPerTable;
    private final Set<String> excluded;
    /** {@code table.column} keys that must hold distinct values because some migration makes them UNIQUE. */
    private final Set<String> distinctLater;
    /** Foreign keys some migration declares, honoured already where parent and columns exist. */
    private final Set<Link> links;

    /**
     * A foreign key that some migration of the set declares ({@code to} empty for the parent's primary key): rows
     * filled before it exists already point at real parent rows, as a real application's rows did.
     */
    public record Link(String table, List<String> from, String parent, List<String> to) {
        public Link {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    private DataFiller(long seed, int rowsPerTable, Set<String> excluded) {
        this(seed, rowsPerTable, excluded, Set.of(), Set.of());
    }

    private DataFiller(long seed, int rowsPerTable, Set<String> excluded, Set<String> distinctLater, Set<Link> links) {
        if (rowsPerTable < 0) {
            throw new IllegalArgumentException("rows per table must not be negative: " + rowsPerTable);
        }
        this.seed = seed;
        this.rowsPerTable = rowsPerTable;
        this.excluded = Set.copyOf(excluded);
        this.distinctLater = Set.copyOf(distinctLater);
        this.links = Set.copyOf(links);
    }

    /** A filler with this seed, 5 rows per table, leaving {@value StateBuilder#DEFAULT_HISTORY_TABLE} alone. */
    public static DataFiller seeded(long seed) {
        return new DataFiller(seed, 5, Set.of(StateBuilder.DEFAULT_HISTORY_TABLE));
    }

    /** With another number of rows per table. */
    public DataFiller rowsPerTable(int rows) {
        return new DataFiller(seed, rows, excluded, distinctLater, links);
    }

    /** Leaving these tables (the history table, under its name) alone instead. */
    public DataFiller excluding(String... tables) {
        return new DataFiller(seed, rowsPerTable, Set.of(tables), distinctLater, links);
    }

    /**
     * Also giving distinct values to these columns ({@code table.column}, as {@link #columnKey} makes them): columns
     * that a later migration makes UNIQUE, so that the generated rows do not invent duplicates real data would not
     * have (a real application kept them distinct before it declared so).
     */
    public DataFiller distinct(Set<String> tableColumns) {
        return new DataFiller(seed, rowsPerTable, excluded, tableColumns, links);
    }

    /** Also making rows point at real parent rows along these foreign keys, which some migration declares. */
    public DataFiller linking(Set<Link> foreignKeys) {
        return new DataFiller(seed, rowsPerTable, excluded, distinctLater, foreignKeys);
    }

    /** The key of a column for {@link #distinct}. */
    public static String columnKey(String table, String column) {
        return Identifiers.key(table) + "." + Identifiers.key(column);
    }

    /** Fills the database file; see {@link #fill(Connection)}. */
    public Map<String, Integer> fill(Path database) {
        try (Connection c = RawSqlite.open(database)) {
            return fill(c);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot fill " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fills every ordinary table, parents first, in one transaction; the connection must be in autocommit mode.
     * Returns, per table in fill order, how many rows were added.
     */
    public Map<String, Integer> fill(Connection c) throws SQLException {
        List<TableShape> shapes = new ArrayList<>();
        List<String> tables = Tables.ordinary(c, excluded);
        for (String table : tables) {
            shapes.add(withLinks(c, TableShape.read(c, table), tables));
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        RawSqlite.exec(c, "SAVEPOINT converge_fill");
        for (TableShape shape : parentsFirst(shapes)) {
            long before = count(c, shape.name());
            fillTable(c, shape);
            added.put(shape.name(), (int) (count(c, shape.name()) - before));
        }
        RawSqlite.exec(c, "RELEASE converge_fill");
        return added;
    }

    /**
     * The shape with the {@link #links} from it that its columns and an existing parent's columns can carry now; a
     * link also replaces a foreign key whose parent table does not exist now (a key SQLite rewrote to a table a
     * rebuild renamed away and dropped): the rows a real application wrote before point at real parent rows.
     */
    private TableShape withLinks(Connection c, TableShape shape, List<String> tables) throws SQLException {
        List<ForeignKeyShape> fks = new ArrayList<>(shape.foreignKeys());
        for (Link l : links) {
            boolean fromHere = Identifiers.same(l.table(), shape.name()) && l.from().stream().allMatch(f ->
                    shape.columns().stream().anyMatch(col -> Identifiers.same(col.name(), f)));
            boolean parentNow = tables.stream().anyMatch(t -> Identifiers.same(t, l.parent()))
                    && (l.to().isEmpty() || hasColumns(c, l.parent(), l.to()));
            if (!fromHere || !parentNow) {
                continue;
            }
            ForeignKeyShape known = fks.stream().filter(fk -> fk.from().stream().anyMatch(f -> l.from().stream()
                    .anyMatch(g -> Identifiers.same(f, g)))).findFirst().orElse(null);
            if (known != null && tables.stream().anyMatch(t -> Identifiers.same(t, known.parent()))) {
                continue; // the table's own key has a parent now: it rules
            }
            fks.remove(known);
            List<String> to = new ArrayList<>();
            for (int i = 0; i < l.from().size(); i++) {
                to.add(l.to().isEmpty() ? null : l.to().get(i));
            }
            fks.add(new ForeignKeyShape(l.parent(), l.from(), to));
        }
        return fks.equals(shape.foreignKeys()) ? shape : new TableShape(shape.name(), shape.columns(),
                List.copyOf(fks), shape.distinct(), shape.checkLiterals(), shape.rowidAlias());
    }

    private void fillTable(Connection c, TableShape shape) throws SQLException {
        Random random = new Random(seed * 31 + Identifiers.key(shape.name()).hashCode());
        List<ColumnShape> columns = shape.columns().stream()
                .filter(col -> !col.name().equals(shape.rowidAlias()) || isForeignKeyColumn(shape, col))
                .toList();
        if (columns.isEmpty()) {
            for (int i = 0; i < rowsPerTable; i++) {
                tryInsert(c, "INSERT INTO " + Identifiers.quote(shape.name()) + " DEFAULT VALUES", List.of());
            }
            return;
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (ColumnShape col : columns) {
            names.add(Identifiers.quote(col.name()));
            marks.add("?");
        }
        String insert = "INSERT INTO " + Identifiers.quote(shape.name()) + " (" + names + ") VALUES (" + marks + ")";
        Map<ForeignKeyShape, List<List<Object>>> parentKeys = new HashMap<>();
        Map<String, Set<Object>> used = new HashMap<>(); // values of columns a later migration makes UNIQUE
        for (int row = 0; row < rowsPerTable; row++) {
            for (ForeignKeyShape fk : shape.foreignKeys()) {
                if (row == 0 || Identifiers.same(fk.parent(), shape.name())) {
                    parentKeys.put(fk, parentKeys(c, fk));
                }
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Map<String, Object> values = new HashMap<>();
                Set<String> fromForeignKey = new HashSet<>();
                for (ForeignKeyShape fk : shape.foreignKeys()) {
                    List<List<Object>> keys = parentKeys.get(fk);
                    if (keys == null && shape.columns().stream().anyMatch(col -> col.notNull() && fk.from().stream()
                            .anyMatch(f -> Identifiers.same(f, col.name())))) {
                        continue; // no parent table, and NULL is not allowed: filled like any other column
                    }
                    List<Object> key = keys == null || keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
                    for (int i = 0; i < fk.from().size(); i++) {
                        String k = Identifiers.key(fk.from().get(i));
                        if (fromForeignKey.add(k)) {
                            values.put(k, key == null ? null : key.get(i));
                        }
                    }
                }
                List<Object> params = new ArrayList<>();
                for (ColumnShape col : columns) {
                    String k = Identifiers.key(col.name());
                    params.add(fromForeignKey.contains(k) ? values.get(k) : value(shape, col,
                            shape.isDistinct(col) || distinctLater.contains(columnKey(shape.name(), col.name())),
                            attempt, random));
                }
                if (repeatsLaterUnique(shape, columns, params, used)) {
                    continue;
                }
                if (tryInsert(c, insert, params)) {
                    remember(shape, columns, params, used);
                    break;
                }
            }
        }
    }

    /** True when a value would repeat one in a column that a later migration makes UNIQUE (SQLite would not notice yet). */
    private boolean repeatsLaterUnique(TableShape shape, List<ColumnShape> columns, List<Object> params,
                                       Map<String, Set<Object>> used) {
        for (int i = 0; i < columns.size(); i++) {
            Set<Object> seen = used.get(Identifiers.key(columns.get(i).name()));
            if (seen != null && params.get(i) != null && seen.contains(comparable(params.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private void remember(TableShape shape, List<ColumnShape> columns, List<Object> params, Map<String, Set<Object>> used) {
        for (int i = 0; i < columns.size(); i++) {
            if (distinctLater.contains(columnKey(shape.name(), columns.get(i).name())) && params.get(i) != null) {
                used.computeIfAbsent(Identifiers.key(columns.get(i).name()), k -> new HashSet<>())
                        .add(comparable(params.get(i)));
            }
        }
    }

    private static Object comparable(Object v) {
        return v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v;
    }

    /** Inserts one row inside its own savepoint; false, with nothing changed, when SQLite refuses it. */
    private static boolean tryInsert(Connection c, String insert, List<Object> params) throws SQLException {
        RawSqlite.exec(c, "SAVEPOINT converge_fill_row");
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.executeUpdate();
            RawSqlite.exec(c, "RELEASE converge_fill_row");
            return true;
        } catch (SQLException refused) {
            // a constraint (or a trigger) refused this row: undo it and let the caller try other values
            try {
                RawSqlite.exec(c, "ROLLBACK TO converge_fill_row");
                RawSqlite.exec(c, "RELEASE converge_fill_row");
            } catch (SQLException transactionGone) {
                // an ON CONFLICT ROLLBACK or RAISE(ROLLBACK) ended the whole transaction: start it again
                refused.addSuppressed(transactionGone);
                RawSqlite.exec(c, "SAVEPOINT converge_fill");
            }
            return false;
        }
    }

    /** A value for one column: distinct where the column must be, a CHECK literal on later attempts, else random. */
    private static Object value(TableShape shape, ColumnShape col, boolean distinct, int attempt, Random random) {
        // only literals of the column's own kind: `length(t) <= 500` must not make every retried text '500'
        boolean text = col.affinity().name().equals("TEXT");
        List<Object> literals = new java.util.ArrayList<>();
        for (Object l : shape.literalsFor(col)) {
            if (text == (l instanceof String)) {
                literals.add(l);
            }
        }
        // a number in a CHECK is mostly a bound (`x >= 0`) that the random values already meet, and taking it would
        // make retried rows share one value that a later UNIQUE index refuses: numbers wait until texts did not do
        if (!text && attempt < NUMERIC_LITERALS_FROM) {
            literals.clear();
        }
        if (!literals.isEmpty() && attempt > 0 && random.nextInt(5) > 0) {
            return literals.get(random.nextInt(literals.size()));
        }
        if (!col.notNull() && !distinct && random.nextInt(6) == 0) {
            return null;
        }
        String base = col.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return switch (col.affinity()) {
            case INTEGER, NUMERIC -> {
                long v = distinct ? random.nextInt(1_000_000_000) : random.nextInt(1_000_000); // wide: a later UNIQUE index must not meet chance duplicates
                yield v;
            }
            case REAL -> random.nextInt(10_000_000) / 100.0;
            case BLOB -> {
                byte[] b = new byte[distinct ? 12 : 6];
                random.nextBytes(b);
                yield b;
            }
            case TEXT -> {
                if (base.endsWith("-at") || base.endsWith("date")) {
                    yield String.format("20%02d-%02d-%02d %02d:%02d:%02d", 20 + random.nextInt(6), 1 + random.nextInt(12),
                            1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
                }
                yield base + "-" + word(random, distinct ? 10 : 3 + random.nextInt(6));
            }
        };
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return sb.toString();
    }

    private static boolean isForeignKeyColumn(TableShape shape, ColumnShape col) {
        return shape.foreignKeys().stream().anyMatch(fk -> fk.from().stream().anyMatch(f -> Identifiers.same(f, col.name())));
    }

    /** The parent's key tuples that a child row may point at; null when the parent table does not exist. */
    private static boolean hasColumns(Connection c, String table, List<String> columns) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        return columns.stream().allMatch(col -> present.stream().anyMatch(p -> Identifiers.same(p, col)));
    }

    private static List<List<Object>> parentKeys(Connection c, ForeignKeyShape fk) throws SQLException {
        if (Tables.ordinary(c, List.of()).stream().noneMatch(t -> Identifiers.same(t, fk.parent()))) {
            return null;
        }
        List<String> to = fk.to();
        boolean rowid = false;
        if (to.contains(null)) {
            List<String> pk = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PRIMARY_KEY)) {
                ps.setString(1, fk.parent());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pk.add(rs.getString(1));
                    }
                }
            }
            if (pk.isEmpty() && to.size() == 1) {
                rowid = true;
            } else if (pk.size() == to.size()) {
                to = pk;
            } else {
                return null;
            }
        }
        if (!rowid && !hasColumns(c, fk.parent(), to)) {
            // a key column the parent does not have (yet): SQLite would read "c" as the string 'c', and every child
            // row would point at that string; no parent row can be pointed at
            return null;
        }
        StringJoiner select = new StringJoiner(", ");
        StringJoiner notNull = new StringJoiner(" AND ");
        for (String column : to) {
            String q = rowid ? "rowid" : Identifiers.quote(column);
            select.add(q);
            notNull.add(q + " IS NOT NULL");
        }
        List<List<Object>> out = new ArrayList<>();
        String sql = "SELECT DISTINCT " + select + " FROM " + Identifiers.quote(fk.parent()) + " WHERE " + notNull
                + " ORDER BY " + select;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> key = new ArrayList<>();
                for (int i = 1; i <= to.size(); i++) {
                    key.add(rs.getObject(i));
                }
                out.add(key);
            }
        }
        return out;
    }

    /** Tables ordered so that every parent comes before its children (by name where free; cycles broken by name). */
    static List<TableShape> parentsFirst(List<TableShape> shapes) {
        List<TableShape> remaining = new ArrayList<>(shapes);
        remaining.sort((a, b) -> Identifiers.key(a.name()).compareTo(Identifiers.key(b.name())));
        List<TableShape> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!remaining.isEmpty()) {
            TableShape next = null;
            for (TableShape t : remaining) {
                boolean ready = t.foreignKeys().stream().allMatch(fk -> Identifiers.same(fk.parent(), t.name())
                        || done.contains(Identifiers.key(fk.parent()))
                        || remaining.stream().noneMatch(r -> Identifiers.same(r.name(), fk.parent())));
                if (ready) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0); // a cycle of foreign keys: break it at the first table by name
            }
            remaining.remove(next);
            done.add(Identifiers.key(next.name()));
            out.add(next);
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        return RawSqlite.queryLong(c, "SELECT count(*) FROM " + Identifiers.quote(table));
    }
}
