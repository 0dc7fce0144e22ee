package dev.converge.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code --db} (and {@code CONVERGE_DB}, {@code DATABASE_URL}) may say: a file path, or the URL forms people bring
 * from other tools for a SQLite file — {@code sqlite:app.db}, {@code sqlite:///abs/app.db}, {@code jdbc:sqlite:app.db}.
 * Any other URL is refused by name, so that a URL never becomes a stray file named after it.
 */
final class DatabaseLocation implements ITypeConverter<Path> {
    private static final String JDBC_SQLITE = "jdbc:sqlite:";
    private static final String SQLITE = "sqlite:";

    @Override
    public Path convert(String value) {
        return parse(value);
    }

    static Path parse(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith(JDBC_SQLITE)) {
            rest = value.substring(JDBC_SQLITE.length());
        } else if (lower.startsWith(SQLITE)) {
            rest = value.substring(SQLITE.length());
            if (rest.startsWith("///")) {
                rest = rest.substring(2); // sqlite:///abs/path: the path is /abs/path
            } else if (rest.startsWith("//")) {
                rest = rest.substring(2); // sqlite://relative/path
            }
        } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*") || lower.startsWith("jdbc:")) {
            throw new TypeConversionException("'" + value + "' is not a SQLite database: give the database file's path,"
                    + " or sqlite:FILE / jdbc:sqlite:FILE");
        } else {
            return Path.of(value);
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:") || rest.contains("?")) {
            throw new TypeConversionException("'" + value + "' names no database file Converge can open itself (an"
                    + " in-memory database, a file: URI or URL parameters); give the database file's path");
        }
        return Path.of(rest);
    }
}
