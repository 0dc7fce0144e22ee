package dev.converge.scenarios.verify;

/**
 * Where a state sits relative to the migration set's own timeline, which decides what a refusal of it means. A state
 * ON the timeline is one that running the set's own files (whole, interrupted, from an older release, or with the
 * history lost) leaves behind: Converge must converge it, and a refusal there is a failure. A state OFF the timeline
 * holds something no run of the migrations makes (drift, an unknown column, a baseline run beside a populated
 * source): refusing it cleanly, before any change, is a correct answer.
 *
 * @param onTimeline true when the state must converge
 * @param why        why: for a state on the timeline, which point it is; off it, why refusing is right
 */
public record Placement(boolean onTimeline, String why) {
    static Placement on(String why) {
        return new Placement(true, why);
    }

    static Placement off(String why) {
        return new Placement(false, why);
    }
}
