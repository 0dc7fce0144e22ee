package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A migration folder on disk in any {@link Layout}, read in place: Converge's own through {@link FolderSource},
 * another tool's file by file, each keeping its tool's version text, with the part that runs taken out of it by
 * {@link ToolScript}. The layout is the one given, or found by {@link Layout#detect} when none is.
 */
final class ToolFolderSource implements MigrationSource {
    private final Path dir;
    private final Layout layout;
    private final Map<String, String> placeholders;
    private final Clock clock;

    ToolFolderSource(Path dir, Layout layout, Map<String, String> placeholders, Clock clock) {
        this.dir = dir;
        this.layout = layout;
        this.placeholders = Map.copyOf(placeholders);
        this.clock = clock;
    }

    /** The layout this source reads: the one given, or the folder's. */
    Layout layout() {
        return layout != null ? layout : Layout.detect(dir);
    }

    @Override
    public MigrationSet load() {
        Layout l = layout();
        if (!placeholders.isEmpty() && l != Layout.FLYWAY) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "placeholders (" + String.join(", ",
                            new java.util.TreeSet<>(placeholders.keySet())) + ") are given, but the migration folder "
                            + dir + " is a " + l.cliName() + " folder, whose files have none: only Flyway's do."
                            + " Remove --placeholder, or name the layout with --layout flyway.")
                    .file(dir.toString()).build();
        }
        if (l == Layout.CONVERGE) {
            return new FolderSource(dir).load();
        }
        long start = System.nanoTime();
        List<Migration> out = new ArrayList<>();
        switch (l) {
            case DIESEL -> readFolders(l, "up.sql", out);
            case PRISMA -> readFolders(l, "migration.sql", out);
            case DRIZZLE -> readJournal(out);
            case LIQUIBASE -> readChangelogs(out);
            default -> readFiles(l, dir, out);
        }
        if (out.isEmpty()) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the " + l.cliName() + " migration folder " + dir
                    + " holds no migration; check the configured folder and --layout.").file(dir.toString()).build();
        }
        MigrationSet set = MigrationSet.of(out);
        MigrationFiles.loaded(dir + " (" + l.cliName() + ")", set.size(), start);
        return set;
    }

    /** The migrations of {@code folder}; Flyway's in its subfolders too, as Flyway scans a location. */
    private void readFiles(Layout l, Path folder, List<Migration> out) {
        for (Path p : entries(folder)) {
            String name = p.getFileName().toString();
            String origin = p.toString();
            if (Files.isDirectory(p)) {
                if (l == Layout.FLYWAY) {
                    readFiles(l, p, out);
                } else {
                    MigrationFiles.ignored(origin, "a subfolder");
                }
                continue;
            }
            if (l == Layout.GOOSE && name.toLowerCase(Locale.ROOT).endsWith(".go") && !name.endsWith("_test.go")
                    && Character.isDigit(name.charAt(0))) {
                throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME, "the goose migration " + origin
                                + " is written in Go, which Converge cannot run: only SQL migrations are read."
                                + " Rewrite it as a .sql migration, or run it with goose before switching.")
                        .file(origin).build();
            }
            if (!MigrationFileName.isSqlFile(name)) {
                MigrationFiles.ignored(origin, "not a .sql file");
                continue;
            }
            ToolFileName parsed = ToolFileName.parse(l, name, origin);
            if (parsed == null) {
                MigrationFiles.ignored(origin, "not run when migrating up in a " + l.cliName() + " folder");
                continue;
            }
            out.add(migration(l, parsed, name, name, p, origin));
        }
    }

    /** diesel and Prisma: one folder per migration, {@code file} in it. */
    private void readFolders(Layout l, String file, List<Migration> out) {
        for (Path p : entries(dir)) {
            String folder = p.getFileName().toString();
            if (!Files.isDirectory(p)) {
                MigrationFiles.ignored(p.toString(), "not a migration folder");
                continue;
            }
            Path script = p.resolve(file);
            if (!Files.isRegularFile(script)) {
                throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME, "the " + l.cliName() + " migration folder "
                                + p + " has no " + file + ". Add it, or move the folder out if it is not a migration.")
                        .file(p.toString()).build();
            }
            ToolFileName parsed = ToolFileName.parse(l, folder, p.toString());
            out.add(migration(l, parsed, folder + "/" + file, file, script, script.toString()));
        }
    }

    /** drizzle: the files its journal lists, in the journal's order. */
    private void readJournal(List<Migration> out) {
        Path journal = dir.resolve("meta").resolve("_journal.json");
        String json = new String(SourceText.read(journal, "drizzle journal"), StandardCharsets.UTF_8);
        Set<String> listed = new HashSet<>();
        for (DrizzleJournal.Entry e : DrizzleJournal.entries(json, journal.toString())) {
            String name = e.tag() + ".sql";
            listed.add(name);
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "drizzle's journal " + journal + " lists " + e.tag()
                        + " but " + p + " does not exist. Restore the file, or regenerate the journal.").file(p.toString()).build();
            }
            ToolFileName parsed = ToolFileName.parse(Layout.DRIZZLE, name, p.toString());
            String digits = parsed.version().text();
            ToolFileName ordered = new ToolFileName(Version.of(e.idx(), digits), parsed.description());
            out.add(migration(Layout.DRIZZLE, ordered, name, name, p, p.toString()));
        }
        for (Path p : entries(dir)) {
            if (!listed.contains(p.getFileName().toString())) {
                MigrationFiles.ignored(p.toString(), "not listed in drizzle's meta/_journal.json");
            }
        }
    }

    /** Liquibase: every changeset of every formatted-SQL file, in file-name order, numbered from 1 by position. */
    private void readChangelogs(List<Migration> out) {
        long position = 0;
        for (Path p : entries(dir)) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) || !MigrationFileName.isSqlFile(name)) {
                MigrationFiles.ignored(p.toString(), "not a formatted-SQL changelog");
                continue;
            }
            byte[] bytes = SourceText.read(p, "changelog");
            String text = SourceText.decode(bytes, SourceText.bomLength(bytes), p.toString());
            if (!LiquibaseChangelog.isChangelog(text)) {
                throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME, p + " does not start with `"
                        + LiquibaseChangelog.HEADER + "`: in a liquibase folder every .sql file is a formatted-SQL"
                        + " changelog. Add the line, or move the file out.").file(p.toString()).build();
            }
            for (LiquibaseChangelog.Changeset cs : LiquibaseChangelog.changesets(text, p.toString())) {
                position++;
                out.add(new Migration(Version.of(position, cs.author() + ":" + cs.id()),
                        name + "::" + cs.id() + "::" + cs.author(), cs.id(), cs.text(), Checksum.of(cs.text()),
                        p.toString(), cs.read()));
            }
        }
    }

    private Migration migration(Layout l, ToolFileName parsed, String name, String fileName, Path file, String origin) {
        return fromBytes(l, parsed, name, fileName, SourceText.read(file, "migration file"), origin, placeholders, clock);
    }

    /** A migration of layout {@code l} from its parsed name and its file's bytes: what runs, its checksum, the text. */
    static Migration fromBytes(Layout l, ToolFileName parsed, String name, String fileName, byte[] bytes, String origin,
                               Map<String, String> placeholders, Clock clock) {
        String text = SourceText.decode(bytes, SourceText.bomLength(bytes), origin);
        ToolScript script = ToolScript.of(l, text, fileName, origin, placeholders, clock);
        return new Migration(parsed.version(), name, parsed.description(), script.run(),
                Checksum.of(script.checksummed()), origin, text);
    }

    private static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the migration folder " + dir
                            + (Files.exists(dir) ? " is not a folder" : " does not exist") + ". Check the configured path.")
                    .file(dir.toString()).build();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT,
                    "cannot list the migration folder " + dir + ": " + e + ". Check that it is readable.")
                    .file(dir.toString()).cause(e).build();
        }
        Collections.sort(entries);
        return entries;
    }

    @Override
    public String toString() {
        return (layout == null ? "" : layout.cliName() + " ") + "folder " + dir;
    }
}
