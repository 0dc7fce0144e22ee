package dev.converge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic (seeded) schemas and migration sets for the benchmarks, built with raw JDBC so that the code under
 * test never prepares its own fixture.
 *
 * <p>A table has 6–10 columns (an integer key, typed columns, some {@code NOT NULL DEFAULT}, a {@code CHECK} now and
 * then, a foreign key to an earlier table in about a third of them) and 1–2 indexes (some unique, some partial).
 * Migration k creates table k with its indexes; every 10th also adds a column to an earlier table, every 25th adds an
 * index to an earlier table and every 50th creates a view, so that a set of n migrations builds a schema of about n
 * tables. Every statement ends with {@code ";\n"} and holds no other semicolon, which lets the floors split files
 * with the least possible work.
 */
public final class Fixtures {
    /** The seed every fixture starts from; a size is mixed in so that sizes differ but each is reproducible. */
    public static final long SEED = 20_240_917L;

    private static final String[] TYPES = {"TEXT", "INTEGER", "REAL", "BLOB", "NUMERIC", "TEXT", "INTEGER"};
    private static final String[] WORDS = {"account", "order", "item", "token", "session", "invoice", "note", "tag",
            "event", "device", "payment", "address", "profile", "message", "report"};

    private Fixtures() {
    }

    /** A table and what a naive detector would check of it: its column and index names. */
    public record TableSpec(String name, List<String> columns, List<String> indexes) {
    }

    /** A column that a migration adds to an existing table. */
    public record AddedColumn(String table, String column) {
    }

    /**
     * One migration: its version, its name (after the version), its statements, and what it does in terms a naive
     * detector can check — the tables it creates and the columns it adds.
     */
    public record MigrationSpec(int version, String name, List<String> statements, List<TableSpec> creates,
                                List<AddedColumn> adds) {
        public String text() {
            return String.join("", statements);
        }

        /** Converge's file name, {@code 0042_create_order_42.sql}. */
        public String convergeFileName(int width) {
            return String.format("%0" + width + "d_%s.sql", version, name);
        }

        /** Flyway's file name, {@code V42__create_order_42.sql}. */
        public String flywayFileName() {
            return "V" + version + "__" + name + ".sql";
        }
    }

