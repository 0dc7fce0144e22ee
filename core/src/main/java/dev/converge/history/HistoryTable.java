package dev.converge.history;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.Version;
import dev.converge.sql.Identifiers;
import dev.converge.sqlite.SqliteErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeMap;

/**
 * The only code that reads or writes the history table (DESIGN.md §3), including adopting a legacy layout. It never
 * opens or commits transactions: callers decide the transaction, so that a history row commits with its migration.
 */
public final class HistoryTable {
    private static final System.Logger LOG = System.getLogger(HistoryTable.class.getName());
    private final String table;
    private final String legacyTable;
    private final Clock clock;
    private final Supplier<MigrationSet> set;

    /**
     * @param table       the history table's name ({@code schema_migrations} by default)
     * @param legacyTable the name of a legacy-layout table to adopt, or null to look for the legacy layout in
     *                    {@code table} itself
     * @param clock       the clock for {@code applied_at}
     */
    public HistoryTable(String table, String legacyTable, Clock clock) {
        this(table, legacyTable, clock, null);
    }

    /**
     * As above, and when there is neither Converge's table nor a legacy one, another tool's history table
     * ({@link ForeignHistory}) is read, matched to the migration set that {@code set} gives (asked only then).
     */
    public HistoryTable(String table, String legacyTable, Clock clock, Supplier<MigrationSet> set) {
        this.table = table;
        this.legacyTable = legacyTable;
        this.clock = clock;
        this.set = set;
    }

    public String name() {
        return table;
    }

