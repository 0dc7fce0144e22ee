package dev.converge.cli;

import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import dev.converge.detect.Step;
import dev.converge.source.StatementTexts;
import dev.converge.sql.Statement;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plan for people: the long form ({@code plan}) and the one-line-per-migration table ({@code status}). */
final class PlanText {
    private static final String INDENT = "    ";

    private PlanText() {
    }

    /** Every step with its state, reason, the statements it runs and what it skips, then notes and problems. */
    static void plan(Plan plan, PrintStream out) {
        for (Step s : plan.steps()) {
            out.println(version(s) + "  " + s.name() + "  " + state(s) + ": " + action(s));
            for (String line : s.reason().lines()) {
                out.println(INDENT + line);
            }
            if (!s.statements().isEmpty() && s.action() != Action.NOTHING && s.action() != Action.REFUSE) {
                out.println(INDENT + "runs:");
                try (StatementTexts texts = StatementTexts.of(s.migration())) { // a large file's, read again
                    for (Statement st : s.statements()) {
                        for (String line : terminated(texts.of(st).text()).split("\n", -1)) {
                            out.println(INDENT + "  " + line);
                        }
                    }
                }
            }
            for (Statement st : s.tried()) {
                out.println(INDENT + "tries: line " + st.line() + ": " + st.firstLine() + " — it may have run before the"
                        + " interruption: in a savepoint, and a constraint refusing its rows means they are already there");
            }
            for (String skip : s.skipped()) {
                out.println(INDENT + "skips: " + skip);
            }
            for (String d : s.destructive()) {
                out.println(INDENT + "WARNING: " + d);
            }
        }
        tail(plan, out);
        if (plan.refused()) {
            out.println("refused: " + count(plan.problems().size(), "problem") + "; migrate would change nothing");
        } else if (plan.hasWork()) {
            List<Step> work = plan.work();
            out.println("plan: " + count(work.size(), "step") + " change the database, "
                    + count(plan.sql().size(), "statement") + " to run");
        } else {
            out.println("up to date: nothing to do");
        }
    }

    /** One row per step: version, name, state, the reason's summary; then notes and problems. */
    static void status(Plan plan, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"VERSION", "NAME", "STATE", "REASON"});
        for (Step s : plan.steps()) {
            rows.add(new String[]{version(s), s.name(), state(s), s.reason().summary()});
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
            }
            out.println(sb.append(r[3]).toString().stripTrailing());
        }
        tail(plan, out);
    }

    private static void tail(Plan plan, PrintStream out) {
        for (String n : plan.notes()) {
            out.println("note: " + n);
        }
        for (Problem p : plan.problems()) {
            out.println("problem (" + p.code() + "): " + p.message());
        }
    }

    static String version(Step s) {
        return s.version() == null ? "-" : s.version().toString();
    }

    static String state(Step s) {
        return s.state() != null ? s.state().name() : s.action().name();
    }

    /** How the step is recorded ({@code executed}, {@code detected}…), or what it is when no row is written. */
    static String how(Step s) {
        return s.how() != null ? s.how().column() : s.action().name().toLowerCase(Locale.ROOT);
    }

    private static String action(Step s) {
        int n = s.statements().size();
        return switch (s.action()) {
            case NOTHING -> "nothing to do";
            case RECORD -> "record as " + how(s);
            case EXECUTE -> "run " + count(n, "statement") + (s.how() == null ? "" : ", record as " + how(s));
            case BASELINE -> "run the baseline (" + count(n, "statement") + ")"
                    + (s.how() == null ? "" : ", record as " + how(s));
            case REPAIR -> "re-create (" + count(n, "statement") + ")";
            case REFUSE -> "refused (see the problems below)";
        };
    }

    /**
     * A statement followed by {@code ;}. When its last line holds a {@code --} comment the {@code ;} goes on a line of
     * its own, so that the comment cannot swallow it.
     */
    static String terminated(String sql) {
        String text = sql.stripTrailing();
        int nl = text.lastIndexOf('\n');
        String last = nl < 0 ? text : text.substring(nl + 1);
        return last.contains("--") ? text + "\n;" : text + ";";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
