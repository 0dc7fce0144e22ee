package dev.converge.arch.bad.util;

/** Fixture, breaks the known-packages rule: util is no package of the design. */
public class Stray {
}
