package dev.converge.fleet;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which files a fleet is: paths given one by one, glob patterns ({@code tenants/*.db}, {@code data/**}{@code /app.db}),
 * and list files of one path a line. Each database appears once (the same file named twice, even by two spellings, is
 * run once, under the first), in the order given; a pattern's matches in path order. Paths keep the form they were
 * given in (relative stays relative): that form is what {@link Shard} hashes.
 */
public final class FleetFiles {
    private static final String GLOB_CHARACTERS = "*?[{";

    private FleetFiles() {
    }

    /**
     * True when {@code text} is a glob pattern rather than one path: it holds a glob character, and is neither an
     * existing file's name nor a URI (which {@code --db} refuses, naming it).
     */
    public static boolean isPattern(String text) {
        if (text.startsWith("file:") || text.startsWith("jdbc:") || Files.exists(Path.of(text))) {
            return false;
        }
        return hasGlobCharacter(text);
    }

    private static boolean hasGlobCharacter(String text) {
        for (char c : GLOB_CHARACTERS.toCharArray()) {
            if (text.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The databases named by {@code paths} (each a path or a pattern) and by the lines of each {@code lists} file.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} for a pattern that matches no file, or a list file that
     *                           cannot be read, naming it
     */
    public static List<Path> resolve(List<String> paths, List<Path> lists) {
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String p : paths) {
            for (Path db : isPattern(p) ? expand(p) : List.of(Path.of(p))) {
                add(db, out, seen);
            }
        }
        for (Path list : lists) {
            for (Path db : readList(list)) {
                add(db, out, seen);
            }
        }
        return out;
    }

    private static void add(Path db, List<Path> out, Set<Path> seen) {
        if (seen.add(db.toAbsolutePath().normalize())) {
            out.add(db);
        }
    }

    /** The regular files that match {@code pattern}, in path order. */
    static List<Path> expand(String pattern) {
        String glob = pattern.replace('\\', '/');
        // the folder to walk: the pattern's leading parts that hold no glob character
        String[] parts = glob.split("/", -1);
        StringBuilder base = new StringBuilder();
        int fixed = 0;
        while (fixed < parts.length - 1 && !hasGlobCharacter(parts[fixed])) {
            base.append(parts[fixed]).append('/');
            fixed++;
        }
        String folder = base.length() <= 1 ? base.toString() : base.substring(0, base.length() - 1);
        Path root = Path.of(folder);
        boolean anyDepth = glob.contains("**");
        int depth = anyDepth ? Integer.MAX_VALUE : parts.length - fixed;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> matches = new ArrayList<>();
        Path walkFrom = root.toString().isEmpty() ? Path.of(".") : root;
        if (Files.isDirectory(walkFrom)) {
            // other processes create and delete files beside the databases while this lists them (a -journal comes
            // and goes with every transaction): an entry that vanishes is skipped, not an error
            try {
                Files.walkFileTree(walkFrom, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
                        new java.nio.file.SimpleFileVisitor<>() {
                            @Override
                            public java.nio.file.FileVisitResult visitFile(Path f,
                                                                           java.nio.file.attribute.BasicFileAttributes a) {
                                Path asGiven = root.toString().isEmpty() ? walkFrom.relativize(f) : f;
                                if (a.isRegularFile() && matcher.matches(Path.of(asGiven.toString().replace('\\', '/')))) {
                                    matches.add(asGiven);
                                }
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }

                            @Override
                            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e)
                                    throws IOException {
                                if (e instanceof java.nio.file.NoSuchFileException) {
                                    return java.nio.file.FileVisitResult.CONTINUE;
                                }
                                throw e;
                            }
                        });
            } catch (IOException | UncheckedIOException e) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot list the files that match " + pattern
                        + ": " + e.getMessage()).file(pattern).cause(e).build();
            }
        }
        if (matches.isEmpty()) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "no database file matches " + pattern
                    + " (looked under " + walkFrom.toAbsolutePath().normalize() + "). Check the pattern; quote it so"
                    + " that Converge, not the shell, expands it.").file(pattern).build();
        }
        matches.sort(null);
        return matches;
    }

    /** The paths in a list file: one a line; blank lines and lines starting with {@code #} are skipped. */
    static List<Path> readList(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot read the database list " + list + ": "
                    + e.getMessage() + ". Give a text file with one database path a line.").file(list.toString())
                    .cause(e).build();
        }
        List<Path> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(Path.of(t));
            }
        }
        return out;
    }
}
