package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.fleet.DatabaseOutcome;
import dev.converge.fleet.Fleet;
import dev.converge.fleet.FleetListener;
import dev.converge.fleet.FleetResult;
import dev.converge.fleet.Outcome;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code converge migrate} over a fleet: progress on a terminal, with {@code --json} one JSON line per database as it
 * finishes and a summary line last, otherwise the databases that did not converge and a summary table. The exit
 * status is the worst database's ({@link FleetResult#exitStatus()}).
 */
final class FleetMigrate {
    /** A line break and the indentation after it: what {@link Json#write} adds between values. */
    private static final Pattern LAYOUT = Pattern.compile("\n *");

    private FleetMigrate() {
    }

    static int run(Io io, Fleet fleet, List<Path> databases, boolean json, Path backup) {
        if (backup != null) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "--backup copies one database; a fleet of "
                    + databases.size() + " has no one backup file. Back the files up first, or migrate one --db.");
        }
        FleetListener progress = io.interactive() ? new FleetProgress(io.err()) : FleetListener.NONE;
        FleetListener listener = new FleetListener() {
            @Override
            public void started(int n) {
                progress.started(n);
            }

            @Override
            public void finished(DatabaseOutcome d) {
                if (json) {
                    io.out().println(line(database(d)));
                }
                progress.finished(d);
            }
        };
        FleetResult r = fleet.listener(listener).migrate(databases);
        if (json) {
            io.out().println(line(summary(r)));
        } else {
            print(r, io.out());
        }
        return r.exitStatus();
    }

    /** A JSON document on one line: a JSON-lines stream has one document a line. */
    static String line(Object tree) {
        return LAYOUT.matcher(Json.write(tree)).replaceAll("");
    }

    static Map<String, Object> database(DatabaseOutcome d) {
        Map<String, Object> m = head("migrate");
        m.put("path", d.path().toString());
        m.put("outcome", d.outcome());
        m.put("steps", d.steps());
        m.put("exitStatus", d.exitStatus());
        m.put("code", d.code());
        m.put("error", d.error());
        m.put("millis", d.millis());
        return m;
    }

    static Map<String, Object> head(String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", JsonReports.FORMAT);
        m.put("command", command);
        return m;
    }

    private static Map<String, Object> summary(FleetResult r) {
        Map<String, Object> m = head("migrate");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("databases", r.outcomes().size());
        r.counts().forEach((o, n) -> counts.put(o.name(), n));
        m.put("summary", counts);
        m.put("exitStatus", r.exitStatus());
        m.put("millis", r.millis());
        return m;
    }

    private static void print(FleetResult r, PrintStream out) {
        for (DatabaseOutcome d : r.outcomes()) {
            if (!d.outcome().converged() && d.outcome() != Outcome.SKIPPED) {
                out.println(d.outcome().label() + ": " + d.error().replace("\n", "\n    "));
            }
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-18s %9s", "outcome", "databases"));
        r.counts().forEach((o, n) -> {
            if (n > 0 || o.converged()) {
                out.println(String.format(Locale.ROOT, "%-18s %9d", o.label(), n));
            }
        });
        int total = r.outcomes().size();
        out.println(String.format(Locale.ROOT, "%-18s %9d  in %.1f s (%.1f databases/s)", "total", total,
                r.millis() / 1000.0, total / Math.max(1e-3, r.millis() / 1000.0)));
    }
}
