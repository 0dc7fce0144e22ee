package dev.converge.fleet;

/**
 * Told about a fleet run as it goes, for progress and per-database output. Called from the worker threads, one call
 * at a time (the fleet serializes them), so an implementation needs no locking of its own.
 */
public interface FleetListener {
    FleetListener NONE = outcome -> {
    };

    /** The run starts over {@code databases} databases. */
    default void started(int databases) {
    }

    /** One database is done (or skipped). */
    void finished(DatabaseOutcome outcome);
}
