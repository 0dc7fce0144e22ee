package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Which database, its history table, and how long to wait for its lock. */
final class DatabaseOptions {
    /** The database file: the first {@code --db} (the only one, except for a fleet). */
    Path db;
    /** Every {@code --db}, in order: several, or patterns, name a fleet ({@link FleetOptions}). */
    List<Path> all = List.of();

    @Option(names = "--db", paramLabel = "FILE", converter = DatabaseLocation.class,
            description = "The SQLite database file (also sqlite:FILE or jdbc:sqlite:FILE). migrate, plan and status"
            + " take several, or a quoted pattern such as 'tenants/*.db': a fleet.")
    void db(List<Path> files) {
        all = files;
        db = files.isEmpty() ? null : files.get(0);
    }

    @Option(names = "--history-table", paramLabel = "NAME",
            description = "The history table (default: schema_migrations).")
    String historyTable;

    @Option(names = "--legacy-history-table", paramLabel = "NAME",
            description = "A legacy-layout history table under another name, to adopt.")
    String legacyHistoryTable;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for another process's write lock: 500ms, 30s, 2m, PT30S (default: 30s).")
    Duration lockTimeout;

    @Option(names = "--skip-integrity-check", description = "Do not check the database's pages (PRAGMA quick_check)"
            + " before changing it; for very large files checked otherwise.")
    boolean skipIntegrityCheck;

    /**
     * Configures {@code b}; first refuses a {@code --db} that cannot be the database file: a URI (which would be taken
     * as a file name), a folder, or, when the command does not create one ({@code creates} false), a missing file.
     */
    Converge.Builder applyTo(Converge.Builder b, boolean creates) {
        if (db == null || all.size() > 1) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, db == null ? "Missing required option: '--db=FILE'"
                    : "this command takes one --db, not " + all.size() + ": " + all);
        }
        String text = db.toString();
        if ((text.startsWith("file:") || text.startsWith("jdbc:")) && !Files.exists(db)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "--db takes the path of a file, not a URI: " + db
                    + ". Give the database file's path; Converge opens it itself.").file(text).build();
        }
        if (Files.isDirectory(db)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "--db " + db + " is a folder, not a database file."
                    + " Give the path of the database file.").file(text).build();
        }
        if (!creates && !Files.exists(db)) {
            throw ConvergeException.builder(ErrorCode.NO_DATABASE, "cannot open the database " + db + ": no such file."
                    + " plan, status, mark, unmark and repair never create one: check the path, or run migrate to"
                    + " create it.").file(text).build();
        }
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
        b.integrityCheck(!skipIntegrityCheck);
        return b;
    }
}
