package dev.converge.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The top-level {@code converge} command: holds the global options; {@link #subcommandsFor} says which subcommands a
 * command line needs. They are not listed in the annotation because picocli builds the model of every listed one
 * before it parses anything, and that cost (about a fifth of a {@code converge migrate} on an up-to-date database) is
 * paid at every application start.
 */
@Command(name = "converge", mixinStandardHelpOptions = true, subcommands = CommandLine.HelpCommand.class,
        versionProvider = ConvergeCommand.Version.class,
        description = "Brings a SQLite database to the schema its migrations define, from whatever state it is in.",
        footer = {"", "Exit status: 0 ok, 1 refused (nothing changed), 2 bad command line or input,",
                "3 stopped part-way, 4 internal error."})
final class ConvergeCommand implements Callable<Integer> {
    final Io io;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the engine's log and, on error, the stack trace.")
    boolean verbose;

    /** Read before parsing, by {@link Conventions}; declared here so that it is accepted and shown in help. */
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file of defaults (db, migrations, baseline, history-table, lock-timeout);"
                    + " default: converge.properties in the working folder, if there is one.")
    Path config;

    @Spec
    CommandSpec spec;

    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(MigrateCommand.class, PlanCommand.class, StatusCommand.class,
            LintCommand.class, MarkCommand.class, UnmarkCommand.class, RepairCommand.class, VerifyCommand.class,
            ScenarioCommand.class, ReproduceCommand.class, RehearseCommand.class, GenerateCompletion.class,
            NewCommand.class,
            SchemaCommand.class);

    /**
     * The subcommands to register for {@code args}: just the one named by the first argument that is not an option
     * (the root's options take no value), or all of them when there is none or it names none — for help, and for
     * picocli's "did you mean" suggestions.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config")) {
                i++; // its value
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(a)) {
                    // a completion script covers every command
                    return c == GenerateCompletion.class ? SUBCOMMANDS : List.of(c);
                }
            }
            break;
        }
        return SUBCOMMANDS;
    }

    ConvergeCommand(Io io) {
        this.io = io;
    }

    /** Without a subcommand there is nothing to do: say so, as a usage error. */
    @Override
    public Integer call() {
        io.err().println("converge: error: missing command");
        spec.commandLine().usage(io.err());
        return 2;
    }

    /** The version from the jar's manifest, or "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConvergeCommand.class.getPackage().getImplementationVersion();
            return new String[]{"converge " + (v == null ? "(development build)" : v)};
        }
    }
}
