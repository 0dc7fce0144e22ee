package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunListener;
import dev.converge.error.ConvergeException;
import org.sqlite.SQLiteDataSource;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * The main class of the child JVMs the fault tests start. It does one thing and says what it did on stdout, one
 * line per fact, so the parent can count and check:
 * <ul>
 *   <li>{@code migrate DB MIGRATIONS [--halt POINT] [--cache-size N] [--lock-timeout MS] [--go FILE]
 *       [--baseline FILE] [--pause-ms MS]}: runs
 *       {@code Converge.migrate()} through a {@link SQLiteDataSource} with a tiny page cache, printing every run
 *       event; {@code --halt} ends the JVM with {@code Runtime.halt(137)} (no shutdown hooks, no rollback, no
 *       close: as kill -9 would) at a {@link HaltPoint}; {@code --go} waits, warmed up, until that file exists;
 *       {@code --pause-ms} sleeps after each statement, inside its transaction, so a parent can kill it there.</li>
 *   <li>{@code hold DB write|read MS}: takes a write lock ({@code BEGIN IMMEDIATE}) or a read lock (a read inside
 *       a transaction), prints {@code HELD}, keeps it for MS milliseconds, rolls back.</li>
 * </ul>
 * Exit status: 0 done, {@link ConvergeException#exitStatus()} for a refusal, 137 halted, 99 anything else.
 */
public final class FaultChild {
    static final int HALTED = 137;

    private FaultChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try {
            switch (args[0]) {
                case "migrate" -> migrate(args, out);
                case "hold" -> hold(Path.of(args[1]), args[2], Long.parseLong(args[3]), out);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (ConvergeException e) {
            out.println("RESULT refused " + e.code() + " " + e.getMessage().replace('\n', ' '));
            out.flush();
            System.exit(e.exitStatus());
        } catch (Throwable t) {
            out.println("RESULT crashed " + t);
            t.printStackTrace(out);
            out.flush();
            System.exit(99);
        }
        out.flush();
        System.exit(0);
    }

    private static void migrate(String[] args, PrintStream out) throws Exception {
        Path db = Path.of(args[1]);
        Path migrations = Path.of(args[2]);
        HaltPoint halt = null;
        int cacheSize = 1;
        long lockTimeout = 30_000;
        Path go = null;
        Path baseline = null;
        long pause = 0;
        for (int i = 3; i < args.length; i += 2) {
            switch (args[i]) {
                case "--halt" -> halt = HaltPoint.parse(args[i + 1]);
                case "--cache-size" -> cacheSize = Integer.parseInt(args[i + 1]);
                case "--lock-timeout" -> lockTimeout = Long.parseLong(args[i + 1]);
                case "--go" -> go = Path.of(args[i + 1]);
                case "--baseline" -> baseline = Path.of(args[i + 1]);
                case "--pause-ms" -> pause = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        ds.setCacheSize(cacheSize); // pages reach the file (or the WAL) before COMMIT
        HaltPoint h = halt;
        long pauseMs = pause;
        long[] firstStep = {0};
        RunListener listener = event -> {
            if (event instanceof RunEvent.StepStarted && firstStep[0] == 0) {
                firstStep[0] = System.nanoTime();
            }
            String line = describe(event);
            if (line != null) {
                out.println(line);
                out.flush();
            }
            if (pauseMs > 0 && event instanceof RunEvent.StatementExecuted) {
                try {
                    Thread.sleep(pauseMs); // inside the migration's transaction: a kill now is a kill mid-migration
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (h != null && h.matches(event)) {
                out.println("HALT " + h);
                out.flush();
                Runtime.getRuntime().halt(HALTED);
            }
        };
        Converge converge = Converge.configure().dataSource(ds).migrations(migrations).baseline(baseline)
                .lockTimeout(Duration.ofMillis(lockTimeout)).listener(listener).load();
        if (go != null) {
            warmUp();
            out.println("WAITING");
            out.flush();
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
        }
        out.println("READY");
        out.flush();
        long t0 = System.nanoTime();
        converge.migrate();
        long end = System.nanoTime();
        // the whole run, and the part from the first step on (planning done), in milliseconds
        out.println("RESULT ok " + (end - t0) / 1_000_000 + " " + (firstStep[0] == 0 ? 0 : (end - firstStep[0]) / 1_000_000));
    }

    /** Loads the driver and its native library, so that released children race on the database, not on start-up. */
    private static void warmUp() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
        }
    }

    /** One line per event: {@code STEP v}, {@code STMT v i}, {@code RECORDED v how}; null for the others. */
    static String describe(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            return "STEP " + version(s.step().version()) + " " + s.index();
        }
        if (event instanceof RunEvent.StatementExecuted s) {
            return "STMT " + version(s.step().version()) + " " + s.index() + " " + s.total();
        }
        if (event instanceof RunEvent.Recorded r) {
            return "RECORDED " + r.entry().version().value() + " " + r.entry().how().column();
        }
        return null;
    }

    private static String version(dev.converge.source.Version v) {
        return v == null ? "-" : Long.toString(v.value());
    }

    private static void hold(Path db, String kind, long millis, PrintStream out) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            if (kind.equals("write")) {
                s.execute("BEGIN IMMEDIATE");
            } else {
                s.execute("BEGIN");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    rs.next();
                }
            }
            out.println("HELD");
            out.flush();
            Thread.sleep(millis);
            s.execute("ROLLBACK");
        }
        out.println("RELEASED");
    }
}
