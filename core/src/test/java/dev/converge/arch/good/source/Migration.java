package dev.converge.arch.good.source;

/** Fixture: source uses sql and error. */
public class Migration {
    dev.converge.arch.good.sql.Statement statement;
    dev.converge.arch.good.error.Failure failure;
}
