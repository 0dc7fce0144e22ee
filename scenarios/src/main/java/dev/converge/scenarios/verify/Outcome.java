package dev.converge.scenarios.verify;

import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.State;

import java.util.List;

/**
 * What happened to one database state: it converged (with the {@code how} of every step), or was refused (with the
 * error code, and the database unchanged), or a guarantee failed (with the reasons).
 *
 * @param state    the state
 * @param result   converged, refused, or failed
 * @param hows     for a converged state, per migration the {@code how} recorded by this run ("3:completed"…)
 * @param refusal  for a refused state, the error code
 * @param message  the refusal message, or the failures joined, or a one-line summary
 * @param failures the guarantees that did not hold (empty unless FAILED)
 * @param millis   time taken by the engine (plan + migrate + second migrate)
 */
public record Outcome(State state, Result result, List<String> hows, ErrorCode refusal, String message,
                      List<String> failures, long millis) {

    public Outcome {
        hows = List.copyOf(hows);
        failures = List.copyOf(failures);
    }

    /** The three results of a state. */
    public enum Result {
        /** migrate() reached the target, lost nothing, and a second run took the fast path. */
        CONVERGED,
        /** migrate() refused before changing anything, and nothing changed. */
        REFUSED,
        /** A guarantee did not hold; see {@link #failures()}. */
        FAILED
    }

    public boolean ok() {
        return result != Result.FAILED;
    }
}
