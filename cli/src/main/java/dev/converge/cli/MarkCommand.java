package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.source.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code converge mark}: records migrations as applied without running them. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = "Record migrations as applied (how = marked) without running them.")
final class MarkCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "VERSION", description = "The versions to record, e.g. 3 or 003.")
    List<Version> versions;
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;

    @Override
    Path database() {
        return database.db;
    }

    @Override
    int execute() {
        Converge converge = database.applyTo(source.applyTo(Converge.configure()), false).createDatabase(false).load();
        List<String> done = new ArrayList<>();
        for (Version v : versions) {
            try {
                converge.mark(v);
            } catch (ConvergeException e) {
                throw stoppedAfter(e, done);
            }
            done.add("marked " + v);
            io().out().println("marked " + v);
        }
        return 0;
    }
}
