package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.source.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code converge unmark}: deletes history rows, so that migrate looks at those migrations again. */
@Command(name = "unmark", mixinStandardHelpOptions = true,
        description = "Delete the history rows of migrations; migrate then detects their state again.")
final class UnmarkCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "VERSION", description = "The versions to forget, e.g. 3 or 003.")
    List<Version> versions;
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;
    @Option(names = "--json", description = "Write what was forgotten as JSON.")
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
        Converge converge = database.applyTo(source.applyTo(Converge.configure()), false).createDatabase(false).load();
        List<String> done = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        List<String> notRecorded = new ArrayList<>();
        for (Version v : versions) {
            boolean deleted;
            try {
                deleted = converge.unmark(v);
            } catch (ConvergeException e) {
                throw stoppedAfter(e, done);
            }
            if (deleted) {
                done.add("unmarked " + v);
                unmarked.add(v.toString());
                if (!json) {
                    io().out().println("unmarked " + v);
                }
            } else {
                notRecorded.add(v.toString());
                if (!json) {
                    io().out().println("not recorded: " + v + " (nothing to unmark)");
                }
            }
        }
        if (json) {
            io().out().println(Json.write(JsonReports.operator("unmark", "unmarked", unmarked, "notRecorded",
                    notRecorded)));
        }
        return 0;
    }
}
