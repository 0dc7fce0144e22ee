package dev.converge.sqlite;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns SQLite's failures into {@link ConvergeException}s people can act on. The primary result code decides: a busy
 * or locked database, a read-only one, a file that is not a database, a full disk, a disk I/O error. A fault of the
 * environment is never reported as Converge's own ({@link ErrorCode#INTERNAL}): the extended I/O codes that mean a
 * full disk ({@code SQLITE_IOERR_SHMSIZE}, and any I/O error while the file's disk has almost no room left) say so.
 */
public final class SqliteErrors {
    private SqliteErrors() {
    }

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_IOERR = 10;
    /** {@code SQLITE_IOERR_SHMSIZE}: the {@code -shm} file could not grow, which is a full disk in practice. */
    private static final int SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8);
    /** Below this much usable space on the file's disk, an I/O error is taken for a full disk. */
    private static final long NEARLY_FULL_BYTES = 1 << 20;

    /** The primary SQLite result code of {@code e} (its low byte), or -1 when it has none. */
    public static int primaryCode(SQLException e) {
        int code = e.getErrorCode();
        return code <= 0 ? -1 : code & 0xff;
    }

    /** True for SQLITE_CONSTRAINT (a UNIQUE, NOT NULL, CHECK or foreign-key constraint refused a row). */
    public static boolean isConstraint(SQLException e) {
        return primaryCode(e) == 19;
    }

    /** True when SQLite may have rolled the whole transaction back by itself (DESIGN pitfalls: FULL, IOERR, BUSY, NOMEM). */
    public static boolean mayHaveRolledBack(SQLException e) {
        int c = primaryCode(e);
        return c == SQLITE_FULL || c == 10 /* IOERR */ || c == SQLITE_BUSY || c == 7 /* NOMEM */;
    }

    /** A ConvergeException for {@code e}, which happened while {@code doing}. */
    public static ConvergeException translate(SQLException e, String doing) {
        return translate(e, doing, null);
    }

    /**
     * A ConvergeException for {@code e}, which happened while {@code doing} on the database {@code file} (null when
     * unknown). Errors about the file as a whole name it, and its free space tells a full disk from another I/O error.
     */
    public static ConvergeException translate(SQLException e, String doing, Path file) {
        int c = primaryCode(e);
        String m = e.getMessage();
        String where = file == null ? "" : file + ": ";
        ConvergeException.Builder b;
        if (c == SQLITE_BUSY || c == SQLITE_LOCKED) {
            b = ConvergeException.builder(ErrorCode.LOCKED, where + "the database is locked by another process (" + doing
                    + "): it held its lock longer than the lock timeout. Nothing was changed; try again when it is done,"
                    + " or raise --lock-timeout.");
        } else if (c == SQLITE_READONLY) {
            b = ConvergeException.builder(ErrorCode.READ_ONLY, where + "the database is read-only (" + doing + "): " + m
                    + ". Nothing was changed; open it for writing to migrate.");
        } else if (c == SQLITE_NOTADB || c == SQLITE_CORRUPT) {
            b = ConvergeException.builder(ErrorCode.NOT_A_DATABASE, where + "the file is not a SQLite database, or is"
                    + " damaged (" + doing + "): " + m + ". Nothing was changed.");
        } else if (c == SQLITE_CANTOPEN) {
            b = ConvergeException.builder(ErrorCode.NO_DATABASE, where + "cannot open the database (" + doing + "): " + m);
        } else if (c == SQLITE_FULL || e.getErrorCode() == SQLITE_IOERR_SHMSIZE
                || (c == SQLITE_IOERR && nearlyFull(file))) {
            b = ConvergeException.builder(ErrorCode.DISK_FULL, where + "the disk is full (" + doing + "): " + m
                    + ". SQLite rolled back what it was doing; free some space on the disk that holds the database (and"
                    + " its -wal and -shm files), then run again.");
        } else if (c == SQLITE_IOERR) {
            b = ConvergeException.builder(ErrorCode.IO_ERROR, where + "SQLite could not read or write the database"
                    + " file (" + doing + "): " + m + ". This is a fault of the disk, file system or mount (full,"
                    + " failing, removed, or mounted read-only), not of the migrations; SQLite rolled back what it was"
                    + " doing. Check the disk, then run again.");
        } else {
            return new ConvergeException(ErrorCode.INTERNAL, where + "SQLite failed while " + doing + ": " + m, e);
        }
        if (file != null) {
            b.file(file.toString());
        }
        return b.cause(e).build();
    }

    /** True when the disk holding {@code file} has almost no usable space left; false when unknown. */
    private static boolean nearlyFull(Path file) {
        if (file == null) {
            return false;
        }
        try {
            Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
