package dev.converge.scenarios.verify;

import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.State;

import java.util.List;

/**
 * What happened to one database state: it converged (with the {@code how} of every step); or was refused cleanly
 * while off the set's timeline (with the error code, the full message, and why refusing is right); or a guarantee
 * failed (with the reasons in full — a refusal of a state on the timeline is such a failure); or it failed only
 * because of the rows in it, a data hazard of the migration set (with the finding).
 *
 * @param state     the state
 * @param result    converged, refused, failed or hazard
 * @param hows      for a converged state, per migration the {@code how} recorded by this run ("3:completed"…)
 * @param refusal   for a refused state (and a failure or hazard that began as a refusal), the error code
 * @param message   the full refusal message (SQLite's own message included), or the failures joined, or a summary
 * @param failures  the guarantees that did not hold (empty unless FAILED)
 * @param millis    time taken by the engine (plan + migrate + second migrate)
 * @param placement where the state sits on the set's timeline, and why; null for a state verified without one
 * @param hazard    the data hazard found (HAZARD only), else null
 */
public record Outcome(State state, Result result, List<String> hows, ErrorCode refusal, String message,
                      List<String> failures, long millis, Placement placement, Hazard hazard) {

    public Outcome {
        hows = List.copyOf(hows);
        failures = List.copyOf(failures);
    }

    public Outcome(State state, Result result, List<String> hows, ErrorCode refusal, String message,
                   List<String> failures, long millis) {
        this(state, result, hows, refusal, message, failures, millis, null, null);
    }

    /** The four results of a state; each says what it means and what to do. */
    public enum Result {
        /** migrate() reached the target, lost nothing, and a second run took the fast path. Nothing to do. */
        CONVERGED,
        /**
         * A state off the set's timeline (drift, objects no migration makes together) was refused before any change,
         * and nothing changed: a right answer; {@link Outcome#placement()} says why. Nothing to do.
         */
        REFUSED,
        /**
         * A guarantee did not hold, or a state on the set's own timeline was refused; see {@link #failures()}. A
         * Converge defect, or a migration set it cannot handle: report it with the state's name.
         */
        FAILED,
        /**
         * The state failed only because of the rows in it (the same state with empty tables converges): the
         * migration set would fail on a real database holding such rows, on any runner; {@link Outcome#hazard()}
         * names the statement and the fix. Fails the run only with {@code --strict}.
         */
        HAZARD
    }

    /** True unless a guarantee failed; a hazard is ok unless {@code strict}. */
    public boolean ok(boolean strict) {
        return result != Result.FAILED && !(strict && result == Result.HAZARD);
    }

    public boolean ok() {
        return ok(false);
    }

    /** Everything said about this outcome, in full, on as many lines as it takes. */
    public String detail() {
        StringBuilder sb = new StringBuilder();
        switch (result) {
            case FAILED -> sb.append(String.join("\n", failures));
            case HAZARD -> sb.append(message);
            case REFUSED -> {
                sb.append(refusal == null ? "" : refusal + ": ").append(message == null ? "" : message);
                if (placement != null) {
                    sb.append("\nwhy refusing is right: ").append(placement.why());
                }
            }
            case CONVERGED -> sb.append(message == null ? "" : message);
        }
        return sb.toString();
    }
}
