package dev.converge.arch.good.apply;

/** Fixture: apply uses detect, history, inspect, and JDBC. */
public class Runner {
    dev.converge.arch.good.detect.Detector detector;
    dev.converge.arch.good.history.History history;
    java.sql.Connection connection;
}
