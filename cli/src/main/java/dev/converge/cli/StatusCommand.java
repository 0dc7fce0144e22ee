package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code converge status}: the state of every migration, as a table; changes nothing and never creates the file. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the state of every migration in the database; changes nothing.")
final class StatusCommand extends Subcommand {
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;
    @Mixin
    PlanningOptions planning;
    @Mixin
    FleetOptions fleet;

    @Option(names = "--json", description = "Write the states as JSON.")
    boolean json;

    @Option(names = "--exit-code", description = "Exit 1 when a migration needs doing or anything is refused (a CI gate).")
    boolean exitCode;

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
                    false, json);
        }
        Converge.Builder b = Converge.configure();
        source.applyTo(b);
        database.applyTo(b, false);
        planning.applyTo(b);
        Plan status = b.load().status();
        if (json) {
            io().out().println(Json.write(JsonReports.plan(status, "status")));
        } else {
            PlanText.status(status, io().out());
        }
        return exitCode && (status.refused() || status.hasWork()) ? 1 : 0;
    }
}
