package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.Version;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code converge} command. Turns the outcome into an exit status (0 ok, 1 refused before any change, 2 bad command
 * line or input, 3 stopped part-way, 4 internal) and every error into a few readable lines on stderr; the stack trace
 * only with {@code --verbose}.
 */
public final class Main {
    /** The codes of errors about the database file as a whole, whose messages may not say which file. */
    private static final Set<ErrorCode> ABOUT_THE_FILE = EnumSet.of(ErrorCode.LOCKED, ErrorCode.READ_ONLY,
            ErrorCode.NOT_A_DATABASE, ErrorCode.DISK_FULL, ErrorCode.IO_ERROR);

    private Main() {
    }

    public static void main(String[] args) {
        NativeLibrary.useCachedCopy();
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs one command in-process without progress output; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /** Runs one command in-process; {@code interactive} turns on progress on {@code err}. Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        return run(args, out, err, interactive, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** As above, with the environment and working folder the defaults ({@link Conventions}) are read from. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
                   Path workingFolder) {
        Io io = new Io(out, err, interactive);
        NativeLibrary.quietDriver(verboseAsked(args));
        Conventions conventions;
        try {
            conventions = Conventions.of(args, env, workingFolder);
        } catch (ConvergeException e) {
            return report(e, "converge", false, false, io);
        }
        try {
            CommandLine cl = new CommandLine(new ConvergeCommand(io));
            // before the settings below: picocli passes them on only to subcommands already added
            for (Class<?> sub : ConvergeCommand.subcommandsFor(args)) {
                cl.addSubcommand(sub);
            }
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            cl.registerConverter(Version.class, Main::version);
            cl.setDefaultValueProvider(conventions);
            cl.setParameterExceptionHandler((ex, a) -> usageError(ex, a, io));
            cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, c, parsed, io));
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // a failure outside any command (picocli's own set-up): still no bare stack trace
            err.println("converge: internal error: " + e);
            return ErrorCode.INTERNAL.exitStatus();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** True when {@code --verbose} is among the options (before an end-of-options {@code --}). */
    private static boolean verboseAsked(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static Version version(String text) {
        try {
            return text.indexOf('.') >= 0 ? Version.dotted(text) : Version.parse(text); // 1.1: a Flyway version
        } catch (ConvergeException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * A bad command line: the message and where to find help on stderr, exit 2. When the command takes {@code --json}
     * and it was given, the error is also a JSON document on stdout, as for any other error: a script reading stdout
     * always has one document to parse.
     */
    private static int usageError(ParameterException ex, String[] args, Io io) {
        PrintStream err = io.err();
        CommandLine c = ex.getCommandLine();
        if (c.getCommandSpec().findOption("--json") != null && jsonAsked(c, args)) {
            io.out().println(Json.write(JsonReports.usageError(c.getCommandName(), ex.getMessage(),
                    ErrorCode.BAD_INPUT.exitStatus())));
        }
        err.println("converge: error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return ErrorCode.BAD_INPUT.exitStatus();
    }

    /** True when {@code --json} was matched, or given before an end-of-options {@code --} (parsing may stop early). */
    private static boolean jsonAsked(CommandLine c, String[] args) {
        ParseResult parsed = c.getParseResult();
        if (parsed != null && parsed.hasMatchedOption("--json")) {
            return true;
        }
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static int failure(Exception ex, CommandLine c, ParseResult parsed, Io io) {
        Object command = c.getCommand();
        boolean verbose = command instanceof Subcommand s ? s.verbose()
                : command instanceof ScenarioCommand.Part p ? p.parent.verbose()
                : command instanceof ConvergeCommand r && r.verbose;
        boolean json = command instanceof Subcommand s && s.json();
        Path database = command instanceof Subcommand s ? s.database()
                : command instanceof ScenarioCommand.CaptureCommand capture ? capture.db : null;
        return report(ex, c.getCommandName(), verbose, json, io, database);
    }

    /** {@link #report(Exception, String, boolean, boolean, Io, Path)} for a command without a database file. */
    static int report(Exception ex, String command, boolean verbose, boolean json, Io io) {
        return report(ex, command, verbose, json, io, null);
    }

    /**
     * Reports a failure of {@code command}: a few lines on stderr (the stack trace only when {@code verbose}), and the
     * error as JSON on stdout when {@code json}. An error about the database file itself (locked, read-only, not a
     * database) that does not say which file gets {@code database} in front, and as its JSON {@code file}. Returns the
     * exit status: the error code's, or 4 for anything else.
     */
    static int report(Exception ex, String command, boolean verbose, boolean json, Io io, Path database) {
        int status;
        String text;
        String file = null;
        if (ex instanceof ConvergeException ce) {
            status = ce.exitStatus();
            text = ce.getMessage();
            if (database != null && ABOUT_THE_FILE.contains(ce.code()) && ce.file().isEmpty()
                    && !text.contains(database.toString())) {
                text = database + ": " + text;
                file = database.toString();
            }
            if (status == ErrorCode.INTERNAL.exitStatus()) {
                text += "\nThis is a bug in Converge or an unexpected SQLite failure; please report it.";
            }
        } else {
            status = ErrorCode.INTERNAL.exitStatus();
            text = "internal error: " + ex + "\nThis is a bug in Converge; please report it"
                    + (verbose ? " with the stack trace below." : " (--verbose shows the stack trace).");
        }
        if (json) {
            io.out().println(Json.write(JsonReports.error(command, ex, status, file)));
        }
        io.err().println("converge: error: " + text);
        if (verbose) {
            ex.printStackTrace(io.err());
        }
        return status;
    }
}
