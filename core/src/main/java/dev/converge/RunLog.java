package dev.converge;

import dev.converge.apply.RunEvent;
import dev.converge.apply.RunListener;
import dev.converge.apply.RunResult;
import dev.converge.detect.Step;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What a run tells the application's log, through {@link System.Logger} (so through whatever logging the application
 * uses; java.util.logging when it has none): INFO for each step that changes the database as it starts and for one
 * summary line per run, WARNING for what the run tolerated but the application should know about (drift, a migration
 * recorded by a newer release, a recorded migration whose file is gone), DEBUG for everything else. The logger is
 * named {@value #NAME}.
 *
 * <p>It wraps the listener the application configured, which still receives every event after the log has it.
 */
final class RunLog implements RunListener {
    /** The logger's name: configure this to see or silence Converge's run log. */
    static final String NAME = "dev.converge.RunLog";

    private static final Logger LOG = System.getLogger(NAME);

    private final RunListener next;

    private RunLog(RunListener next) {
        this.next = next;
    }

    /** A listener that logs each event, then hands it to {@code next}. */
    static RunListener around(RunListener next) {
        return next instanceof RunLog ? next : new RunLog(next);
    }

    @Override
    public void on(RunEvent event) {
        try {
            log(event);
        } finally {
            next.on(event);
        }
    }

    private static void log(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            LOG.log(Level.INFO, () -> starting(s));
        } else if (event instanceof RunEvent.Finished f) {
            finished(f.result());
        } else if (event instanceof RunEvent.StatementExecuted s) {
            LOG.log(Level.DEBUG, () -> s.step().name() + ": statement " + s.index() + "/" + s.total() + " (line "
                    + s.statement().line() + ") done");
        } else if (event instanceof RunEvent.Planned p) {
            LOG.log(Level.DEBUG, () -> "planned " + p.plan().work().size() + " step(s)");
        } else if (event instanceof RunEvent.Verified v) {
            LOG.log(Level.DEBUG, () -> v.step().name() + ": verified");
        } else if (event instanceof RunEvent.Recorded r) {
            LOG.log(Level.DEBUG, () -> r.step().name() + ": recorded in history");
        } else if (event instanceof RunEvent.Refused r) {
            LOG.log(Level.DEBUG, () -> "refused: " + r.error().getMessage());
        }
    }

    private static String starting(RunEvent.StepStarted s) {
        Step step = s.step();
        String what = switch (step.action()) {
            case RECORD -> "recording as applied (its effects are already there)";
            case BASELINE -> "creating the schema from the baseline";
            case REPAIR -> "repairing drift";
            default -> "migrating";
        };
        return what + " " + s.index() + "/" + s.total() + ": " + step.name()
                + (step.state() == null || step.reason() == null ? "" : " (" + step.state() + ": " + step.reason().summary() + ")")
                + ", " + step.statements().size() + " statement(s)";
    }

    private static void finished(RunResult r) {
        for (String note : r.notes()) {
            LOG.log(Level.WARNING, note);
        }
        if (r.fastPath()) {
            LOG.log(Level.INFO, () -> "up to date (history only, " + r.millis() + " ms)");
        } else if (r.unchanged()) {
            LOG.log(Level.INFO, () -> "up to date, nothing changed (" + r.millis() + " ms)");
        } else {
            LOG.log(Level.INFO, () -> "converged: " + r.done().size() + " step(s) committed in " + r.millis() + " ms");
        }
    }
}
