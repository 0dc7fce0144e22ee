package dev.converge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A line on stderr before {@code migrate} starts when another process holds the database's write lock, so that a
 * wait of up to the lock timeout does not look like a hang. Found by trying the lock without waiting, on a connection
 * of its own that is closed at once; any other outcome (free, read-only, not a database) says nothing and leaves the
 * error, if any, to the run.
 */
final class LockNotice {
    private LockNotice() {
    }

    static void sayIfHeld(Path db, Duration timeout, PrintStream err) {
        if (!Files.isRegularFile(db)) {
            return;
        }
        if (heldByAnother(db)) {
            err.println("converge: waiting for the lock held by another process, up to " + seconds(timeout)
                    + " (--lock-timeout)");
            err.flush();
        }
    }

    private static boolean heldByAnother(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN IMMEDIATE");
            s.execute("ROLLBACK");
            return false;
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            return m.contains("SQLITE_BUSY") || m.contains("database is locked");
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
