package dev.converge.arch.good.history;

/** Fixture: history uses source and JDBC. */
public class History {
    dev.converge.arch.good.source.Migration migration;
    java.sql.Connection connection;
}
