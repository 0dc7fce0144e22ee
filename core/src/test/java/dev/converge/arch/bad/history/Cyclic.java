package dev.converge.arch.bad.history;

/** Fixture, breaks the cycle rule with detect.Cyclic. */
public class Cyclic {
    dev.converge.arch.bad.detect.Cyclic detect;
}
