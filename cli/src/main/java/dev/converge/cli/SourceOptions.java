package dev.converge.cli;

import dev.converge.Converge;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the migrations (and the optional baseline) are: the options every command takes. */
final class SourceOptions {
    @Option(names = "--migrations", required = true, paramLabel = "DIR",
            description = "The folder of NNN_name.sql migration files.")
    Path migrations;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The full-schema script, used to create an empty database in one step and checked by lint.")
    Path baseline;

    @Option(names = "--reference-cache", paramLabel = "DIR",
            description = "Keep the replayed migrations in DIR, so the next run need not replay them (verified on load).")
    Path referenceCache;

    Converge.Builder applyTo(Converge.Builder b) {
        b.migrations(migrations);
        b.referenceCache(referenceCache);
        if (baseline != null) {
            b.baseline(baseline);
        }
        return b;
    }
}
