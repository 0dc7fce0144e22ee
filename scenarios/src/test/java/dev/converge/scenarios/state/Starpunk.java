package dev.converge.scenarios.state;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example application of examples/starpunk, found from the module's working directory. */
final class Starpunk {
    private Starpunk() {
    }

    static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples").resolve("starpunk");
            if (Files.isDirectory(candidate.resolve("migrations"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/starpunk not found above " + Path.of("").toAbsolutePath());
    }

    static Baseline release(String name) {
        return Baseline.read(folder().resolve("old").resolve(name + ".sql"));
    }

    /** The builder the tests use: migrations, today's schema, the three old releases, legacy history from 001. */
    static StateBuilder builder() {
        Path f = folder();
        return StateBuilder.forFolder(f.resolve("migrations"))
                .withBaseline(Baseline.read(f.resolve("schema.sql")))
                .withReleases(Baseline.readFolder(f.resolve("old")))
                .withLegacyHistoryFrom(1);
    }
}
