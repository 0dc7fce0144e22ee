package dev.converge.arch.bad.source;

/** Fixture, breaks the dependency rule: nothing may use the root package. */
public class UsesRoot {
    dev.converge.arch.bad.Entry entry;
}
