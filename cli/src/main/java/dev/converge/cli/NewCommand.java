package dev.converge.cli;

import dev.converge.source.Layout;
import dev.converge.source.NewMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;

/** {@code converge new NAME}: an empty migration, named and numbered as the folder's layout does it. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create the next, empty migration in the folder's own layout and numbering; print its path.")
final class NewCommand extends Subcommand {
    @Parameters(paramLabel = "NAME", description = "What the migration does, e.g. add_user_email.")
    String name;

    @Option(names = "--migrations", required = true, paramLabel = "DIR", description = "The migration folder.")
    Path migrations;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The folder's layout (default: found by looking at the folder; converge for a new one).")
    String layout;

    @Override
    int execute() {
        for (Path p : NewMigration.create(migrations, layout == null ? null : Layout.named(layout), name,
                Clock.systemUTC())) {
            io().out().println(p);
        }
        return 0;
    }
}
