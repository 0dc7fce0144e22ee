package dev.converge.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loading the SQLite driver while the migration files are read. In a new process the driver's first connection
 * costs about as much as reading and hashing a thousand migration files (the driver's classes, its native library
 * found, copied and loaded); both are needed before the first plan, and neither waits for the other. A daemon thread
 * opens and closes one in-memory connection; the process's own first connection waits for it if it is still running.
 *
 * <p>Nothing is promised by the background load: any failure is left for the real connection to report with its own
 * path and cause.
 */
public final class SqliteLibrary {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SqliteLibrary() {
    }

    /** Starts loading the driver on a daemon thread, once per process. */
    public static void loadInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(SqliteLibrary::load, "converge-sqlite-load");
        t.setDaemon(true);
        t.start();
    }

    private static void load() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.isValid(0);
        } catch (Throwable e) { // NOSONAR: a failure here is the real connection's to report, with its own path
            System.getLogger(SqliteLibrary.class.getName()).log(System.Logger.Level.DEBUG,
                    "loading the SQLite driver in the background failed; the first connection will say why", e);
        }
    }
}
