package dev.converge.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every database of a fleet stands, before migrating: the spread an operator wants to see.
 *
 * @param positions one per database, in the order they were listed
 * @param millis    wall time of the survey
 */
public record Survey(List<Position> positions, long millis) {
    private static final Comparator<Position> TIMELINE = Comparator
            .comparing((Position p) -> p.code() != null)
            .thenComparing(p -> p.pending() == 0)
            .thenComparing(p -> p.inPlaceUpTo() == null ? -1 : p.inPlaceUpTo().value())
            .thenComparing(Position::group);

    public Survey {
        positions = List.copyOf(positions);
    }

    /**
     * How many databases are in each {@link Position#group()}: first those with steps to run, from the earliest point
     * of the timeline to the latest, then the up-to-date ones, then the refused and failed ones.
     */
    public Map<String, Integer> groups() {
        List<Position> sorted = new ArrayList<>(positions);
        sorted.sort(TIMELINE);
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Position p : sorted) {
            groups.merge(p.group(), 1, Integer::sum);
        }
        return groups;
    }

    /** The exit status of {@code status} or {@code plan} over the fleet: the highest any database would give. */
    public int exitStatus() {
        int status = 0;
        for (Position p : positions) {
            status = Math.max(status, p.code() == null ? 0 : p.code().exitStatus());
        }
        return status;
    }
}
