package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sqlite.SchemaInspector;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.MigrationFile;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.sql.Identifiers;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Turns a real database that Converge failed on (a copy from production) into a catalogue entry, so the incident
 * can be reproduced in minutes without its data: its schema and its history rows, never a row of user data. The
 * source is opened read-only and never written. An entry is a folder {@code outDir/NAME/}:
 * <ul>
 *   <li>{@code schema.sql} — every {@code CREATE} text of {@code sqlite_schema} in rowid order, less SQLite's own
 *       objects, virtual tables' shadow tables and the history table;</li>
 *   <li>{@code history.sql} — the history table's {@code CREATE} (and its indexes) and one {@code INSERT} per row,
 *       in whichever layout it has;</li>
 *   <li>{@code scenario.properties} — {@code description}, {@code expect} ({@code converges} or
 *       {@code refuses CODE}), optional {@code how} ({@code 0:detected, 1:adopted…}) and {@code mentions},
 *       {@code history-table}, and {@code migrations} / {@code baseline}: paths relative to the entry;</li>
 *   <li>{@code migrations/} and {@code schema.baseline.sql} when given to {@link #capture(Path, String, Path, Path, Path)}.</li>
 * </ul>
 * {@link Catalogue#load(Path)} reads such folders back: the scenario is an empty database on which {@code schema.sql}
 * then {@code history.sql} run, and it is expected to converge unless {@code expect} says otherwise.
 */
public final class Capture {
    static final String PROPERTIES = "scenario.properties";
    static final String SCHEMA = "schema.sql";
    static final String HISTORY = "history.sql";

    /** Reads every object's CREATE text in creation (rowid) order, less SQLite's own. */
    private static final String OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid";
    /** Reads a table's column names. */
    private static final String COLUMNS = "SELECT name FROM pragma_table_info(?) ORDER BY cid";

    private Capture() {
    }

    /**
     * Captures {@code db} as entry {@code name} with history table {@code schema_migrations}; the entry's
     * {@code migrations} property must then be set to the application's migration folder before it is loaded.
     */
    public static Path capture(Path db, String name, Path outDir) {
        return capture(db, name, outDir, null, null);
    }

    /**
     * Captures {@code db} as entry {@code name}, with a copy of the application's migration folder and baseline
     * (either may be null) so that the entry is complete on its own. Returns the entry's folder.
     */
    public static Path capture(Path db, String name, Path outDir, Path migrations, Path baseline) {
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "a scenario name is lower-case words joined by '-', not: " + name);
        }
        if (!Files.isRegularFile(db)) {
            throw new ConvergeException(ErrorCode.NO_DATABASE, "cannot capture " + db + ": no such file");
        }
        String historyTable = StateBuilder.DEFAULT_HISTORY_TABLE;
        StringBuilder schema = new StringBuilder("-- schema of " + db.getFileName() + ", captured by Converge: "
                + "sqlite_schema in rowid order, no rows\n\n");
        StringBuilder history = new StringBuilder("-- history of " + db.getFileName() + ", captured by Converge\n\n");
        int historyRows = 0;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            Set<String> shadows = SchemaInspector.shadowTables(c);
            List<String> historyTables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String objectName = rs.getString(2);
                    String table = rs.getString(3);
                    String sql = rs.getString(4).strip();
                    if (shadows.contains(Identifiers.key(objectName))) {
                        continue;
                    }
                    if (Identifiers.same(table, historyTable)) {
                        history.append(sql).append(";\n\n");
                        if (type.equals("table")) {
                            historyTables.add(objectName);
                        }
                    } else {
                        schema.append(sql).append(";\n\n");
                    }
                }
            }
            for (String t : historyTables) {
                historyRows += inserts(c, t, history);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.NOT_A_DATABASE, "cannot capture " + db + ": " + e.getMessage(), e);
        }
        Path entry = outDir.resolve(name);
        try {
            Files.createDirectories(entry);
            Files.writeString(entry.resolve(SCHEMA), schema, StandardCharsets.UTF_8);
            Files.writeString(entry.resolve(HISTORY), history, StandardCharsets.UTF_8);
            StringBuilder props = new StringBuilder();
            props.append("# A catalogue entry captured by Converge from ").append(db.getFileName()).append(": schema and ")
                    .append(historyRows).append(" history row(s), no user data.\n");
            props.append("description=captured from ").append(escape(db.getFileName().toString()))
                    .append("; say here what went wrong\n");
            props.append("# converges, or: refuses CODE (an ErrorCode, e.g. refuses CONFLICT)\n");
            props.append("expect=converges\n");
            props.append("# optional: how=0:detected, 1:adopted, 2:completed   mentions=words in the plan or refusal\n");
            props.append("history-table=").append(historyTable).append('\n');
            if (migrations != null) {
                copyFolder(migrations, entry.resolve("migrations"));
                props.append("migrations=migrations\n");
            } else {
                props.append("# the application's migration folder, relative to this folder or absolute (required)\n");
                props.append("#migrations=../../src/main/resources/db/migrations\n");
            }
            if (baseline != null) {
                Files.copy(baseline, entry.resolve("schema.baseline.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                props.append("baseline=schema.baseline.sql\n");
            }
            Files.writeString(entry.resolve(PROPERTIES), props, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the entry " + entry, e);
        }
        return entry;
    }

    /** Appends one INSERT per row of {@code table}, values as SQLite's {@code quote()} renders them; returns the count. */
    private static int inserts(Connection c, String table, StringBuilder out) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner quoted = new StringJoiner(", ");
        for (String col : columns) {
            names.add(Identifiers.quote(col));
            quoted.add("quote(" + Identifiers.quote(col) + ")");
        }
        int n = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + quoted + " FROM " + Identifiers.quote(table) + " ORDER BY rowid")) {
            while (rs.next()) {
                StringJoiner values = new StringJoiner(", ");
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(rs.getString(i));
                }
                out.append("INSERT INTO ").append(Identifiers.quote(table)).append(" (").append(names).append(") VALUES (")
                        .append(values).append(");\n");
                n++;
            }
        }
        return n;
    }

    /** Reads an entry folder written by {@link #capture} (and perhaps edited by hand) as a scenario. */
    static Scenario read(Path entry) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(entry.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.resolve(PROPERTIES), e);
        }
        String name = entry.getFileName().toString();
        String where = entry.resolve(PROPERTIES).toString();
        String migrationsProperty = p.getProperty("migrations");
        Path migrations = migrationsProperty == null ? entry.resolve("migrations") : entry.resolve(migrationsProperty.strip());
        if (!Files.isDirectory(migrations)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, where + ": no migration folder at " + migrations
                    + "; set migrations= to the application's migration folder (relative to the entry)").file(where).build();
        }
        String baselineProperty = p.getProperty("baseline");
        Baseline baseline = baselineProperty == null ? null : Baseline.read(entry.resolve(baselineProperty.strip()));
        String historyTable = p.getProperty("history-table", StateBuilder.DEFAULT_HISTORY_TABLE).strip();
        Fixture fixture = new Fixture(name, MigrationFile.readFolder(migrations), baseline, List.of(), Long.MIN_VALUE,
                historyTable);
        Expected expected = expected(p, where);
        try {
            return Scenario.named(name).description(p.getProperty("description", "captured " + name)).on(fixture)
                    .state(State.empty())
                    .sql(Files.readString(entry.resolve(SCHEMA), StandardCharsets.UTF_8))
                    .sql(Files.readString(entry.resolve(HISTORY), StandardCharsets.UTF_8))
                    .expect(expected).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the entry " + entry, e);
        }
    }

    private static Expected expected(Properties p, String where) {
        String expect = p.getProperty("expect", "converges").strip();
        Expected e;
        try {
            if (expect.equals("converges")) {
                e = Expected.converges();
                String hows = p.getProperty("how", "").strip();
                for (String pair : hows.isEmpty() ? new String[0] : hows.split(",")) {
                    String[] vh = pair.strip().split(":");
                    e = e.with(dev.converge.history.How.of(vh[1].strip()), Long.parseLong(vh[0].strip()));
                }
            } else if (expect.startsWith("refuses ")) {
                e = Expected.refuses(ErrorCode.valueOf(expect.substring(8).strip().toUpperCase(Locale.ROOT)));
            } else {
                throw new IllegalArgumentException("expect is 'converges' or 'refuses CODE', not '" + expect + "'");
            }
        } catch (RuntimeException bad) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, where + ": " + bad.getMessage()
                    + " (expect=converges with how=0:detected, 1:adopted…; or expect=refuses CONFLICT)").file(where).build();
        }
        String mentions = p.getProperty("mentions", "").strip();
        if (!mentions.isEmpty()) {
            e = e.mentioning(mentions);
        }
        return e;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", " ");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
