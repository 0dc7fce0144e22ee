package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.source.Layout;
import dev.converge.source.MigrationSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the migrations (and the optional baseline) are: the options every command takes. */
final class SourceOptions {
    @Option(names = "--migrations", required = true, paramLabel = "DIR",
            description = "The migration folder: NNN_name.sql files, or another tool's folder read as it is"
                    + " (Flyway, golang-migrate, dbmate, goose, sqlx, diesel, Prisma, drizzle).")
    Path migrations;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The folder's layout: converge, flyway, golang-migrate, dbmate, goose, sqlx, diesel, prisma"
                    + " or drizzle (default: found by looking at the folder).")
    String layout;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "A value for a Flyway ${NAME} placeholder; repeat for each.")
    Map<String, String> placeholders = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The full-schema script, used to create an empty database in one step and checked by lint.")
    Path baseline;

    @Option(names = "--reference-cache", paramLabel = "DIR",
            description = "Keep the replayed migrations in DIR, so the next run need not replay them (verified on load).")
    Path referenceCache;

    /** The migration folder as a source, in its layout. */
    MigrationSource source() {
        return MigrationSource.folder(migrations, layout == null ? null : Layout.named(layout), placeholders);
    }

    Converge.Builder applyTo(Converge.Builder b) {
        b.migrations(migrations);
        if (layout != null) {
            b.layout(Layout.named(layout));
        }
        placeholders.forEach(b::placeholder);
        b.referenceCache(referenceCache);
        if (baseline != null) {
            b.baseline(baseline);
        }
        return b;
    }
}
