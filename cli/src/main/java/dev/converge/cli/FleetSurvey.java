package dev.converge.cli;

import dev.converge.fleet.Fleet;
import dev.converge.fleet.Position;
import dev.converge.fleet.Survey;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code converge status} and {@code plan} over a fleet: how many databases stand at each point of the timeline
 * (and which are refused, and why), so that an operator sees the spread before migrating. Changes nothing. With
 * {@code --json}, one line per database and a summary line of the groups.
 */
final class FleetSurvey {
    private FleetSurvey() {
    }

    static int run(Io io, Fleet fleet, List<Path> databases, boolean rehearse, boolean json) {
        String command = rehearse ? "plan" : "status";
        Survey s = fleet.survey(databases, rehearse);
        PrintStream out = io.out();
        if (json) {
            for (Position p : s.positions()) {
                Map<String, Object> m = FleetMigrate.head(command);
                m.put("path", p.path().toString());
                m.put("group", p.group());
                m.put("inPlaceUpTo", p.inPlaceUpTo() == null ? null : p.inPlaceUpTo().value());
                m.put("pending", p.pending());
                m.put("code", p.code());
                m.put("error", p.error());
                out.println(FleetMigrate.line(m));
            }
            Map<String, Object> m = FleetMigrate.head(command);
            m.put("databases", s.positions().size());
            m.put("groups", s.groups());
            m.put("exitStatus", s.exitStatus());
            out.println(FleetMigrate.line(m));
            return s.exitStatus();
        }
        for (Position p : s.positions()) {
            if (p.code() != null) {
                String error = p.error().replace("\n", "\n    ");
                out.println(p.group() + ": " + (error.contains(p.path().toString()) ? error : p.path() + ": " + error));
            }
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-40s %9s", "where the databases stand", "databases"));
        s.groups().forEach((g, n) -> out.println(String.format(Locale.ROOT, "%-40s %9d", g, n)));
        out.println(String.format(Locale.ROOT, "%-40s %9d  in %.1f s", "total", s.positions().size(),
                s.millis() / 1000.0));
        return s.exitStatus();
    }
}
