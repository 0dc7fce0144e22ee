package dev.converge.scenarios.verify;

import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import dev.converge.detect.Step;
import dev.converge.sql.Statement;

import java.io.PrintStream;

/**
 * A plan printed for people, as {@code reproduce} and {@code rehearse} show it: per step its version and file, state,
 * action and the {@code how} it will record, its reason, and every statement it will run (first line of each), then
 * the problems that refuse it and the notes.
 */
public final class PlanReport {
    private PlanReport() {
    }

    public static void print(Plan plan, PrintStream out) {
        for (Step s : plan.steps()) {
            out.println("  " + (s.version() == null ? "-" : s.version().toString()) + " " + s.name() + ": "
                    + (s.state() == null ? "" : s.state() + " → ") + s.action()
                    + (s.how() == null ? "" : " (how = " + s.how().column() + ")"));
            for (String line : s.reason().lines()) {
                out.println("      " + line);
            }
            for (Statement st : s.statements()) {
                out.println("      SQL  " + firstLine(st.text()));
            }
            for (String skipped : s.skipped()) {
                out.println("      skip " + skipped);
            }
            for (String d : s.destructive()) {
                out.println("      destructive: " + d);
            }
        }
        for (Problem p : plan.problems()) {
            out.println("  PROBLEM " + p.code() + ": " + p.message().replace("\n", "\n      "));
        }
        for (String n : plan.notes()) {
            out.println("  note: " + n);
        }
        if (!plan.hasWork() && !plan.refused()) {
            out.println("  nothing to do");
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }
}
