package dev.converge.arch.bad.detect;

/** Fixture, breaks the cycle rule with history.Cyclic. */
public class Cyclic {
    dev.converge.arch.bad.history.Cyclic history;
}
