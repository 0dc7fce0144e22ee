package dev.converge.history;

import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.ToolChecksum;
import dev.converge.source.Version;
import dev.converge.sql.Identifiers;
import dev.converge.sqlite.SqliteErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Another migration tool's history table, read so that Converge can adopt it once: each tool's table is found by its
 * name and columns, and its rows become {@link HistoryEntry} values ({@code how = adopted}) matched to the migration
 * set by version, carrying the tool's own checksum where it keeps one (so an edited file shows as a checksum
 * mismatch). A row the tool itself marks failed, dirty or rolled back is not trusted: it gives no entry, only a note,
 * and detection decides that migration from the schema. The tool's table is only ever read.
 */
public sealed interface ForeignHistory {

    /** The tool's name, for notes: {@code Flyway}. */
    String tool();

    /** The table the tool keeps its history in. */
    String table();

    /** The source an adopted row notes in Converge's history ({@code adopted_from}): {@code flyway_schema_history (Flyway)}. */
    default String source() {
        return table() + " (" + tool() + ")";
    }

    /** Other tables the tool keeps beside its history (Liquibase's lock table): no part of the schema either. */
    default Set<String> companions() {
        return Set.of();
    }

    /** The columns (lower case) that, with the name, say this table is the tool's. */
    Set<String> columns();

    /** The table's rows as entries, matched to {@code set}, and notes on the rows not trusted. */
    Adopted read(Connection c, MigrationSet set) throws SQLException;

    /**
     * What adoption will take over.
     *
     * @param from    the tool's table
     * @param entries the trusted rows, ordered by version
     * @param notes   one line per row not trusted
     */
    record Adopted(ForeignHistory from, List<HistoryEntry> entries, List<String> notes) {
        public Adopted {
            entries = List.copyOf(entries);
            notes = List.copyOf(notes);
        }

        /** This adoption with one more note. */
        public Adopted withNote(String note) {
            List<String> more = new ArrayList<>(notes);
            more.add(note);
            return new Adopted(from, entries, more);
        }

        /** One line for a plan: what adoption does. */
        public String summary() {
            return "adopts " + from.tool() + "'s history table " + from.table() + " (" + entries.size() + " applied"
                    + " migration" + (entries.size() == 1 ? "" : "s") + ") into Converge's history on the first"
                    + " migrate, each row recorded as adopted from " + from.source() + "; " + from.table()
                    + " is left as it is";
        }
    }

    /** Every tool whose table Converge recognises, in the order they are looked for. */
    List<ForeignHistory> KNOWN = List.of(new Flyway(), new Sqlx(), new Diesel(), new Goose(), new Prisma(),
            new Drizzle(), new Liquibase(), new GolangMigrate(), new Dbmate());

