package dev.converge.scenarios.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A full-schema script: today's {@code SCHEMA_SQL}, or an older release's.
 *
 * @param name a short name for state names and file names, e.g. {@code v1.1-schema}
 * @param text the script
 */
public record Baseline(String name, String text) {

    /** Reads a script; its name is the file name without {@code .sql}. */
    public static Baseline read(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".sql")) {
            name = name.substring(0, name.length() - 4);
        }
        try {
            return new Baseline(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file, e);
        }
    }

    /** Reads every {@code *.sql} file of a folder, ordered by file name (e.g. the releases in {@code old/}). */
    public static List<Baseline> readFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().map(Baseline::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline folder " + folder, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
