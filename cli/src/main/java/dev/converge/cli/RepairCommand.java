package dev.converge.cli;

import dev.converge.Converge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code converge repair}: accepts today's files for recorded migrations whose checksums no longer match. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Accept the current files of recorded migrations whose checksums changed; prints each change.")
final class RepairCommand extends Subcommand {
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;
    @Option(names = "--json", description = "Write the accepted changes as JSON.")
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
        List<String> changes = database.applyTo(source.applyTo(Converge.configure()), false).createDatabase(false).load()
                .repair();
        if (json) {
            io().out().println(Json.write(JsonReports.operator("repair", "changes", changes, null, null)));
            return 0;
        }
        for (String c : changes) {
            io().out().println(c);
        }
        if (changes.isEmpty()) {
            io().out().println("nothing to repair: every recorded checksum matches its file");
        }
        return 0;
    }
}
