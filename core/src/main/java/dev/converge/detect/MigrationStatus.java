package dev.converge.detect;

import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.source.Migration;
import dev.converge.source.Version;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The detector's verdict on one migration (or on one history row without a file): one record per kind of verdict,
 * each carrying only its own data. Every verdict has a version, a name (the file's, or history's when the file is
 * missing), a {@link MigrationState}, a reason, the migration (null for a history row without a file) and its history
 * row (null when not recorded).
 */
public sealed interface MigrationStatus permits MigrationStatus.Plain, MigrationStatus.Unrecorded {

    Version version();

    String name();

    MigrationState state();

    Reason reason();

    Migration migration();

    HistoryEntry entry();

    default boolean recorded() {
        return entry() != null;
    }

    /** The verdict {@code state} for {@code m}, unrecorded, with nothing beyond its state and reason. */
    static MigrationStatus of(Migration m, MigrationState state, Reason reason) {
        return switch (state) {
            case UNCERTAIN -> new Uncertain(m.version(), m.name(), reason, m, 0);
            case CONFLICT -> new Conflict(m.version(), m.name(), reason, m, false);
            default -> new Plain(m.version(), m.name(), state, reason, m, null);
        };
    }

    /**
     * A verdict whose state says everything: APPLIED, PRESENT, ABSENT, PARTIAL, CHECKSUM_MISMATCH, MISSING or FUTURE.
     */
    record Plain(Version version, String name, MigrationState state, Reason reason, Migration migration,
                 HistoryEntry entry) implements MigrationStatus {
        private static final Set<MigrationState> STATES = EnumSet.of(MigrationState.APPLIED, MigrationState.PRESENT,
                MigrationState.ABSENT, MigrationState.PARTIAL, MigrationState.CHECKSUM_MISMATCH, MigrationState.MISSING,
                MigrationState.FUTURE);

        public Plain {
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException(state + " carries data of its own: use its record");
            }
        }
    }

    /** A verdict that only an unrecorded migration gets: it has no history row. */
    sealed interface Unrecorded extends MigrationStatus permits HalfApplied, Uncertain, Conflict, OutOfOrder {
        @Override
        default HistoryEntry entry() {
            return null;
        }
    }

    /**
     * HALF_APPLIED: interrupted inside the migration.
     *
     * @param resumeAfter the number of its statements already applied
     * @param temporaries temporary objects to drop before running it whole
     */
    record HalfApplied(Version version, String name, Reason reason, Migration migration, int resumeAfter,
                       List<ObjectId> temporaries) implements Unrecorded {
        public HalfApplied {
            temporaries = List.copyOf(temporaries);
        }

        @Override
        public MigrationState state() {
            return MigrationState.HALF_APPLIED;
        }

    }

    /**
     * UNCERTAIN: the schema cannot show whether its data statements ran.
     *
     * @param dataFrom the number of its leading statements whose (schema) effects hold; the statements from there on
     *                 are the uncertain data. 0 when the whole migration is uncertain.
     */
    record Uncertain(Version version, String name, Reason reason, Migration migration, int dataFrom)
            implements Unrecorded {
        @Override
        public MigrationState state() {
            return MigrationState.UNCERTAIN;
        }

    }

    /**
     * CONFLICT: objects it touches match no point of the reference.
     *
     * @param replaces true when its own statements drop and re-create every conflicting object
     */
    record Conflict(Version version, String name, Reason reason, Migration migration, boolean replaces)
            implements Unrecorded {
        @Override
        public MigrationState state() {
            return MigrationState.CONFLICT;
        }

    }

    /**
     * OUT_OF_ORDER: unrecorded, older than the newest recorded migration, and not present.
     *
     * @param underlying the verdict it would have otherwise (what runs when out-of-order is allowed)
     */
    record OutOfOrder(Reason reason, MigrationStatus underlying) implements Unrecorded {
        @Override
        public Version version() {
            return underlying.version();
        }

        @Override
        public String name() {
            return underlying.name();
        }

        @Override
        public MigrationState state() {
            return MigrationState.OUT_OF_ORDER;
        }

        @Override
        public Migration migration() {
            return underlying.migration();
        }

    }
}
