package dev.converge.arch.good.schema;

/** Fixture: schema uses sql. */
public class Model {
    dev.converge.arch.good.sql.Statement statement;
}
