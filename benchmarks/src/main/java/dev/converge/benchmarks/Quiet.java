package dev.converge.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps peers' INFO logging out of the measurements (a log line per run would be measured as the peer's cost). */
final class Quiet {
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static final Logger CONVERGE = Logger.getLogger("dev.converge");

    private Quiet() {
    }

    static void flyway() {
        FLYWAY.setLevel(Level.WARNING);
        CONVERGE.setLevel(Level.WARNING); // and Converge's own INFO line per run, so both pay the same
    }
}
