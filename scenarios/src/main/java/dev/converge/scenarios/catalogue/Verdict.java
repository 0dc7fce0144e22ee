package dev.converge.scenarios.catalogue;

import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.scenarios.verify.Outcome;

import java.util.List;
import java.util.Map;

/**
 * What came of running one scenario: the plan made on the state as built, the verification's outcome, the history
 * afterwards, and every way the result differs from what the scenario expects.
 *
 * @param scenario   the scenario
 * @param plan       the plan of the state as built and filled, or null when planning threw
 * @param planError  what planning threw, or null
 * @param outcome    the verification of DESIGN.md §5
 * @param history    when it converged, version → {@code how} in history afterwards
 * @param mismatches the differences from what was expected, and the guarantees that failed; empty when it passed
 */
public record Verdict(Scenario scenario, Plan plan, ConvergeException planError, Outcome outcome,
                      Map<Long, String> history, List<String> mismatches) {

    public Verdict {
        history = Map.copyOf(history);
        mismatches = List.copyOf(mismatches);
    }

    /** True when every guarantee held and the result is the expected one. */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** One line: the scenario, passed or not, and the first mismatch. */
    public String summary() {
        return scenario.name() + ": " + (passed() ? "as expected (" + scenario.expected() + ")"
                : "NOT as expected: " + String.join("; ", mismatches));
    }
}
