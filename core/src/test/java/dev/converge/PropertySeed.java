package dev.converge;

/**
 * The seed of the core module's property tests, chosen as in the scenarios module: a normal run always draws the
 * same examples, so that the build cannot go red by chance; {@code -Dconverge.seed=N} replays a failure's seed,
 * {@code -Dconverge.seed=random} (and every {@code -Dconverge.long=true} run) explores a new one from the clock.
 * QuickTheories prints the seed of a falsified property in its report.
 */
public final class PropertySeed {
    /** The seed of a normal run. */
    public static final long DEFAULT = 20_261_129L;

    private PropertySeed() {
    }

    public static long seed() {
        String s = System.getProperty("converge.seed", "").trim();
        if (s.equalsIgnoreCase("random") || s.isEmpty() && Boolean.getBoolean("converge.long")) {
            return System.nanoTime();
        }
        return s.isEmpty() ? DEFAULT : Long.parseLong(s);
    }
}