    /** The known tools' tables present in the database, other than {@code ownTable}, in the order of {@link #KNOWN}. */
    static List<ForeignHistory> findAll(Connection c, String ownTable) throws SQLException {
        List<ForeignHistory> out = new ArrayList<>();
        for (ForeignHistory f : KNOWN) {
            if (!Identifiers.same(f.table(), ownTable) && f.isIn(c)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The tool whose table {@code table} is, when it is one (by name and columns). */
    static Optional<ForeignHistory> owning(Connection c, String table) throws SQLException {
        for (ForeignHistory f : KNOWN) {
            if (Identifiers.same(f.table(), table) && f.isIn(c)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The names of every known tool's table present: they are no part of the application's schema. */
    static Set<String> tablesIn(Connection c) {
        Set<String> out = new HashSet<>();
        try {
            for (ForeignHistory f : KNOWN) {
                if (f.isIn(c)) {
                    out.add(f.table());
                    out.addAll(f.companions());
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "looking for other tools' history tables");
        }
        return out;
    }

    /** True when the table exists with this tool's columns (dbmate's: exactly its one column). */
    default boolean isIn(Connection c) throws SQLException {
        Set<String> cols = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT lower(name) FROM pragma_table_info(?)")) {
            ps.setString(1, table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols.containsAll(columns()) && (!(this instanceof Dbmate) || cols.equals(columns()));
    }

    /** Flyway: one row per run, {@code success} false for a failed one, {@code checksum} its CRC32. */
    record Flyway() implements ForeignHistory {
        /** Flyway's rows in the order they were installed. */
        private static final String READ = "SELECT version, script, checksum, installed_on, success, type"
                + " FROM flyway_schema_history ORDER BY installed_rank";

        public String tool() {
            return "Flyway";
        }

        public String table() {
            return "flyway_schema_history";
        }

        public Set<String> columns() {
            return Set.of("installed_rank", "version", "script", "checksum", "success", "type");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    String type = rs.getString(6);
                    if (version == null || type == null || type.equals("SCHEMA")) {
                        continue; // a repeatable migration, or the marker of the schemas Flyway created: nothing to adopt
                    }
                    Version v = Version.dotted(version);
                    int crc = rs.getInt(3);
                    String checksum = rs.wasNull() ? "" : ToolChecksum.flyway(crc);
                    boolean success = rs.getBoolean(5);
                    if (type.startsWith("UNDO") || type.equals("DELETE")) {
                        if (success) {
                            rows.forget(v);
                        }
                    } else if (type.contains("BASELINE")) {
                        rows.distrust(v, "is Flyway's baseline marker (" + rs.getString(2) + "); the migrations"
                                + " up to it are decided from the schema");
                    } else if (success) {
                        rows.applied(v, rs.getString(2), checksum, rs.getString(4));
                    } else {
                        rows.distrust(v, "failed (success = 0)");
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** sqlx: one row per version, {@code success} false for a failed one, {@code checksum} the SHA-384 of the file. */
    record Sqlx() implements ForeignHistory {
        /** sqlx's rows. */
        private static final String READ = "SELECT version, description, checksum, installed_on, success FROM _sqlx_migrations";

        public String tool() {
            return "sqlx";
        }

        public String table() {
            return "_sqlx_migrations";
        }

        public Set<String> columns() {
            return Set.of("version", "description", "checksum", "success");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    Version v = Version.of(rs.getLong(1));
                    byte[] sum = rs.getBytes(3);
                    if (rs.getBoolean(5)) {
                        rows.applied(v, rs.getString(2), sum == null ? "" : ToolChecksum.sqlx(sum), rs.getString(4));
                    } else {
                        rows.distrust(v, "failed (success = 0)");
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** diesel: one row per applied version (its timestamp without dashes). */
    record Diesel() implements ForeignHistory {
        /** diesel's rows. */
        private static final String READ = "SELECT version, run_on FROM __diesel_schema_migrations";

        public String tool() {
            return "diesel";
        }

        public String table() {
            return "__diesel_schema_migrations";
        }

        public Set<String> columns() {
            return Set.of("version", "run_on");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    rows.applied(Version.dotted(rs.getString(1)), rs.getString(1), "", rs.getString(2));
                }
            }
            return rows.adopted();
        }
    }

    /** goose: a row per up or down, the latest row of a version saying whether it is applied; version 0 is goose's own. */
    record Goose() implements ForeignHistory {
        /** goose's rows in the order they were written. */
        private static final String READ = "SELECT version_id, is_applied, tstamp FROM goose_db_version ORDER BY id";

        public String tool() {
            return "goose";
        }

        public String table() {
            return "goose_db_version";
        }

        public Set<String> columns() {
            return Set.of("id", "version_id", "is_applied", "tstamp");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id == 0) {
                        continue;
                    }
                    if (rs.getBoolean(2)) {
                        rows.applied(Version.of(id), "version " + id, "", rs.getString(3));
                    } else {
                        rows.forget(Version.of(id));
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** Prisma: a row per attempt; finished and not rolled back is applied, {@code checksum} the file's SHA-256. */
    record Prisma() implements ForeignHistory {
        /** Prisma's rows in the order they started. */
        private static final String READ = "SELECT migration_name, checksum, finished_at, rolled_back_at"
                + " FROM _prisma_migrations ORDER BY started_at";

        public String tool() {
            return "Prisma";
        }

        public String table() {
            return "_prisma_migrations";
        }

        public Set<String> columns() {
            return Set.of("id", "checksum", "finished_at", "migration_name", "rolled_back_at");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    int digits = 0;
                    while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
                        digits++;
                    }
                    if (digits == 0) {
                        continue; // not a migration folder's name: nothing to match
                    }
                    Version v = Version.dotted(name.substring(0, digits));
                    if (rs.getString(4) != null) {
                        rows.forget(v);
                    } else if (rs.getString(3) == null) {
                        rows.distrust(v, "did not finish (finished_at is NULL)");
                    } else {
                        String sum = rs.getString(2);
                        rows.applied(v, name, sum == null ? "" : ToolChecksum.sha256(sum), rs.getString(3));
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** drizzle: one row per applied file, known only by its SHA-256 ({@code hash}) and the journal's time. */
    record Drizzle() implements ForeignHistory {
        /** drizzle's rows in the order they were written. */
        private static final String READ = "SELECT hash, created_at FROM __drizzle_migrations ORDER BY id";

        public String tool() {
            return "drizzle";
        }

        public String table() {
            return "__drizzle_migrations";
        }

        public Set<String> columns() {
            return Set.of("id", "hash", "created_at");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    String hash = ToolChecksum.sha256(rs.getString(1));
                    Migration m = null;
                    for (Migration candidate : set) {
                        if (candidate.hasChecksum(hash)) {
                            m = candidate;
                            break;
                        }
                    }
                    if (m == null) {
                        rows.notes.add(table() + ": the row with hash " + rs.getString(1) + " matches no file (edited or"
                                + " removed); not adopted, the schema decides");
                    } else {
                        rows.applied(m.version(), m.name(), hash, "");
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** golang-migrate: one row, the version reached, {@code dirty} when its migration failed part-way. */
    record GolangMigrate() implements ForeignHistory {
        /** golang-migrate's one row. */
        private static final String READ = "SELECT version, dirty FROM schema_migrations ORDER BY version DESC LIMIT 1";

        public String tool() {
            return "golang-migrate";
        }

        public String table() {
            return "schema_migrations";
        }

        public Set<String> columns() {
            return Set.of("version", "dirty");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                if (rs.next()) {
                    Version reached = Version.of(rs.getLong(1));
                    boolean dirty = rs.getBoolean(2);
                    for (Migration m : set.upTo(reached)) {
                        if (!m.version().equals(reached)) {
                            rows.applied(m.version(), m.name(), "", "");
                        }
                    }
                    if (dirty) {
                        rows.distrust(reached, "is dirty (dirty = 1: it failed part-way)");
                    } else {
                        rows.applied(reached, "version " + reached, "", "");
                    }
                }
            }
            return rows.adopted();
        }
    }

    /** dbmate: one row per applied version, nothing else. */
    record Dbmate() implements ForeignHistory {
        /** dbmate's rows. */
        private static final String READ = "SELECT version FROM schema_migrations";

        public String tool() {
            return "dbmate";
        }

        public String table() {
            return "schema_migrations";
        }

        public Set<String> columns() {
            return Set.of("version");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    rows.applied(Version.dotted(rs.getString(1)), rs.getString(1), "", "");
                }
            }
            return rows.adopted();
        }
    }

    /**
     * Liquibase: one row per changeset run, known by {@code ID}, {@code AUTHOR} and {@code FILENAME}; {@code EXECTYPE}
     * {@code EXECUTED}, {@code RERAN} or {@code MARK_RAN} is applied. Rows are matched to changesets by id and author
     * (and file name when two files share them). {@code MD5SUM} of version 9 ({@code 9:…}, Liquibase 4.23 and later)
     * is compared with the changeset as Flyway's CRC32 is: an edited changeset is a checksum mismatch. An older
     * version ({@code 8:…} from Liquibase 3.8 to 4.21, {@code 7:…} before) confirms a changeset when it matches; when
     * it does not, or the value has no known form, it is neither a match nor a mismatch: the row is not trusted and
     * the schema decides, with a note naming the checksum ({@link #untrusted}). So is a version-9 checksum that
     * differs for a changeset holding {@code ${…}}, which Liquibase may have filled from its properties before
     * hashing. {@code MD5SUM} NULL (after Liquibase's {@code clear-checksums}) is adopted without a comparison.
     */
    record Liquibase() implements ForeignHistory {
        /** Liquibase's rows in the order they ran. */
        private static final String READ = "SELECT ID, AUTHOR, FILENAME, EXECTYPE, DATEEXECUTED, MD5SUM"
                + " FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED";

        public String tool() {
            return "Liquibase";
        }

        public String table() {
            return "DATABASECHANGELOG";
        }

        @Override
        public Set<String> companions() {
            return Set.of("DATABASECHANGELOGLOCK");
        }

        public Set<String> columns() {
            return Set.of("id", "author", "filename", "exectype", "md5sum");
        }

        public Adopted read(Connection c, MigrationSet set) throws SQLException {
            Rows rows = new Rows(this, set);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String author = rs.getString(2);
                    String file = rs.getString(3) == null ? "" : rs.getString(3).replace('\\', '/');
                    String base = file.substring(file.lastIndexOf('/') + 1);
                    Migration match = null;
                    for (Migration m : set) {
                        if (m.name().endsWith("::" + id + "::" + author)
                                && (match == null || m.name().startsWith(base + "::"))) {
                            match = m;
                        }
                    }
                    String type = rs.getString(4) == null ? "" : rs.getString(4);
                    if (match == null) {
                        rows.notes.add(table() + ": changeset " + file + "::" + id + "::" + author + " matches no"
                                + " changeset in the migration folder; not adopted");
                    } else if (type.equals("EXECUTED") || type.equals("RERAN") || type.equals("MARK_RAN")) {
                        String md5 = rs.getString(6) == null ? "" : rs.getString(6).strip();
                        String unsure = untrusted(md5, match);
                        if (unsure == null) {
                            rows.applied(match.version(), match.name(), md5.isEmpty() ? "" : ToolChecksum.liquibase(md5),
                                    rs.getString(5));
                        } else {
                            rows.distrust(match.version(), "(" + match.name() + ") " + unsure);
                        }
                    } else {
                        rows.distrust(match.version(), "has EXECTYPE " + type);
                    }
                }
            }
            return rows.adopted();
        }

        /**
         * Why a row's {@code MD5SUM} is not taken as a match or a mismatch for {@code changeset}; null when it is
         * (a version-9 checksum either way, an older one that matches, or none at all).
         */
        private static String untrusted(String md5, Migration changeset) {
            if (md5.isEmpty()) {
                return null; // NULL after Liquibase's clear-checksums: nothing to compare
            }
            int version = ToolChecksum.liquibaseVersion(md5);
            if (version == 0) {
                return "has MD5SUM " + md5 + ", not a form of Liquibase's checksum that Converge computes (versions 7, 8"
                        + " and 9), so it cannot tell whether the changeset was edited since";
            }
            if (changeset.hasChecksum(ToolChecksum.liquibase(md5))) {
                return null;
            }
            if (version != 9) {
                return "has MD5SUM " + md5 + " (Liquibase's checksum version " + version + "), not the one Converge"
                        + " computes for the changeset: it was edited since, or the Liquibase that ran it read the"
                        + " changeset's settings otherwise (Converge holds only version 9 as a mismatch; Liquibase 4.23"
                        + " or later upgrades checksums to 9: on its next update)";
            }
            if (changeset.fileText().contains("${")) {
                return "has MD5SUM " + md5 + ", not the one Converge computes for the changeset, which uses ${…}: Liquibase"
                        + " fills those from its properties before computing it, and Converge does not";
            }
            return null; // a version-9 checksum that differs: kept, so the changeset shows as a checksum mismatch
        }
    }

    /** Rows being read: the latest word on each version wins. */
    final class Rows {
        private final ForeignHistory from;
        private final MigrationSet set;
        private final Map<Version, HistoryEntry> applied = new LinkedHashMap<>();
        private final Map<Version, String> distrusted = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Rows(ForeignHistory from, MigrationSet set) {
            this.from = from;
            this.set = set;
        }

        /**
         * An applied row: named by its file when the set has one; its checksum kept only when it does not stand
         * for the file (so the file's own checksum is recorded, and an edited file shows as a mismatch).
         */
        void applied(Version v, String theirName, String checksum, String appliedAt) {
            Migration m = set.get(v).orElse(null);
            String sum = m == null || checksum.isEmpty() || m.hasChecksum(checksum) ? "" : checksum;
            applied.put(v, new HistoryEntry(m == null ? v : m.version(), m == null ? theirName : m.name(), sum,
                    How.ADOPTED, appliedAt == null ? "" : appliedAt, null, null, from.source()));
            distrusted.remove(v);
        }

        void distrust(Version v, String why) {
            applied.remove(v);
            distrusted.put(v, why);
        }

        void forget(Version v) {
            applied.remove(v);
            distrusted.remove(v);
        }

        Adopted adopted() {
            for (Map.Entry<Version, String> e : distrusted.entrySet()) {
                notes.add(from.table() + ": version " + e.getKey() + " " + e.getValue() + "; not adopted, the schema"
                        + " decides whether it is applied");
            }
            List<HistoryEntry> entries = new ArrayList<>(applied.values());
            entries.sort(java.util.Comparator.comparing(HistoryEntry::version));
            return new Adopted(from, entries, notes);
        }
    }
}
