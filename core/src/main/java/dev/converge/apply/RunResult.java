package dev.converge.apply;

import dev.converge.detect.Step;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param fastPath true when the database was up to date and only history was read
 * @param done     the steps that changed the database, in order
 * @param notes    what was reported but not refused (drift, unmanaged objects)
 * @param millis   wall time of the run
 */
public record RunResult(boolean fastPath, List<Step> done, List<String> notes, long millis) {
    public RunResult {
        done = List.copyOf(done);
        notes = List.copyOf(notes);
    }

    /** True when nothing was changed. */
    public boolean unchanged() {
        return done.isEmpty();
    }
}
