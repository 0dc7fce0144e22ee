package dev.converge.history;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.sql.SQLException;

/**
 * Turns SQLite's failures into {@link ConvergeException}s people can act on. The primary result code decides: a busy
 * or locked database, a read-only one, a file that is not a database, a full disk.
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
        int c = primaryCode(e);
        String m = e.getMessage();
        if (c == SQLITE_BUSY || c == SQLITE_LOCKED) {
            return new ConvergeException(ErrorCode.LOCKED, "the database is locked by another process (" + doing
                    + "): it held its lock longer than the lock timeout. Nothing was changed; try again when it is done,"
                    + " or raise --lock-timeout.", e);
        }
        if (c == SQLITE_READONLY) {
            return new ConvergeException(ErrorCode.READ_ONLY, "the database is read-only (" + doing + "): " + m
                    + ". Nothing was changed; open it for writing to migrate.", e);
        }
        if (c == SQLITE_NOTADB || c == SQLITE_CORRUPT) {
            return new ConvergeException(ErrorCode.NOT_A_DATABASE, "the file is not a SQLite database, or is damaged ("
                    + doing + "): " + m + ". Nothing was changed.", e);
        }
        if (c == SQLITE_CANTOPEN) {
            return new ConvergeException(ErrorCode.NO_DATABASE, "cannot open the database (" + doing + "): " + m, e);
        }
        if (c == SQLITE_FULL) {
            return new ConvergeException(ErrorCode.INTERNAL, "the database or disk is full (" + doing + "): " + m, e);
        }
        return new ConvergeException(ErrorCode.INTERNAL, "SQLite failed while " + doing + ": " + m, e);
    }
}
