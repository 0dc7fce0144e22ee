package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sqlite.SqliteErrors;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The checks the commands make on the paths they are given, before they touch anything: a file they are about to
 * write must be new (Converge never overwrites), and a folder or file they read must be one. Each failure is
 * {@code BAD_INPUT} (exit 2) naming the option and the path, and saying what to do.
 */
final class PathChecks {
    private PathChecks() {
    }

    /** {@code file} (given with {@code option}) is to be created: it must not exist, and its folder must. */
    static void newFile(Path file, String option) {
        absent(file, option);
        writableFolder(file, option);
    }

    /** {@code file} (given with {@code option}) is to be created, with its folder if need be: it must not exist. */
    static void absent(Path file, String option) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw bad(option + " " + file + " already exists; Converge never overwrites a file. Choose a new file,"
                    + " or move the existing one away first. Nothing was changed.", file);
        }
    }

    /** {@code file} (given with {@code option}) will be written, replacing it if it exists: it must not be a folder. */
    static void outputFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw bad(option + " " + file + " is a folder; give a file name. Nothing was changed.", file);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw bad(option + " " + file + " cannot be written (read-only); choose another file. Nothing was changed.",
                    file);
        }
        writableFolder(file, option);
    }

    /** {@code dir} (given with {@code option}) is read as a folder: it must be one. */
    static void folder(Path dir, String option) {
        if (!Files.exists(dir)) {
            throw bad(option + " " + dir + ": no such folder. Check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ").", dir);
        }
        if (!Files.isDirectory(dir)) {
            throw bad(option + " " + dir + " is a file, not a folder. Check the path.", dir);
        }
    }

    /** {@code file} (given with {@code option}) is read as a file: it must be one. */
    static void file(Path file, String option) {
        if (!Files.exists(file)) {
            throw bad(option + " " + file + ": no such file. Check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ").", file);
        }
        if (Files.isDirectory(file)) {
            throw bad(option + " " + file + " is a folder, not a file. Check the path.", file);
        }
    }

    /**
     * {@code db}, when it exists, is a SQLite database: opened read-only and its schema read, so that a text file or a
     * damaged database is refused naming it ({@code NOT_A_DATABASE}, exit 1) before anything is copied or written.
     */
    static void readableDatabase(Path db) {
        if (!Files.isRegularFile(db)) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            ConvergeException t = SqliteErrors.translate(e, "reading it");
            throw ConvergeException.builder(t.code(), db + ": " + t.getMessage()).file(db.toString()).cause(e)
                    .build();
        }
    }

    private static void writableFolder(Path file, String option) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        if (!Files.isDirectory(parent)) {
            throw bad(option + " " + file + ": the folder " + parent + " does not exist; create it first, or choose"
                    + " another place. Nothing was changed.", file);
        }
        if (!Files.isWritable(parent)) {
            throw bad(option + " " + file + ": the folder " + parent + " cannot be written (read-only); choose another"
                    + " place. Nothing was changed.", file);
        }
    }

    private static ConvergeException bad(String message, Path path) {
        return ConvergeException.builder(ErrorCode.BAD_INPUT, message).file(path.toString()).build();
    }
}
