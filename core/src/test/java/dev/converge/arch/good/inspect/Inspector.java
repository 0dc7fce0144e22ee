package dev.converge.arch.good.inspect;

/** Fixture: inspect uses schema and JDBC. */
public class Inspector {
    dev.converge.arch.good.schema.Model read(java.sql.Connection c) {
        return new dev.converge.arch.good.schema.Model();
    }
}
