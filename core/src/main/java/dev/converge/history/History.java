package dev.converge.history;

import dev.converge.source.Version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history as read from the database: its layout and its rows. A value; {@link HistoryTable} reads and writes it.
 *
 * @param table             the history table's name
 * @param layout            which layout the table has (or none)
 * @param entries           its rows, ordered by version
 * @param lastSchemaVersion the highest {@code schema_version} recorded in a row, or -1
 * @param adopted           for another tool's table (layout {@link Layout#LEGACY}): what adopting it takes over, and
 *                          the notes on its rows not trusted; null otherwise
 */
public record History(String table, Layout layout, List<HistoryEntry> entries, long lastSchemaVersion,
                      ForeignHistory.Adopted adopted) {

    public History(String table, Layout layout, List<HistoryEntry> entries, long lastSchemaVersion) {
        this(table, layout, entries, lastSchemaVersion, null);
    }

    /** The shape of the history table found in the database. */
    public enum Layout {
        /** No history table. */
        NONE,
        /** Converge's own layout (DESIGN.md §3). */
        CURRENT,
        /**
         * An older runner's table: one row per applied file in a {@code migration_name} column; or another tool's
         * ({@link ForeignHistory}). Adopted by {@code migrate}.
         */
        LEGACY
    }

    public History {
        entries = List.copyOf(entries);
    }

    public static History none(String table) {
        return new History(table, Layout.NONE, List.of(), -1);
    }

    public Optional<HistoryEntry> get(Version v) {
        for (HistoryEntry e : entries) {
            if (e.version().equals(v)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Map<Version, HistoryEntry> byVersion() {
        Map<Version, HistoryEntry> m = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            m.put(e.version(), e);
        }
        return m;
    }

    /** A fingerprint of the rows (versions, checksums, how): a plan records it to notice a history that moved. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(layout.name()).append('|');
        for (HistoryEntry e : entries) {
            // a version by its value, not its text: 0001 written from a file name reads back from the table as 1
            sb.append(e.version().isNumber() ? String.valueOf(e.version().value()) : e.version().text())
                    .append(':').append(e.checksum()).append(':').append(e.how()).append(';');
        }
        return sb.toString();
    }
}
