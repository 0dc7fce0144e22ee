package dev.converge.arch.good;

/** Fixture: the root package, which may use every package. */
public class Entry {
    dev.converge.arch.good.apply.Runner runner;
    java.sql.Connection connection;
}
