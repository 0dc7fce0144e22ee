package dev.converge.maven;

import dev.converge.Converge;
import dev.converge.error.ConvergeException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every goal shares: the configuration (the same names as the command line's options), the skip switch, and
 * the one rule for failures — a {@link ConvergeException} fails the build with Converge's own message, which names
 * the file, line, object or version. The goals are not marked thread-safe: while one runs, it routes the
 * {@code dev.converge} logger (JVM-wide) to its own Maven log.
 */
abstract class ConvergeMojo extends AbstractMojo {
    /** The folder of {@code NNN_name.sql} migrations. */
    @Parameter(property = "converge.migrations", defaultValue = "${project.basedir}/src/main/resources/db/migrations",
            required = true)
    File migrations;

    /** Today's full schema, used on an empty database (optional). */
    @Parameter(property = "converge.baseline")
    File baseline;

    /** The history table's name. */
    @Parameter(property = "converge.historyTable", defaultValue = Converge.DEFAULT_HISTORY_TABLE)
    String historyTable;

    /** How long to wait for another process's lock: {@code 30s}, {@code 500ms}, {@code 2m} or {@code PT30S}. */
    @Parameter(property = "converge.lockTimeout", defaultValue = "30s")
    String lockTimeout;

    /**
     * The database for {@code plan} and {@code migrate}: a file path (relative to the project) or a
     * {@code jdbc:sqlite:} URL.
     */
    @Parameter(property = "converge.database")
    String database;

    /** Tolerate recorded migrations whose files are gone. */
    @Parameter(property = "converge.allowMissing", defaultValue = "false")
    boolean allowMissing;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skips the goal. */
    @Parameter(property = "converge.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Converge: skipped");
            return;
        }
        if (!migrations.isDirectory()) {
            throw new MojoFailureException("Converge: the migrations folder " + migrations + " does not exist;"
                    + " set <migrations> in the plugin's configuration");
        }
        try (MavenLog ignored = MavenLog.forward(getLog())) {
            run();
        } catch (ConvergeException e) {
            throw new MojoFailureException("Converge: " + e.getMessage(), e);
        }
    }

    /** The goal's work; a {@link ConvergeException} fails the build with its message. */
    abstract void run() throws MojoFailureException;

    /** A builder with the migrations, baseline, history table and lock timeout configured. */
    final Converge.Builder configured() throws MojoFailureException {
        Converge.Builder b = Converge.configure().migrations(migrations.toPath()).historyTable(historyTable)
                .lockTimeout(duration(lockTimeout));
        if (baseline != null) {
            b.baseline(baseline.toPath());
        }
        return b;
    }

    /** {@link #configured()} with the database, which this goal needs. */
    final Converge.Builder withDatabase(String goal) throws MojoFailureException {
        if (database == null || database.isBlank()) {
            throw new MojoFailureException("Converge: the " + goal + " goal needs a database: set <database> (a file"
                    + " path or a jdbc:sqlite: URL) in the plugin's configuration, or -Dconverge.database=...");
        }
        Converge.Builder b = configured().allowMissing(allowMissing);
        if (database.startsWith("jdbc:")) {
            return b.url(database);
        }
        File file = new File(database);
        return b.database((file.isAbsolute() ? file : new File(basedir, database)).toPath().normalize());
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or an ISO-8601 duration such as {@code PT30S}. */
    static Duration duration(String text) throws MojoFailureException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below, with the forms that are accepted
        }
        throw new MojoFailureException("Converge: <lockTimeout> " + text + " is not a duration; write 30s, 500ms, 2m"
                + " or PT30S");
    }

    /** Keeps java.util.logging's loggers strongly reachable while a goal runs (JUL holds loggers weakly). */
    static final Logger CONVERGE_LOGGER = Logger.getLogger("dev.converge");

    static Level levelOf(org.apache.maven.plugin.logging.Log log) {
        return log.isDebugEnabled() ? Level.FINE : Level.INFO;
    }
}
