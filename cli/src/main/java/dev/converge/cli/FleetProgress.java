package dev.converge.cli;

import dev.converge.fleet.DatabaseOutcome;
import dev.converge.fleet.FleetListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A fleet run's progress for a person at a terminal: one line on stderr, rewritten at most ten times a second, with
 * the databases done, failed and pending and the rate. Used only when a console is attached.
 */
final class FleetProgress implements FleetListener {
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private long shown;
    private int total;
    private int done;
    private int failed;

    FleetProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(int databases) {
        total = databases;
    }

    @Override
    public void finished(DatabaseOutcome outcome) {
        done++;
        if (!outcome.outcome().converged()) {
            failed++;
        }
        long now = System.nanoTime();
        if (now - shown >= EVERY_NANOS || done == total) {
            shown = now;
            double seconds = Math.max(1e-3, (now - start) / 1e9);
            err.print(String.format(Locale.ROOT, "\r%d/%d done, %d failed, %d pending, %.1f databases/s ", done, total,
                    failed, total - done, done / seconds));
            if (done == total) {
                err.println();
            }
            err.flush();
        }
    }
}
