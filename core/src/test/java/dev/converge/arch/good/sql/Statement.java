package dev.converge.arch.good.sql;

/** Fixture: sql uses only error. */
public class Statement {
    dev.converge.arch.good.error.Failure failure;
}
