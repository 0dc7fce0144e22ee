package dev.converge.arch.good.sqlite;

/** Fixture: the sqlite dialect uses schema, JDBC and SQLite's driver. */
public class Inspector {
    org.sqlite.SQLiteConfig config;

    dev.converge.arch.good.schema.Model read(java.sql.Connection c) {
        return new dev.converge.arch.good.schema.Model();
    }
}
