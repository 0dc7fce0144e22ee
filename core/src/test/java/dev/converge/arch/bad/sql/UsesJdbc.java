package dev.converge.arch.bad.sql;

/** Fixture, breaks the JDBC rule: sql is pure. */
public class UsesJdbc {
    java.sql.Connection connection;
}
