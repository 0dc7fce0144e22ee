package dev.converge.cli;

import dev.converge.apply.RunEvent;
import dev.converge.apply.RunListener;
import dev.converge.detect.Step;

import java.io.PrintStream;

/**
 * Progress for a person watching a terminal: which migration runs ("[3/7]") and which of its statements, on stderr so
 * that stdout stays the result. Used only when a console is attached.
 */
final class Progress implements RunListener {
    private final PrintStream err;
    private boolean midLine;

    Progress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            endLine();
            Step step = s.step();
            err.println("[" + s.index() + "/" + s.total() + "] " + PlanText.version(step) + "  " + step.name() + "  "
                    + PlanText.state(step) + " (" + PlanText.count(step.statements().size(), "statement") + ")");
        } else if (event instanceof RunEvent.StatementExecuted x) {
            err.print("\r    statement " + x.index() + "/" + x.total());
            err.flush();
            midLine = true;
        } else {
            endLine();
        }
    }

    private void endLine() {
        if (midLine) {
            err.println();
            midLine = false;
        }
    }
}