    /** The statements of a schema of {@code tables} tables with their indexes (no views). */
    public static List<String> schema(int tables) {
        Random r = new Random(SEED ^ tables);
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= tables; k++) {
            out.addAll(table(r, k).statements);
        }
        return out;
    }

    /** A set of {@code n} migrations, versions 1..n. */
    public static List<MigrationSpec> migrations(int n) {
        Random r = new Random(SEED ^ (31L * n));
        List<MigrationSpec> out = new ArrayList<>(n);
        List<String> viewable = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            GeneratedTable t = table(r, k);
            List<String> statements = new ArrayList<>(t.statements);
            List<AddedColumn> adds = new ArrayList<>();
            String name = "create_" + t.spec.name();
            if (k % 10 == 0) {
                String target = tableName(1 + r.nextInt(k - 1));
                String column = "extra_" + k;
                statements.add("ALTER TABLE " + target + " ADD COLUMN " + column + " TEXT;\n");
                adds.add(new AddedColumn(target, column));
                name += "_and_extend";
            }
            if (k % 25 == 0) {
                String target = tableName(1 + r.nextInt(k - 1));
                statements.add("CREATE INDEX " + target + "_by_c2_" + k + " ON " + target + " (c2);\n");
            }
            if (k % 50 == 0) {
                String source = viewable.get(r.nextInt(viewable.size()));
                statements.add("CREATE VIEW v_" + k + " AS SELECT id, c1, c2 FROM " + source + " WHERE id > 0;\n");
            }
            viewable.add(t.spec.name());
            out.add(new MigrationSpec(k, name, List.copyOf(statements), List.of(t.spec), List.copyOf(adds)));
        }
        return out;
    }

    /** The statements of every migration, in order. */
    public static List<String> statementsOf(List<MigrationSpec> set) {
        List<String> out = new ArrayList<>();
        for (MigrationSpec m : set) {
            out.addAll(m.statements());
        }
        return out;
    }

    /** Writes the set as Converge files ({@code NNNN_name.sql}) into {@code dir}. */
    public static Path writeConvergeFolder(Path dir, List<MigrationSpec> set) {
        int width = Math.max(3, String.valueOf(set.size()).length());
        for (MigrationSpec m : set) {
            write(dir.resolve(m.convergeFileName(width)), m.text());
        }
        return dir;
    }

    /** Writes the set as Flyway files ({@code V1__name.sql}) into {@code dir}. */
    public static Path writeFlywayFolder(Path dir, List<MigrationSpec> set) {
        for (MigrationSpec m : set) {
            write(dir.resolve(m.flywayFileName()), m.text());
        }
        return dir;
    }

    /**
     * The full-schema script S_n of a set, as a baseline would hold it: the set replayed on {@code :memory:} and the
     * {@code CREATE} texts read back in catalogue order (tables hold the columns that later migrations added).
     */
    public static List<String> baselineOf(List<MigrationSpec> set) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            execute(c, statementsOf(set));
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ";\n");
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the baseline: " + e.getMessage(), e);
        }
    }

    /** Creates (or extends) the database file {@code db} with {@code statements}, in one transaction. */
    public static Path createDatabase(Path db, List<String> statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            c.setAutoCommit(false);
            execute(c, statements);
            c.commit();
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + db + ": " + e.getMessage(), e);
        }
    }

    /** Executes each statement, one per JDBC call. */
    public static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A new temporary folder for one trial's files. */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("converge-bench-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder made by {@link #tempDir} and everything in it. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record GeneratedTable(TableSpec spec, List<String> statements) {
    }

    private static String tableName(int k) {
        return WORDS[k % WORDS.length] + "_" + k;
    }

    /** Table k: 6–10 columns, 1–2 indexes, a foreign key to an earlier table about a third of the time. */
    private static GeneratedTable table(Random r, int k) {
        String name = tableName(k);
        int columns = 6 + r.nextInt(5);
        List<String> names = new ArrayList<>();
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (\n  id INTEGER PRIMARY KEY");
        names.add("id");
        for (int i = 1; i < columns; i++) {
            String col = "c" + i;
            names.add(col);
            sql.append(",\n  ").append(col).append(' ');
            if (i == columns - 1 && k > 1 && r.nextInt(3) == 0) {
                sql.append("INTEGER REFERENCES ").append(tableName(1 + r.nextInt(k - 1)))
                        .append(" (id) ON DELETE CASCADE");
                continue;
            }
            String type = TYPES[r.nextInt(TYPES.length)];
            sql.append(type);
            switch (r.nextInt(6)) {
                case 0 -> sql.append(" NOT NULL DEFAULT ").append(type.equals("TEXT") ? "''" : "0");
                case 1 -> sql.append(" NOT NULL");
                case 2 -> {
                    if (type.equals("INTEGER")) {
                        sql.append(" CHECK (").append(col).append(" >= 0)");
                    }
                }
                default -> {
                }
            }
        }
        sql.append("\n);\n");
        List<String> statements = new ArrayList<>();
        statements.add(sql.toString());
        List<String> indexes = new ArrayList<>();
        int count = 1 + r.nextInt(2);
        for (int i = 0; i < count; i++) {
            String index = name + "_ix" + i;
            indexes.add(index);
            boolean unique = i == 0 && r.nextInt(4) == 0;
            String key = i == 0 ? "c1" : "c2, c1 DESC";
            String where = r.nextInt(5) == 0 ? " WHERE c1 IS NOT NULL" : "";
            statements.add("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + index + " ON " + name + " (" + key + ")"
                    + where + ";\n");
        }
        return new GeneratedTable(new TableSpec(name, List.copyOf(names), List.copyOf(indexes)), statements);
    }
}
