package dev.converge.scenarios.properties;

import dev.converge.detect.Reference;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.MigrationFile;
import dev.converge.scenarios.state.StateBuilder;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated migration chain: its migrations (files {@code NNN_name.sql}), the baseline that creates its target
 * S_n in one script, and an older release's full schema (S_k of a version k before the last) for legacy states.
 * {@link #toString()} is the SQL of the files, so a failing chain reads like a script.
 *
 * @param migrations     in version order; versions keep gaps after shrinking
 * @param baseline       today's full schema (S_n)
 * @param releaseVersion the k whose schema S_k {@code release} is
 * @param release        an older release's full schema
 */
record Chain(List<Migration> migrations, String baseline, long releaseVersion, String release) {

    static final String BASELINE_NAME = "schema";
    static final String RELEASE_NAME = "release";

    Chain {
        migrations = List.copyOf(migrations);
    }

    /** One generated migration file. */
    record Migration(long version, String name, List<ChainStep> steps) {
        Migration {
            steps = List.copyOf(steps);
        }

        String fileName() {
            return String.format("%03d_%s.sql", version, name);
        }

        List<String> statements() {
            List<String> out = new ArrayList<>();
            steps.forEach(s -> out.addAll(s.statements()));
            return out;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (String s : statements()) {
                sb.append(s).append(";\n");
            }
            return sb.toString();
        }
    }

    List<MigrationFile> files() {
        return migrations.stream().map(m -> new MigrationFile(m.version(), m.fileName(), m.text())).toList();
    }

    int statementCount() {
        return migrations.stream().mapToInt(m -> m.statements().size()).sum();
    }

    /** The builder of every database state of DESIGN.md §6 for this chain, its baseline and its release. */
    StateBuilder builder() {
        return StateBuilder.of(files()).withBaseline(new Baseline(BASELINE_NAME, baseline))
                .withReleases(List.of(new Baseline(RELEASE_NAME, release)));
    }

    /** Writes the migrations to {@code dir/migrations} and the baseline to {@code dir/schema.sql}. */
    Written write(Path dir) {
        try {
            Path folder = Files.createDirectories(dir.resolve("migrations"));
            for (Migration m : migrations) {
                Files.writeString(folder.resolve(m.fileName()), m.text(), StandardCharsets.UTF_8);
            }
            Path schema = Files.writeString(dir.resolve(BASELINE_NAME + ".sql"), baseline, StandardCharsets.UTF_8);
            return new Written(folder, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a chain was written. */
    record Written(Path migrations, Path baseline) {
    }

    /**
     * Null when every migration runs, in order, on an empty in-memory database (whole files through
     * {@code sqlite3_exec}, with the reference's pragmas); else what failed.
     */
    String replayFailure() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Reference.Settings.apply(c);
            for (Migration m : migrations) {
                try {
                    ((SQLiteConnection) c).getDatabase()._exec(m.text());
                } catch (SQLException e) {
                    return m.fileName() + ": " + e.getMessage();
                }
            }
            return null;
        } catch (SQLException e) {
            return "cannot open an in-memory database: " + e.getMessage();
        }
    }

    /** Other migrations, the same baselines (re-derive them before use). */
    Chain withMigrations(List<Migration> other) {
        return new Chain(other, baseline, releaseVersion, release);
    }

    /** With the {@code i}-th migration replaced. */
    Chain withMigration(int i, Migration replacement) {
        List<Migration> other = new ArrayList<>(migrations);
        other.set(i, replacement);
        return withMigrations(other);
    }

    /** The same migrations with other baseline texts. */
    Chain withBaselines(String newBaseline, long newReleaseVersion, String newRelease) {
        return new Chain(migrations, newBaseline, newReleaseVersion, newRelease);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Migration m : migrations) {
            sb.append("-- ").append(m.fileName()).append('\n').append(m.text());
        }
        return sb.toString();
    }
}
