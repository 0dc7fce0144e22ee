package dev.converge.arch.bad.sql;

/** Fixture, breaks the dialect rule: SQLite's driver outside the sqlite package. */
public class UsesDriver {
    org.sqlite.SQLiteConfig config;
}
