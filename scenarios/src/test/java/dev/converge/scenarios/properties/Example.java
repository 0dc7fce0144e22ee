package dev.converge.scenarios.properties;

import dev.converge.scenarios.state.Drift;
import dev.converge.scenarios.state.State;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

import java.util.List;

/**
 * One example of a property: a chain, which of its database states to start from (a kind and an index among the
 * builder's states of that kind, so that it shrinks towards the simplest state), and a failure point for the
 * properties that inject one. After shrinking the state is pinned by name, so that dropping migrations keeps it.
 *
 * @param chain       the migration chain
 * @param kindPick    which state kind, from 0 to 7 ({@link State.Kind}); a kind the chain has no state of moves on
 * @param statePick   which state of that kind, modulo their number
 * @param failurePick which statement to fail at, modulo the number of statements the run executes
 * @param pinned      a state name that overrides the picks, or null
 */
record Example(Chain chain, int kindPick, int statePick, int failurePick, String pinned) {

    static Gen<Example> examples(Coverage coverage) {
        Gen<Chain> chains = ChainGenerator.chains(coverage);
        return in -> new Example(chains.generate(in), (int) in.next(Constraint.between(0, State.Kind.values().length - 1)),
                (int) in.next(Constraint.between(0, 999)), (int) in.next(Constraint.between(0, 999)), null);
    }

    /** The builder's states for this chain that can be built: drifted(missing index) needs an index. */
    List<State> states() {
        boolean hasIndex = chain.baseline().contains(" INDEX ");
        return chain.builder().allStates().stream()
                .filter(s -> s.kind() != State.Kind.DRIFTED || s.drift() != Drift.MISSING_INDEX || hasIndex).toList();
    }

    /** The state this example starts from; null when a pinned state does not exist for this chain. */
    State state() {
        List<State> all = states();
        if (pinned != null) {
            return all.stream().filter(s -> s.name().equals(pinned)).findFirst().orElse(null);
        }
        State.Kind[] kinds = State.Kind.values();
        for (int offset = 0; offset < kinds.length; offset++) {
            State.Kind kind = kinds[(kindPick + offset) % kinds.length];
            List<State> of = all.stream().filter(s -> s.kind() == kind).toList();
            if (!of.isEmpty()) {
                return of.get(statePick % of.size());
            }
        }
        throw new IllegalStateException("a chain without states");
    }

    Example withChain(Chain c) {
        return new Example(c, kindPick, statePick, failurePick, pinned);
    }

    Example pinnedState() {
        State s = state();
        return new Example(chain, kindPick, statePick, failurePick, s == null ? pinned : s.name());
    }

    @Override
    public String toString() {
        State s = state();
        return "state " + (s == null ? pinned + " (missing)" : s.name()) + ", failure pick " + failurePick
                + ", " + chain.migrations().size() + " migration(s):\n" + chain;
    }
}
