package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.MigrationFile;
import dev.converge.scenarios.state.StateBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The application a scenario runs against, held in memory so a scenario does not depend on where it is run: its
 * migration files, today's baseline (or none), the full schemas of older releases, the version its legacy history
 * starts at, and its history table's name. {@link #writeTo} puts it on disk for the engine, with a scenario's file
 * edits applied.
 *
 * @param name               a short name, e.g. {@code starpunk}
 * @param migrations         the migration files, ordered by version
 * @param baseline           today's full schema, or null
 * @param releases           older releases' full schemas
 * @param legacyHistoryFrom  legacy history records versions from this one (see {@link StateBuilder#withLegacyHistoryFrom})
 * @param historyTable       the history table's name
 */
public record Fixture(String name, List<MigrationFile> migrations, Baseline baseline, List<Baseline> releases,
                      long legacyHistoryFrom, String historyTable) {

    /** Where the bundled copy of examples/starpunk lives on the classpath; {@code files.txt} lists its files. */
    private static final String STARPUNK = "/dev/converge/scenarios/catalogue/starpunk/";

    public Fixture {
        Objects.requireNonNull(name, "name");
        migrations = List.copyOf(migrations);
        releases = List.copyOf(releases);
        Objects.requireNonNull(historyTable, "historyTable");
    }

    /**
     * An application folder laid out as examples/starpunk: {@code migrations/} (required), {@code schema.sql} and
     * {@code old/*.sql} (optional). Legacy history is taken to record every version.
     */
    public static Fixture folder(Path app) {
        Path migrations = app.resolve("migrations");
        if (!Files.isDirectory(migrations)) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, app + " has no migrations/ folder; an application folder"
                    + " holds migrations/, and optionally schema.sql and old/*.sql");
        }
        Path schema = app.resolve("schema.sql");
        Path old = app.resolve("old");
        return new Fixture(app.getFileName() == null ? "app" : app.getFileName().toString(),
                MigrationFile.readFolder(migrations), Files.isRegularFile(schema) ? Baseline.read(schema) : null,
                Files.isDirectory(old) ? Baseline.readFolder(old) : List.of(), Long.MIN_VALUE,
                StateBuilder.DEFAULT_HISTORY_TABLE);
    }

    /**
     * The StarPunk example (examples/starpunk), as bundled with this module so the catalogue runs anywhere. Its
     * older runner never knew migration 000, so its legacy history starts at 001.
     */
    public static Fixture starpunk() {
        List<MigrationFile> migrations = new ArrayList<>();
        List<Baseline> releases = new ArrayList<>();
        Baseline baseline = null;
        for (String file : resource("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String text = resource(file);
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (file.startsWith("migrations/")) {
                migrations.add(new MigrationFile(Long.parseLong(base.substring(0, base.indexOf('_'))), base, text));
            } else if (file.startsWith("old/")) {
                releases.add(new Baseline(base.replaceFirst("\\.sql$", ""), text));
            } else if (file.equals("schema.sql")) {
                baseline = new Baseline("schema", text);
            }
        }
        migrations.sort((a, b) -> Long.compare(a.version(), b.version()));
        return new Fixture("starpunk", migrations, baseline, releases, 1, StateBuilder.DEFAULT_HISTORY_TABLE);
    }

    private static String resource(String file) {
        try (InputStream in = Fixture.class.getResourceAsStream(STARPUNK + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled starpunk example lacks " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #writeTo} put the fixture: the migration folder, and the baseline file or null. */
    public record OnDisk(Path migrations, Path baseline) {
    }

    /** With another legacy-history start. */
    public Fixture withLegacyHistoryFrom(long version) {
        return new Fixture(name, migrations, baseline, releases, version, historyTable);
    }

    /** The older release with this name (its file name without {@code .sql}, e.g. {@code v1.1-schema}). */
    public Baseline release(String releaseName) {
        for (Baseline b : releases) {
            if (b.name().equals(releaseName)) {
                return b;
            }
        }
        throw new ConvergeException(ErrorCode.BAD_INPUT, "fixture " + name + " has no release " + releaseName
                + "; it has " + releases.stream().map(Baseline::name).toList());
    }

    /** A state builder over the fixture's files as they are (states are built from the unedited migrations). */
    public StateBuilder stateBuilder() {
        StateBuilder b = StateBuilder.of(migrations).withReleases(releases).withHistoryTable(historyTable)
                .withLegacyHistoryFrom(legacyHistoryFrom);
        return baseline == null ? b : b.withBaseline(baseline);
    }

    /**
     * Writes {@code dir/migrations/} (with the edits applied) and, when there is a baseline, {@code dir/schema.sql};
     * returns what it wrote.
     */
    public OnDisk writeTo(Path dir, List<FileEdit> edits) {
        return writeTo(dir.resolve("migrations"), dir.resolve("schema.sql"), edits);
    }

    /** Writes the migration files (with the edits applied) into {@code folder}, and the baseline, if any, to {@code schema}. */
    public OnDisk writeTo(Path folder, Path schema, List<FileEdit> edits) {
        try {
            Files.createDirectories(folder);
            List<MigrationFile> files = new ArrayList<>(migrations);
            for (FileEdit e : edits) {
                files = e.apply(files);
            }
            for (MigrationFile m : files) {
                Files.writeString(folder.resolve(m.fileName()), m.text(), StandardCharsets.UTF_8);
            }
            if (baseline == null) {
                return new OnDisk(folder, null);
            }
            Files.writeString(schema, baseline.text(), StandardCharsets.UTF_8);
            return new OnDisk(folder, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixture " + name + " to " + folder, e);
        }
    }

    /** The text of one migration file. */
    public String text(String fileName) {
        for (MigrationFile m : migrations) {
            if (m.fileName().equals(fileName)) {
                return m.text();
            }
        }
        throw new ConvergeException(ErrorCode.BAD_INPUT, "fixture " + name + " has no migration " + fileName
                + "; it has " + migrations.stream().map(MigrationFile::fileName).toList());
    }
}
