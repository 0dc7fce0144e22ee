package dev.converge.detect;

import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.source.Migration;
import dev.converge.source.Version;

import java.util.List;

/**
 * The detector's verdict on one migration (or on one history row without a file).
 *
 * @param version       the version
 * @param name          the file name (from history when the file is missing)
 * @param state         its state
 * @param reason        why
 * @param migration     the migration, or null for a history row without a file
 * @param entry         its history row, or null when not recorded
 * @param resumeAfter   for {@link MigrationState#HALF_APPLIED}: the number of its statements already applied
 * @param temporaries   for {@link MigrationState#HALF_APPLIED}: temporary objects to drop before running it whole
 * @param replaces      for {@link MigrationState#CONFLICT}: true when its own statements replace every conflicting object
 * @param underlying    for OUT_OF_ORDER: the state it would have otherwise (what runs when out-of-order is allowed)
 */
public record MigrationStatus(Version version, String name, MigrationState state, Reason reason, Migration migration,
                              HistoryEntry entry, int resumeAfter, List<ObjectId> temporaries, boolean replaces,
                              MigrationState underlying) {

    public MigrationStatus {
        temporaries = List.copyOf(temporaries);
    }

    public boolean recorded() {
        return entry != null;
    }
}
