package dev.converge.cli;

import dev.converge.Converge;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Which database, its history table, and how long to wait for its lock. */
final class DatabaseOptions {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The SQLite database file.")
    Path db;

    @Option(names = "--history-table", paramLabel = "NAME",
            description = "The history table (default: schema_migrations).")
    String historyTable;

    @Option(names = "--legacy-history-table", paramLabel = "NAME",
            description = "A legacy-layout history table under another name, to adopt.")
    String legacyHistoryTable;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for another process's write lock: 500ms, 30s, 2m, PT30S (default: 30s).")
    Duration lockTimeout;

    Converge.Builder applyTo(Converge.Builder b) {
        b.database(db);
        if (historyTable != null) {
            b.historyTable(historyTable);
        }
        if (legacyHistoryTable != null) {
            b.legacyHistoryTable(legacyHistoryTable);
        }
        if (lockTimeout != null) {
            b.lockTimeout(lockTimeout);
        }
        return b;
    }
}
