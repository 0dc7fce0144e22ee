package dev.converge.arch.good.detect;

/** Fixture: the pure detector uses schema, inspect, history, source, but no JDBC. */
public class Detector {
    dev.converge.arch.good.schema.Model model;
    dev.converge.arch.good.sqlite.Inspector inspector;
    dev.converge.arch.good.history.History history;
    dev.converge.arch.good.source.Migration migration;
    Reference reference;
}
