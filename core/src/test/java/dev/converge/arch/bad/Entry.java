package dev.converge.arch.bad;

/** Fixture: the root package. */
public class Entry {
}
