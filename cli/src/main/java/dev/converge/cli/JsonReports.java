package dev.converge.cli;

import dev.converge.LintReport;
import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import dev.converge.detect.Step;
import dev.converge.error.ConvergeException;
import dev.converge.schema.ObjectId;
import dev.converge.source.StatementTexts;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's results as JSON-ready trees. Every document carries {@code "format": 1} at the top; a change that breaks
 * readers raises it.
 */
final class JsonReports {
    static final int FORMAT = 1;

    private JsonReports() {
    }

    static Map<String, Object> plan(Plan plan, String command) {
        Map<String, Object> m = head(command);
        m.put("refused", plan.refused());
        m.put("hasWork", plan.hasWork());
        List<Object> steps = new ArrayList<>();
        plan.steps().forEach(s -> steps.add(step(s)));
        m.put("steps", steps);
        if ("plan".equals(command)) {
            m.put("sql", plan.sql());
        }
        m.put("notes", plan.notes());
        List<Object> problems = new ArrayList<>();
        for (Problem p : plan.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("code", p.code());
            pm.put("exitStatus", p.code().exitStatus());
            pm.put("version", p.version() < 0 ? null : p.version());
            pm.put("file", p.file());
            pm.put("object", p.object());
            pm.put("message", p.message());
            problems.add(pm);
        }
        m.put("problems", problems);
        List<Object> unmanaged = new ArrayList<>();
        if (plan.detection() != null) {
            for (ObjectId id : plan.detection().unmanaged()) {
                unmanaged.add(id.toString());
            }
        }
        m.put("unmanaged", unmanaged);
        return m;
    }

    static Map<String, Object> run(RunResult r, Path backup) {
        Map<String, Object> m = head("migrate");
        m.put("fastPath", r.fastPath());
        m.put("changed", !r.unchanged());
        m.put("millis", r.millis());
        m.put("backup", backup == null ? null : backup.toString());
        List<Object> done = new ArrayList<>();
        r.done().forEach(s -> done.add(step(s)));
        m.put("done", done);
        m.put("notes", r.notes());
        return m;
    }

    static Map<String, Object> lint(LintReport report) {
        Map<String, Object> m = head("lint");
        m.put("ok", report.ok());
        List<Object> findings = new ArrayList<>();
        for (LintReport.Finding f : report.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("severity", f.severity());
            fm.put("file", f.file());
            fm.put("line", f.line() > 0 ? f.line() : null);
            fm.put("message", f.message());
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }

    /**
     * An error, for scripts that asked for JSON: the code, the exit status and the message; {@code file} stands when
     * the exception names no file (null: none).
     */
    static Map<String, Object> error(String command, Exception e, int exitStatus, String file) {
        Map<String, Object> m = head(command);
        Map<String, Object> em = new LinkedHashMap<>();
        if (e instanceof ConvergeException ce) {
            em.put("code", ce.code());
            em.put("file", ce.file().orElse(file));
            em.put("line", ce.line().isPresent() ? ce.line().getAsInt() : null);
            em.put("version", ce.version().isPresent() ? ce.version().getAsLong() : null);
            em.put("object", ce.object().orElse(null));
        } else {
            em.put("code", "INTERNAL");
        }
        em.put("exitStatus", exitStatus);
        em.put("message", String.valueOf(e.getMessage()));
        m.put("error", em);
        return m;
    }

    /** A bad command line, for scripts that asked for JSON: code BAD_INPUT, the exit status, picocli's message. */
    static Map<String, Object> usageError(String command, String message, int exitStatus) {
        Map<String, Object> m = head(command);
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("code", "BAD_INPUT");
        em.put("file", null);
        em.put("line", null);
        em.put("version", null);
        em.put("object", null);
        em.put("exitStatus", exitStatus);
        em.put("message", message);
        m.put("error", em);
        return m;
    }

    private static Map<String, Object> head(String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("command", command);
        return m;
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        // a dotted version (Flyway's 1.1) has no single number: its text stands for it
        m.put("version", s.version() == null ? null : s.version().isNumber() ? (Object) s.version().value() : s.version().text());
        m.put("name", s.name());
        m.put("state", s.state());
        m.put("action", s.action());
        m.put("how", s.how() == null ? null : s.how().column());
        m.put("reason", s.reason().lines());
        List<Object> statements = new ArrayList<>();
        try (StatementTexts texts = StatementTexts.of(s.migration())) { // a large file's, read again
            for (Statement st : s.statements()) {
                statements.add(texts.of(st).text());
            }
        }
        m.put("statements", statements);
        m.put("skipped", s.skipped());
        List<Object> tried = new ArrayList<>();
        for (Statement st : s.tried()) {
            tried.add(st.text());
        }
        m.put("tried", tried);
        m.put("destructive", s.destructive());
        return m;
    }

    /** What an operator's command (mark, unmark, repair) did: two named lists of versions or changes. */
    static Map<String, Object> operator(String command, String done, List<String> doneItems, String skipped,
                                        List<String> skippedItems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("command", command);
        m.put(done, doneItems);
        if (skipped != null) {
            m.put(skipped, skippedItems);
        }
        return m;
    }
}