    /** The columns of a table, lower-cased (empty when it does not exist). */
    private static final String COLUMNS = "SELECT lower(name) FROM pragma_table_info(?)";
    /** Converge's history rows; the first {@code %s} is {@code , adopted_from}, or {@code , NULL} in a table older than it. */
    private static final String READ = "SELECT version, name, checksum, how, applied_at, execution_ms, schema_version%s FROM %s ORDER BY version";
    /** A legacy table's file names. */
    private static final String READ_LEGACY = "SELECT migration_name%s FROM %s";
    /** The history table of DESIGN.md §3. */
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS %s (\n"
            + "  version INTEGER PRIMARY KEY,\n"
            + "  name TEXT NOT NULL,\n"
            + "  checksum TEXT NOT NULL,\n"
            + "  how TEXT NOT NULL,\n"
            + "  applied_at TEXT NOT NULL,\n"
            + "  execution_ms INTEGER,\n"
            + "  schema_version INTEGER,\n"
            + "  adopted_from TEXT\n"
            + ")";
    /**
     * A row, without {@code adopted_from}: a table created before that column has none, and only {@link #adopt} (which
     * creates the table it fills) writes it.
     */
    private static final String INSERT = "INSERT INTO %s (version, name, checksum, how, applied_at, execution_ms, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** An adopted row, noting its source. */
    private static final String INSERT_ADOPTED = "INSERT INTO %s (version, name, checksum, how, applied_at, execution_ms, schema_version, adopted_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Reads the history as it is, in whichever layout; changes nothing. */
    public History read(Connection c) {
        try {
            Set<String> cols = columns(c, table);
            if (cols.contains("migration_name") && !cols.contains("checksum")) {
                return readLegacy(c, table, cols);
            }
            if (cols.isEmpty()) {
                if (legacyTable != null) {
                    Set<String> lc = columns(c, legacyTable);
                    if (lc.contains("migration_name")) {
                        return readLegacy(c, legacyTable, lc);
                    }
                }
                return foreign(c);
            }
            if (!cols.contains("checksum") && ForeignHistory.owning(c, table).isPresent()) {
                ForeignHistory f = ForeignHistory.owning(c, table).get();
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the table " + table + " is " + f.tool()
                        + "'s history table, which Converge reads but never changes: keep Converge's own history in"
                        + " another table, e.g. --history-table converge_history (historyTable(\"converge_history\")"
                        + " in the Java API); the first migrate then adopts " + f.tool() + "'s rows.")
                        .object(table).build();
            }
            for (String need : List.of("version", "name", "checksum", "how", "applied_at")) {
                if (!cols.contains(need)) {
                    throw new ConvergeException(ErrorCode.BAD_INPUT, "the table " + table + " exists but is not a history"
                            + " table (no column " + need + "). Name another history table with --history-table, or"
                            + " name it as a legacy table if it lists migration file names in migration_name.");
                }
            }
            List<HistoryEntry> entries = new ArrayList<>();
            long last = -1;
            String adoptedFrom = cols.contains("adopted_from") ? ", adopted_from" : ", NULL";
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(String.format(READ, adoptedFrom, Identifiers.quote(table)))) {
                while (rs.next()) {
                    long sv = rs.getLong(7);
                    Long svBoxed = rs.wasNull() ? null : sv;
                    long ms = rs.getLong(6);
                    Long msBoxed = rs.wasNull() ? null : ms;
                    entries.add(new HistoryEntry(versionOf(rs.getObject(1)), rs.getString(2), rs.getString(3),
                            How.of(rs.getString(4)), rs.getString(5), msBoxed, svBoxed, rs.getString(8)));
                    if (svBoxed != null) {
                        last = Math.max(last, sv);
                    }
                }
            }
            entries.sort(java.util.Comparator.comparing(HistoryEntry::version)); // a text version column sorts as text
            return new History(table, History.Layout.CURRENT, entries, last);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "reading the history table " + table);
        }
    }

    /**
     * Reads a legacy table's rows, one entry per version. Older runners did not always keep {@code migration_name}
     * unique: rows that repeat the same file are one applied migration (the earliest time is kept); two different
     * files with the same version cannot both match a migration, so they are refused, naming both.
     */
    private History readLegacy(Connection c, String legacy, Set<String> cols) throws SQLException {
        Map<Version, HistoryEntry> byVersion = new TreeMap<>();
        String at = cols.contains("applied_at") ? ", applied_at" : "";
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(String.format(READ_LEGACY, at, Identifiers.quote(legacy)))) {
            while (rs.next()) {
                String file = rs.getString(1);
                Version v = versionOf(file, legacy);
                String appliedAt = at.isEmpty() || rs.getString(2) == null ? "" : rs.getString(2);
                HistoryEntry row = new HistoryEntry(v, file, "", How.ADOPTED, appliedAt, null, null);
                HistoryEntry seen = byVersion.putIfAbsent(v, row);
                if (seen == null) {
                    continue;
                }
                if (!seen.name().equals(file)) {
                    throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the legacy history table " + legacy
                            + " has two rows for version " + v + ": migration_name = '" + seen.name() + "' and '" + file
                            + "'; delete the row of the file that was not applied")
                            .version(v.value()).object(legacy).build();
                }
                if (earlier(appliedAt, seen.appliedAt())) {
                    byVersion.put(v, row);
                }
            }
        }
        return new History(legacy, History.Layout.LEGACY, new ArrayList<>(byVersion.values()), -1);
    }

    /** Another tool's history, adopted on the first migrate; none when there is none (or no set to match it to). */
    private History foreign(Connection c) throws SQLException {
        if (set == null) {
            return History.none(table);
        }
        List<ForeignHistory> found = ForeignHistory.findAll(c, table);
        if (found.isEmpty()) {
            return History.none(table);
        }
        ForeignHistory.Adopted a = found.get(0).read(c, set.get());
        for (ForeignHistory other : found.subList(1, found.size())) {
            a = a.withNote(other.tool() + "'s history table " + other.table() + " is there too; it is not adopted"
                    + " (only " + found.get(0).table() + " is), and the schema decides what it alone records");
        }
        return new History(found.get(0).table(), History.Layout.LEGACY, a.entries(), -1, a);
    }

    private static boolean earlier(String a, String b) {
        return !a.isEmpty() && (b.isEmpty() || a.compareTo(b) < 0);
    }

    private static Version versionOf(String file, String legacy) {
        if (file == null) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the legacy history table " + legacy + " has a row "
                    + "with migration_name NULL; fix or delete that row").object(legacy).build();
        }
        int i = 0;
        while (i < file.length() && Character.isDigit(file.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the legacy history table " + legacy + " has a row "
                    + "migration_name = '" + file + "' with no version number at its start; fix or delete that row")
                    .object(legacy).build();
        }
        return Version.of(Long.parseLong(file.substring(0, i)));
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
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

    /** Creates the history table if it does not exist. Call inside the caller's write transaction. */
    public void create(Connection c) {
        create(c, null);
    }

    /**
     * Creates the history table for {@code set} if it does not exist: with a text {@code version} column when a
     * version of the set is dotted ({@code 1.1}, Flyway's), which an integer key cannot hold.
     */
    public void create(Connection c, MigrationSet set) {
        try (Statement s = c.createStatement()) {
            s.execute(String.format(createFor(set), Identifiers.quote(table)));
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "creating the history table " + table);
        }
    }

    /**
     * Upgrades a legacy table to Converge's layout: every row adopted with today's checksum of its file ({@code ''}
     * when the file is gone). Call inside the caller's write transaction, so that either the old layout stays intact
     * or the new one is complete.
     */
    public History adopt(Connection c, History legacy, MigrationSet set) {
        if (legacy.layout() != History.Layout.LEGACY) {
            return legacy;
        }
        // no ALTER TABLE ... RENAME: SQLite re-checks every view and trigger on a rename, and a user's view that does
        // not resolve (created by a baseline ahead of the migrations it needs) would make the adoption fail
        try (Statement s = c.createStatement()) {
            String source = legacy.table();
            if (legacy.adopted() == null) {
                s.execute("DROP TABLE " + Identifiers.quote(source)); // another tool's table is left as it is
            }
            if (!Identifiers.same(source, table)) {
                s.execute("DROP TABLE IF EXISTS " + Identifiers.quote(table));
            }
            s.execute(String.format(createFor(set), Identifiers.quote(table)));
            String from = legacy.adopted() == null ? source + " (an older layout)" : legacy.adopted().from().source();
            try (PreparedStatement ins = c.prepareStatement(String.format(INSERT_ADOPTED, Identifiers.quote(table)))) {
                for (HistoryEntry e : legacy.entries()) {
                    String sum = !e.checksum().isEmpty() ? e.checksum() // another tool's, not this file's
                            : set.get(e.version()).map(Migration::checksum).orElse("");
                    String name = set.get(e.version()).map(Migration::name).orElse(e.name());
                    bind(ins, new HistoryEntry(e.version(), name, sum, How.ADOPTED,
                            e.appliedAt() == null || e.appliedAt().isEmpty() ? now() : e.appliedAt(), null, null));
                    ins.setString(8, from);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            LOG.log(System.Logger.Level.INFO, () -> "adopted " + legacy.entries().size() + " rows of " + legacy.table()
                    + (legacy.adopted() == null ? " (an older layout, replaced)"
                    : " (" + legacy.adopted().from().tool() + "'s history, left as it is)") + " into " + table);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "adopting the legacy history table " + legacy.table());
        }
        return read(c);
    }

    /** Writes one row. */
    public void record(Connection c, HistoryEntry e) {
        try (PreparedStatement ps = c.prepareStatement(String.format(INSERT, Identifiers.quote(table)))) {
            bind(ps, e);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw SqliteErrors.translate(ex, "recording migration " + e.version() + " in " + table);
        }
    }

    /** A row for {@code m} written now, with the current {@code schema_version}. */
    public HistoryEntry entry(Connection c, Migration m, How how, long executionMs) {
        return entry(m, how, executionMs, schemaVersion(c));
    }

    /** A row for {@code m} written now, with {@code schemaVersion}: the current one, which the caller already knows. */
    public HistoryEntry entry(Migration m, How how, long executionMs, long schemaVersion) {
        return new HistoryEntry(m.version(), m.name(), m.checksum(), how, now(), executionMs, schemaVersion);
    }

    /** A writer of rows on {@code c} through one prepared statement; close it before the transaction ends. */
    public Recorder recorder(Connection c) {
        return new Recorder(c);
    }

    /**
     * Writes rows as {@link #record} does, preparing the {@code INSERT} once: a transaction that records every migration
     * of an adoption writes a thousand rows. It holds a prepared statement on one connection, so close it when the
     * transaction ends (commit or rollback).
     */
    public final class Recorder implements AutoCloseable {
        private final Connection c;
        private PreparedStatement insert;

        private Recorder(Connection c) {
            this.c = c;
        }

        /** True when it writes on {@code other}. */
        public boolean on(Connection other) {
            return c == other;
        }

        /** Writes one row. */
        public void record(HistoryEntry e) {
            try {
                if (insert == null) {
                    insert = c.prepareStatement(String.format(INSERT, Identifiers.quote(table)));
                }
                bind(insert, e);
                insert.executeUpdate();
            } catch (SQLException ex) {
                throw SqliteErrors.translate(ex, "recording migration " + e.version() + " in " + table);
            }
        }

        @Override
        public void close() {
            if (insert == null) {
                return;
            }
            try {
                insert.close();
            } catch (SQLException ex) {
                LOG.log(System.Logger.Level.DEBUG, "closing the history insert: " + ex.getMessage());
            }
            insert = null;
        }
    }

    /** Deletes the row of {@code v}; true when there was one. */
    public boolean delete(Connection c, Version v) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + Identifiers.quote(table) + " WHERE version = ?")) {
            bindVersion(ps, 1, v);
            return ps.executeUpdate() > 0;
        } catch (SQLException ex) {
            throw SqliteErrors.translate(ex, "deleting migration " + v + " from " + table);
        }
    }

    /** Sets the checksum (and name) of a recorded row to today's file. */
    public void updateChecksum(Connection c, Migration m) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Identifiers.quote(table)
                + " SET checksum = ?, name = ? WHERE version = ?")) {
            ps.setString(1, m.checksum());
            ps.setString(2, m.name());
            bindVersion(ps, 3, m.version());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw SqliteErrors.translate(ex, "updating the checksum of migration " + m.version());
        }
    }

    /**
     * Stamps the newest row with the current {@code schema_version}, after a run verified the live schema, so the next
     * start takes the fast path again.
     */
    public void stamp(Connection c) {
        long sv = schemaVersion(c);
        try (Statement s = c.createStatement()) {
            // rows written before a copy or restore may carry a higher counter than the file has now
            s.executeUpdate("UPDATE " + Identifiers.quote(table) + " SET schema_version = " + sv
                    + " WHERE schema_version > " + sv);
            s.executeUpdate("UPDATE " + Identifiers.quote(table) + " SET schema_version = " + sv
                    + " WHERE version = (SELECT version FROM " + Identifiers.quote(table)
                    + " ORDER BY schema_version DESC, version DESC LIMIT 1)");
        } catch (SQLException ex) {
            throw SqliteErrors.translate(ex, "stamping " + table);
        }
    }

    /** {@code PRAGMA schema_version}. */
    public static long schemaVersion(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw SqliteErrors.translate(ex, "reading PRAGMA schema_version");
        }
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The CREATE of the history table: {@code version} an integer key, or text when the set has a dotted version. */
    private static String createFor(MigrationSet set) {
        if (set != null) {
            for (Migration m : set) {
                if (!m.version().isNumber()) {
                    return CREATE.replace("version INTEGER PRIMARY KEY", "version TEXT PRIMARY KEY");
                }
            }
        }
        return CREATE;
    }

    /** A version read from the {@code version} column: a number, or the text of a dotted version. */
    private static Version versionOf(Object column) {
        if (column instanceof Number n) {
            return Version.of(n.longValue());
        }
        return Version.dotted(String.valueOf(column));
    }

    /** Binds a one-number version as a number and a dotted one as its text. */
    private static void bindVersion(PreparedStatement ps, int index, Version v) throws SQLException {
        if (v.isNumber()) {
            ps.setLong(index, v.value());
        } else {
            ps.setString(index, v.text());
        }
    }

    private static void bind(PreparedStatement ps, HistoryEntry e) throws SQLException {
        bindVersion(ps, 1, e.version());
        ps.setString(2, e.name());
        ps.setString(3, e.checksum());
        ps.setString(4, e.how().column());
        ps.setString(5, e.appliedAt());
        if (e.executionMs() == null) {
            ps.setNull(6, java.sql.Types.INTEGER);
        } else {
            ps.setLong(6, e.executionMs());
        }
        if (e.schemaVersion() == null) {
            ps.setNull(7, java.sql.Types.INTEGER);
        } else {
            ps.setLong(7, e.schemaVersion());
        }
    }
}
