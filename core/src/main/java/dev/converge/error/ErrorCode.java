package dev.converge.error;

/**
 * What went wrong, as a closed set. Each code fixes the exit status of the {@code converge} command,
 * so scripts can tell "nothing was changed" from "stopped part-way".
 */
public enum ErrorCode {
    /** Bad command line, configuration or input file (an unparsable name, SQL that does not split). Nothing changed. */
    BAD_INPUT(2),
    /** A migration file name that is not {@code NNN_name.sql}, or two files with one version. Nothing changed. */
    BAD_MIGRATION_NAME(2),
    /** Migration SQL that cannot be split or would break atomicity (transaction control, VACUUM, ATTACH…). Nothing changed. */
    BAD_SQL(2),
    /** The migration set does not replay on an empty database. Fix the file named in the message. Nothing changed. */
    REPLAY_FAILED(2),
    /** A migration touches an object that matches no point of the reference, and does not replace it. Nothing changed. */
    CONFLICT(1),
    /** A recorded migration's file changed since it was applied. Restore the file, or run {@code repair}. Nothing changed. */
    CHECKSUM_MISMATCH(1),
    /** A recorded migration has no file. Restore it, {@code unmark} it, or allow missing migrations. Nothing changed. */
    MISSING_MIGRATION(1),
    /** A pending migration is older than the newest applied one. Allow out-of-order migrations to run it. Nothing changed. */
    OUT_OF_ORDER(1),
    /** History records versions newer than the set, and the caller asked to refuse that. Nothing changed. */
    FUTURE_VERSION(1),
    /** The plan, rehearsed on a copy of the live schema, does not end at the target schema. Nothing changed. */
    AMBIGUOUS_STATE(1),
    /** The plan was made against a database that has changed since. Plan again. Nothing changed. */
    STALE_PLAN(1),
    /** Another process holds the database longer than the lock timeout. Nothing changed. */
    LOCKED(1),
    /** The database cannot be written (read-only file or connection). Nothing changed. */
    READ_ONLY(1),
    /** The file is not a SQLite database, or is damaged. Nothing changed. */
    NOT_A_DATABASE(1),
    /**
     * The disk holding the database (or its {@code -wal}/{@code -shm}) is full, or the connection's
     * {@code max_page_count} was reached. SQLite rolled the transaction back. Free some space and run again.
     */
    DISK_FULL(1),
    /**
     * SQLite could not read or write the database file (a disk I/O error): a fault of the disk, file system or mount,
     * not of the migrations. SQLite rolled the transaction back. Check the disk and run again.
     */
    IO_ERROR(1),
    /** The database file does not exist and this command does not create one. */
    NO_DATABASE(2),
    /** {@code lint} found problems. Nothing changed. */
    LINT_FAILED(1),
    /** The first migration of a run failed or did not verify; it was rolled back and nothing was changed. */
    MIGRATION_FAILED(1),
    /** A migration failed or did not verify after some migrations had committed; the message names them. */
    STOPPED_PART_WAY(3),
    /** A bug in Converge or an unexpected failure of SQLite. Please report it with the message. */
    INTERNAL(4);

    private final int exitStatus;

    ErrorCode(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** The exit status of the {@code converge} command for this code: 1 refused, 2 bad input, 3 part-way, 4 internal. */
    public int exitStatus() {
        return exitStatus;
    }
}
