package dev.converge.arch.good.detect;

/** Fixture: Reference may use JDBC, and so may its nested classes. */
public class Reference {
    java.sql.Connection connection;

    /** Nested in Reference. */
    public static class Replay {
        java.sql.Statement statement;
    }
}
