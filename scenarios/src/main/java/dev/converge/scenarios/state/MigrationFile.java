package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One migration file as the state builder sees it: read on its own, without core's {@code source} package, so
 * that the states it builds do not depend on the code under test.
 *
 * @param version  the number before the first {@code _}
 * @param fileName the file name, e.g. {@code 002_secure_tokens.sql}; it is what history records
 * @param text     the file's text, as read (UTF-8)
 * @param recorded the version as Converge's history records it: the number, or for a set another tool numbers with
 *                 dotted versions (Flyway's {@code 1.1}), that tool's version, while {@code version} is its position
 */
public record MigrationFile(long version, String fileName, String text, String recorded) {

    /** A file whose history records its number. */
    public MigrationFile(long version, String fileName, String text) {
        this(version, fileName, text, Long.toString(version));
    }

    /** True when history records this migration under a version other than its number (a dotted one). */
    public boolean recordedAsText() {
        return !recorded.equals(Long.toString(version));
    }

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+)\\.sql");

    /**
     * Reads every {@code *.sql} file of a folder, ordered by version. Other files are ignored; a {@code .sql} file
     * that is not named {@code NNN_name.sql}, or two files with one version, are refused.
     */
    public static List<MigrationFile> readFolder(Path folder) {
        List<MigrationFile> out = new ArrayList<>();
        Map<Long, String> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".sql") || !Files.isRegularFile(p)) {
                    continue;
                }
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                            name + ": not a migration name; name it NNN_some_name.sql").file(name).build();
                }
                long version;
                try {
                    version = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                            name + ": version " + m.group(1) + " is too large").file(name).build();
                }
                String other = seen.put(version, name);
                if (other != null) {
                    throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                            "version " + version + " is used by both " + other + " and " + name
                                    + "; renumber one of them").file(name).version(version).build();
                }
                out.add(new MigrationFile(version, name, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration folder " + folder, e);
        }
        out.sort(Comparator.comparingLong(MigrationFile::version));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return fileName;
    }
}
