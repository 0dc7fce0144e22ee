package dev.converge.scenarios.properties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each kind of generated thing appeared ("step ADD_COLUMN", "state HALF_APPLIED", "outcome REFUSED"…), so
 * that a property class can fail when its generator quietly stopped exercising a kind. Thread-safe.
 */
final class Coverage {
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    synchronized int get(String key) {
        return counts.getOrDefault(key, 0);
    }

    /** The expected keys that never appeared. */
    synchronized List<String> missing(Collection<String> expected) {
        List<String> out = new ArrayList<>();
        for (String k : expected) {
            if (!counts.containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every step kind. */
    static List<String> stepKinds() {
        List<String> out = new ArrayList<>();
        for (StepKind k : StepKind.values()) {
            out.add("step " + k);
        }
        return out;
    }

    /** Every state kind. */
    static List<String> stateKinds() {
        List<String> out = new ArrayList<>();
        for (dev.converge.scenarios.state.State.Kind k : dev.converge.scenarios.state.State.Kind.values()) {
            out.add("state " + k);
        }
        return out;
    }

    /** Fails, naming them and showing every count, when an expected kind never appeared. */
    void assertSeen(String what, Collection<String> expected) {
        List<String> missing = missing(expected);
        if (!missing.isEmpty()) {
            throw new AssertionError(what + ": the generator never produced " + missing + "; counts: " + this);
        }
    }

    @Override
    public synchronized String toString() {
        return counts.toString();
    }
}
