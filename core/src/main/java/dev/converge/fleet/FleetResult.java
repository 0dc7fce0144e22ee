package dev.converge.fleet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every database of a fleet run, in the order they were listed.
 *
 * @param outcomes one per database
 * @param millis   wall time of the whole run
 */
public record FleetResult(List<DatabaseOutcome> outcomes, long millis) {
    public FleetResult {
        outcomes = List.copyOf(outcomes);
    }

    /** How many databases ended with each outcome; every outcome is a key, with 0 when none. */
    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        for (DatabaseOutcome d : outcomes) {
            counts.merge(d.outcome(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The exit status of the run: the highest of the databases' — 0 when every database converged, 1 when some were
     * refused (or locked) and none worse, 2 bad input about a database (a missing file), 3 when some stopped part-way,
     * 4 on an internal error. Databases skipped by {@code --fail-fast} add nothing: the failure that stopped the run
     * already sets the status.
     */
    public int exitStatus() {
        int status = 0;
        for (DatabaseOutcome d : outcomes) {
            status = Math.max(status, d.exitStatus());
        }
        return status;
    }

    /** True when every database is at the target schema. */
    public boolean allConverged() {
        return outcomes.stream().allMatch(d -> d.outcome().converged());
    }
}
