package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import dev.converge.detect.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code converge plan}: what migrate would do, proven by rehearsal; changes nothing and never creates the file. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what migrate would do, statement by statement; changes nothing.")
final class PlanCommand extends Subcommand {
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;
    @Mixin
    PlanningOptions planning;
    @Mixin
    FleetOptions fleet;

    @Option(names = "--sql", description = "Print only the SQL that would run, each statement ended by ';'.")
    boolean sql;

    @Option(names = "--json", description = "Write the plan as JSON.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }

    @Override
    Path database() {
        return database.db;
    }

    @Override
    int execute() {
        if (fleet.asked(database)) {
            return FleetSurvey.run(io(), fleet.prepare(source, database, planning), fleet.databases(database),
                    true, json);
        }
        Converge.Builder b = Converge.configure();
        source.applyTo(b);
        database.applyTo(b, false);
        planning.applyTo(b);
        Plan plan = b.load().plan();
        if (json) {
            io().out().println(Json.write(JsonReports.plan(plan, "plan")));
        } else if (sql) {
            if (plan.refused()) {
                for (Problem p : plan.problems()) {
                    io().err().println("converge: refused: " + p.message());
                }
            } else {
                for (String s : plan.sql()) {
                    io().out().println(PlanText.terminated(s));
                }
            }
        } else {
            PlanText.plan(plan, io().out());
        }
        return plan.refused() ? plan.refusal().exitStatus() : 0;
    }
}
