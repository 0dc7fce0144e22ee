package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.source.Version;

import java.util.List;
import java.util.Optional;

/**
 * The detector's result: a status per migration and per history row without a file (by version), the version F up to
 * which the database is in place, and the live objects that no migration names.
 */
public record Detection(List<MigrationStatus> statuses, Version inPlaceUpTo, List<ObjectId> unmanaged) {
    public Detection {
        statuses = List.copyOf(statuses);
        unmanaged = List.copyOf(unmanaged);
    }

    public Optional<MigrationStatus> status(Version v) {
        return statuses.stream().filter(s -> s.version().equals(v)).findFirst();
    }

    public MigrationState state(long version) {
        return status(Version.of(version)).map(MigrationStatus::state).orElse(null);
    }
}
