package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
    @Option(names = "--json", description = "Write what was recorded as JSON.")
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
        // a version with no file is a typo: refuse it before any other version is recorded
        MigrationSet set = source.source().load();
        for (Version v : versions) {
            if (set.get(v).isEmpty()) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "no migration " + v + " in " + source.migrations
                        + " (" + range(set) + "); mark takes the versions of existing files. Nothing was changed.")
                        .version(v.value()).build();
            }
        }
        List<String> done = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Version v : versions) {
            try {
                converge.mark(v);
            } catch (ConvergeException e) {
                if (e.code() == ErrorCode.BAD_INPUT && e.getMessage().contains("is already recorded")) {
                    // as unmark of a version that is not recorded: nothing to do, and no error
                    already.add(v.toString());
                    if (!json) {
                        io().out().println("already recorded: " + v + " (nothing to mark)");
                    }
                    continue;
                }
                throw stoppedAfter(e, done);
            }
            done.add("marked " + v);
            marked.add(v.toString());
            if (!json) {
                io().out().println("marked " + v);
            }
        }
        if (json) {
            io().out().println(Json.write(JsonReports.operator("mark", "marked", marked, "alreadyRecorded", already)));
        }
        return 0;
    }

    private static String range(MigrationSet set) {
        List<Migration> all = set.migrations();
        return all.size() == 1 ? "version " + all.get(0).version()
                : "versions " + all.get(0).version() + " to " + all.get(all.size() - 1).version();
    }
}
