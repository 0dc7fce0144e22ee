package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The defaults people expect from other migration tools, for options not given on the command line: first the
 * environment ({@code CONVERGE_DB}, {@code DATABASE_URL} in its {@code sqlite:} form, {@code CONVERGE_MIGRATIONS},
 * {@code CONVERGE_BASELINE}, {@code CONVERGE_HISTORY_TABLE}, {@code CONVERGE_LOCK_TIMEOUT}), then a configuration file
 * ({@code --config FILE}, or {@code converge.properties} in the working folder: keys {@code db}, {@code migrations},
 * {@code baseline}, {@code history-table}, {@code lock-timeout}), then {@code db/migrations} when that folder exists.
 * The command line wins over all of them.
 */
final class Conventions implements IDefaultValueProvider {
    static final String FILE_NAME = "converge.properties";
    private static final String CONFIG = "--config";

    private final Map<String, String> env;
    private final Properties file;
    private final Path workingFolder;

    private Conventions(Map<String, String> env, Properties file, Path workingFolder) {
        this.env = env;
        this.file = file;
        this.workingFolder = workingFolder;
    }

    /** The conventions for {@code args} ({@code --config} is read from them before parsing) in this environment. */
    static Conventions of(String[] args, Map<String, String> env, Path workingFolder) {
        Path config = configFile(args);
        Properties p = new Properties();
        Path file = config != null ? config : workingFolder.resolve(FILE_NAME);
        if (config != null || Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot read the configuration file " + file
                        + ": " + e.getMessage()).file(file.toString()).cause(e).build();
            }
        }
        return new Conventions(env, p, workingFolder);
    }

    /** The value of {@code --config FILE} or {@code --config=FILE}, before the end of options. */
    static Path configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].equals(CONFIG) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(CONFIG + "=")) {
                return Path.of(args[i].substring(CONFIG.length() + 1));
            }
        }
        return null;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        switch (option.longestName()) {
            case "--db":
                return first(env.get("CONVERGE_DB"), sqliteUrl(env.get("DATABASE_URL")), file.getProperty("db"));
            case "--migrations":
                return first(env.get("CONVERGE_MIGRATIONS"), file.getProperty("migrations"), defaultMigrations());
            case "--baseline":
                return first(env.get("CONVERGE_BASELINE"), file.getProperty("baseline"));
            case "--history-table":
                return first(env.get("CONVERGE_HISTORY_TABLE"), file.getProperty("history-table"));
            case "--lock-timeout":
                return first(env.get("CONVERGE_LOCK_TIMEOUT"), file.getProperty("lock-timeout"));
            default:
                return null;
        }
    }

    /** {@code DATABASE_URL} is often another database's URL (Heroku, Rails): only its SQLite forms count here. */
    private static String sqliteUrl(String url) {
        return url != null && (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) ? url : null;
    }

    private String defaultMigrations() {
        Path folder = workingFolder.resolve("db").resolve("migrations");
        return Files.isDirectory(folder) ? folder.toString() : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
