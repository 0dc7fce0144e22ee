package dev.converge.scenarios.properties;

import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;

/**
 * Runs one property with QuickTheories under this project's rules: the seed (see {@link #seed()}) is printed in every
 * failure, a few dozen examples by default and ten times more with
 * {@code -Dconverge.long=true}, within a time cap ({@code -Dconverge.propertyCapSeconds}, 120 s by default), few
 * QuickTheories shrink cycles (each costs a whole migration run) and then the
 * {@link ChainShrinker}, whose result is the failure message: the state, the shrunk chain as SQL, what failed.
 */
final class PropertyCheck {
    private PropertyCheck() {
    }

    static boolean longRun() {
        return Boolean.getBoolean("converge.long");
    }

    /** The seed of a normal run: the same examples every time, so that CI never goes red by chance. */
    static final long DEFAULT_SEED = 20_261_129L;

    /**
     * {@code -Dconverge.seed=N} replays a failure; {@code -Dconverge.seed=random}, and every long run, draw a new seed
     * from the clock to explore; a normal run uses {@link #DEFAULT_SEED}.
     */
    static long seed() {
        String s = System.getProperty("converge.seed", "").trim();
        if (s.equalsIgnoreCase("random") || s.isEmpty() && longRun()) {
            return System.nanoTime();
        }
        return s.isEmpty() ? DEFAULT_SEED : Long.parseLong(s);
    }

    /** {@code normal} examples, or {@code normal * 10} in a long run. */
    static int examples(int normal) {
        return longRun() ? normal * 10 : normal;
    }

    /** The time cap of one property: examples drawn after it are not run (the count of those run is printed). */
    static long capMillis() {
        return Long.getLong("converge.propertyCapSeconds", longRun() ? 1_800 : 120) * 1_000;
    }

    static void check(String property, int examples, Gen<Example> gen, Consumer<Example> body) {
        long seed = seed();
        List<Example> failing = new ArrayList<>();
        long deadline = System.currentTimeMillis() + capMillis();
        int[] run = {0};
        boolean[] capped = {false};
        try {
            qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(longRun() ? 40 : 8)
                    .forAll(gen).checkAssert(ex -> {
                        if (failing.isEmpty() && System.currentTimeMillis() > deadline) {
                            capped[0] = true;
                            return; // over the cap: keep the build in its budget (shrinking a failure still runs)
                        }
                        run[0]++;
                        try {
                            body.accept(ex);
                        } catch (AssertionError | RuntimeException e) {
                            synchronized (failing) {
                                failing.add(ex);
                            }
                            throw e;
                        }
                    });
            if (capped[0]) {
                System.out.println(property + ": time cap of " + capMillis() / 1_000 + " s reached after " + run[0]
                        + " of " + examples + " examples");
            }
        } catch (AssertionError qtFailure) {
            Example smallest = failing.stream().min(Comparator.comparingInt(e -> e.chain().statementCount())).orElse(null);
            if (smallest == null) {
                throw new AssertionError(property + " does not hold (seed " + seed + ", replay with -Dconverge.seed="
                        + seed + "): " + qtFailure.getMessage(), qtFailure);
            }
            ChainShrinker.Shrunk s = ChainShrinker.shrink(smallest, body, longRun() ? 600_000 : 90_000);
            throw new AssertionError(property + " does not hold.\n"
                    + "Replay with -Dconverge.seed=" + seed + "\n"
                    + "Shrunk (" + s.tried() + " candidates tried) to " + s.example() + "\n"
                    + "What failed: " + s.failure() + "\n\n"
                    + "QuickTheories reported: " + qtFailure.getMessage(), qtFailure);
        }
    }
}
