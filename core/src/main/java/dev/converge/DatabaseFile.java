package dev.converge;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file behind a database URL, and the one check every open of it passes first: when it exists it must be a regular
 * file. SQLite opens a named pipe, a device or a folder without complaint and fails only at the first read or commit —
 * after it has created a {@code -journal} beside it ({@code /dev/zero-journal}), or blocks forever on a pipe — so such
 * a path is refused before anything is opened, naming the path and what it is.
 */
final class DatabaseFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private DatabaseFile() {
    }

    /**
     * Refuses {@code file} when it exists and is not a regular file (a symbolic link counts as what it points to).
     *
     * @throws ConvergeException {@link ErrorCode#NOT_A_DATABASE} naming the path and what it is; nothing was opened
     */
    static void refuseIfNotRegular(Path file) {
        if (!Files.exists(file) || Files.isRegularFile(file)) {
            return;
        }
        throw ConvergeException.builder(ErrorCode.NOT_A_DATABASE, file + " is not a regular file (it is "
                        + kind(file) + "); a SQLite database is a regular file. Nothing was opened or created: give the"
                        + " path of the database file.")
                .file(file.toString()).build();
    }

    /**
     * The refusal to change {@code file}, which this process cannot write: a WAL database in a folder that cannot be
     * written (opened by the dialect's read-only URL), or a file on a read-only mount or without write permission.
     */
    static ConvergeException readOnly(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String why = Files.isWritable(file) ? "it is in WAL mode and its folder " + folder + " cannot be written (a"
                + " read-only mount?), so SQLite can read it but not change it"
                : "the file cannot be written (a read-only mount, or no write permission)";
        return ConvergeException.builder(ErrorCode.READ_ONLY, file + ": the database is read-only: " + why
                        + ". Nothing was changed; mount it read-write, give this process write access, or copy it to a"
                        + " writable place to migrate.")
                .file(file.toString()).build();
    }

    /** What a path that exists but is no regular file is, in words. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & S_IFMT) {
                case S_IFIFO -> "a named pipe (FIFO)";
                case S_IFCHR -> "a character device";
                case S_IFBLK -> "a block device";
                case S_IFDIR -> "a folder";
                case S_IFSOCK -> "a socket";
                default -> "not a file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isDirectory(file) ? "a folder" : "a pipe, socket or device";
        }
    }
}
