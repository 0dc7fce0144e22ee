package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Migrations in a folder on disk: the {@code .sql} files directly in it, each read exactly once. */
final class FolderSource implements MigrationSource {
    private final Path dir;

    FolderSource(Path dir) {
        this.dir = dir;
    }

    @Override
    public MigrationSet load() {
        long start = System.nanoTime();
        List<Migration> migrations = new ArrayList<>();
        readInto(dir, migrations);
        if (migrations.isEmpty()) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the migration folder " + dir
                            + " holds no migration. Expected files named " + MigrationFileName.PATTERN
                            + "; check the configured folder.")
                    .file(dir.toString()).build();
        }
        MigrationSet set = MigrationSet.of(migrations);
        MigrationFiles.loaded(dir.toString(), set.size(), start);
        return set;
    }

    /** Adds the migrations directly in {@code dir} to {@code out}, in file-name order. */
    static void readInto(Path dir, List<Migration> out) {
        readInto(dir, out, LargeFile.ABOVE_BYTES);
    }

    /** As {@link #readInto(Path, List)}, streaming the files of {@code largeBytes} bytes and more. */
    static void readInto(Path dir, List<Migration> out, long largeBytes) {
        if (!Files.isDirectory(dir)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the migration folder " + dir
                            + (Files.exists(dir) ? " is not a folder" : " does not exist")
                            + ". Check the configured path (relative paths start at " + Path.of("").toAbsolutePath()
                            + ").")
                    .file(dir.toString()).build();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT,
                            "cannot list the migration folder " + dir + ": " + e + ". Check that it is readable.")
                    .file(dir.toString()).cause(e).build();
        }
        Collections.sort(entries);
        for (Path p : entries) {
            String fileName = p.getFileName().toString();
            String origin = p.toString();
            if (!MigrationFileName.isSqlFile(fileName)) {
                MigrationFiles.ignored(origin, Files.isDirectory(p) ? "a subfolder" : "not a .sql file");
                continue;
            }
            if (Files.isDirectory(p)) {
                MigrationFiles.ignored(origin, "a subfolder");
                continue;
            }
            MigrationFileName parsed = MigrationFileName.parse(fileName, origin);
            if (isLarge(p, largeBytes)) {
                out.add(MigrationFiles.large(parsed, fileName, p, origin));
                continue;
            }
            byte[] bytes = SourceText.read(p, "migration file");
            out.add(MigrationFiles.fromBytes(parsed, fileName, bytes, origin));
        }
    }

    /** A regular file of at least {@code largeBytes} bytes; anything else is read whole (and refused there if need be). */
    private static boolean isLarge(Path p, long largeBytes) {
        try {
            return Files.isRegularFile(p) && Files.size(p) >= largeBytes;
        } catch (IOException e) {
            return false; // the whole read names the file and the cause
        }
    }

    @Override
    public String toString() {
        return "folder " + dir;
    }
}
