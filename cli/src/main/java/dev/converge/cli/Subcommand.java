package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * What every subcommand shares: the streams, {@code --verbose} (the engine's debug log on stderr while it runs), and
 * whether errors should also be written as JSON.
 */
abstract class Subcommand implements Callable<Integer> {
    private static final String LOGGER = "dev.converge";
    /** sqlite-jdbc's own log (java.util.logging without SLF4J): only with --verbose. Held: JUL holds loggers weakly. */
    private static final Logger SQLITE_DRIVER = Logger.getLogger("org.sqlite");

    @ParentCommand
    ConvergeCommand root;

    /** Does the work; returns the exit status. A {@link dev.converge.error.ConvergeException} is reported by Main. */
    abstract int execute();

    /** True when the user asked for JSON; then an error is also written to stdout as JSON. */
    boolean json() {
        return false;
    }

    /** The database file the command works on, named in errors about that file; null when it has none. */
    Path database() {
        return null;
    }

    Io io() {
        return root.io;
    }

    boolean verbose() {
        return root.verbose;
    }

    @Override
    public final Integer call() {
        Logger log = Logger.getLogger(LOGGER);
        boolean parents = log.getUseParentHandlers();
        Level driverBefore = SQLITE_DRIVER.getLevel();
        if (!verbose()) {
            SQLITE_DRIVER.setLevel(Level.OFF); // e.g. its SEVERE trace when processes race to unpack its native library
        }
        // the command reports what a run did itself: the engine's own log (its INFO and WARNING lines too) only
        // with --verbose, never twice through java.util.logging's console handler
        log.setUseParentHandlers(false);
        try {
            return verbose() ? executeLogged(log) : execute();
        } finally {
            log.setUseParentHandlers(parents);
            SQLITE_DRIVER.setLevel(driverBefore);
        }
    }

    private Integer executeLogged(Logger log) {
        Level before = log.getLevel();
        Handler h = new StreamHandler(io().err(), new OneLine()) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        h.setLevel(Level.ALL);
        log.addHandler(h);
        log.setLevel(Level.FINE);
        try {
            return execute();
        } finally {
            h.flush();
            log.removeHandler(h);
            log.setLevel(before);
        }
    }

    /**
     * A failure after some of several history edits were committed: the edits stay, so the exit status must say
     * "stopped part-way", not "nothing changed".
     */
    static ConvergeException stoppedAfter(ConvergeException e, List<String> done) {
        if (done.isEmpty()) {
            return e;
        }
        return new ConvergeException(ErrorCode.STOPPED_PART_WAY,
                e.getMessage() + "\n  Already committed: " + String.join("; ", done), e);
    }

    /** A log record as one line: {@code converge: debug: Class: message}. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            return "converge: debug: " + logger.substring(logger.lastIndexOf('.') + 1) + ": " + formatMessage(r)
                    + System.lineSeparator();
        }
    }
}
