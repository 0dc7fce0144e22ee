package dev.converge.scenarios.state;

import dev.converge.sql.Identifiers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Writes history rows the way a runner would, in either layout, independently of core's {@code history} package:
 * the states must not be built by the code they test. Times come from a fixed instant so files are reproducible.
 */
final class HistoryWriter {
    /** SQLite's {@code CURRENT_TIMESTAMP} format, which the legacy layout's default produces. */
    private static final DateTimeFormatter SQLITE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final HistoryLayout layout;
    private final String table;
    private final Instant appliedAt;
    private final boolean textVersions;

    /**
     * @param textVersions true when a migration is recorded under a dotted version: Converge's layout then keeps
     *                     {@code version} as text, as Converge creates it for such a set
     */
    HistoryWriter(HistoryLayout layout, String table, Instant appliedAt, boolean textVersions) {
        this.layout = layout;
        this.table = table;
        this.appliedAt = appliedAt;
        this.textVersions = textVersions;
    }

    HistoryLayout layout() {
        return layout;
    }

    /** Creates the history table if it does not exist. */
    void create(Connection c) throws SQLException {
        String q = Identifiers.quote(table);
        RawSqlite.exec(c, switch (layout) {
            case CONVERGE -> "CREATE TABLE IF NOT EXISTS " + q + " (\n"
                    + "    version " + (textVersions ? "TEXT" : "INTEGER") + " PRIMARY KEY,\n"
                    + "    name TEXT NOT NULL,\n"
                    + "    checksum TEXT NOT NULL,\n"
                    + "    how TEXT NOT NULL,\n"
                    + "    applied_at TEXT NOT NULL,\n"
                    + "    execution_ms INTEGER,\n"
                    + "    schema_version INTEGER\n"
                    + ")";
            case LEGACY -> "CREATE TABLE IF NOT EXISTS " + q + " (\n"
                    + "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                    + "    migration_name TEXT NOT NULL UNIQUE,\n"
                    + "    applied_at TEXT DEFAULT CURRENT_TIMESTAMP\n"
                    + ")";
        });
    }

    /** Records one migration as executed; call after its statements ran and after {@link #create}. */
    void record(Connection c, MigrationFile m) throws SQLException {
        String q = Identifiers.quote(table);
        switch (layout) {
            case CONVERGE -> {
                long schemaVersion = RawSqlite.queryLong(c, "PRAGMA schema_version");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q
                        + " (version, name, checksum, how, applied_at, execution_ms, schema_version)"
                        + " VALUES (?, ?, ?, 'executed', ?, 0, ?)")) {
                    if (textVersions) {
                        ps.setString(1, m.recorded());
                    } else {
                        ps.setLong(1, m.version());
                    }
                    ps.setString(2, m.fileName());
                    ps.setString(3, checksum(m.text()));
                    ps.setString(4, DateTimeFormatter.ISO_INSTANT.format(appliedAt));
                    ps.setLong(5, schemaVersion);
                    ps.executeUpdate();
                }
            }
            case LEGACY -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + q + " (migration_name, applied_at) VALUES (?, ?)")) {
                    ps.setString(1, m.fileName());
                    ps.setString(2, SQLITE_TIMESTAMP.format(appliedAt));
                    ps.executeUpdate();
                }
            }
        }
    }

    /** SHA-256, lower-case hex, of the text with CRLF and CR turned into LF, in UTF-8 (DESIGN.md §3). */
    static String checksum(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
