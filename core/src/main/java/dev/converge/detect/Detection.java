package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.source.Version;

import java.util.List;
import java.util.Optional;

/**
 * The detector's result: a status per migration and per history row without a file (by version), the version F up to
 * which the database is in place, the live objects that no migration names, and the views and triggers that stand
 * ahead of the first migration this run executes (as only later migrations make them: a baseline created them early).
 * Those hold no rows; they are put back as they stand where that migration starts, and the later migrations re-make
 * them, since an early view or trigger can break, or be rewritten by, the ALTER TABLE statements in between.
 */
public record Detection(List<MigrationStatus> statuses, Version inPlaceUpTo, List<ObjectId> unmanaged,
                        List<ObjectId> ahead) {
    public Detection {
        statuses = List.copyOf(statuses);
        unmanaged = List.copyOf(unmanaged);
        ahead = List.copyOf(ahead);
    }

    public Detection(List<MigrationStatus> statuses, Version inPlaceUpTo, List<ObjectId> unmanaged) {
        this(statuses, inPlaceUpTo, unmanaged, List.of());
    }

    public Optional<MigrationStatus> status(Version v) {
        return statuses.stream().filter(s -> s.version().equals(v)).findFirst();
    }

    public MigrationState state(long version) {
        return status(Version.of(version)).map(MigrationStatus::state).orElse(null);
    }
}
