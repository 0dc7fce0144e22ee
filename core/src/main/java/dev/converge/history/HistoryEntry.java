package dev.converge.history;

import dev.converge.source.Version;

/**
 * One row of the history table.
 *
 * @param version       the migration's version
 * @param name          the file name, e.g. {@code 002_secure_tokens.sql}
 * @param checksum      SHA-256 of the file as applied; {@code ""} for an adopted row whose file was gone
 * @param how           how it was recorded
 * @param appliedAt     ISO-8601 UTC
 * @param executionMs   time taken, or null
 * @param schemaVersion {@code PRAGMA schema_version} when the row was written, or null (adopted rows)
 * @param adoptedFrom   for an adopted row, the table it was taken from and whose it was
 *                      ({@code flyway_schema_history (Flyway)}); null otherwise, and for rows adopted before
 *                      Converge noted it
 */
public record HistoryEntry(Version version, String name, String checksum, How how, String appliedAt,
                           Long executionMs, Long schemaVersion, String adoptedFrom) {

    /** A row that notes no source. */
    public HistoryEntry(Version version, String name, String checksum, How how, String appliedAt, Long executionMs,
                        Long schemaVersion) {
        this(version, name, checksum, how, appliedAt, executionMs, schemaVersion, null);
    }

    /** How the row came to be, for people: {@code executed}, or {@code adopted from flyway_schema_history (Flyway)}. */
    public String howText() {
        return how.column() + (adoptedFrom == null || adoptedFrom.isEmpty() ? "" : " from " + adoptedFrom);
    }
}
