package dev.converge.arch.bad.sql;

/** Fixture, breaks the dependency rule: sql must not use schema. */
public class UsesSchema {
    dev.converge.arch.bad.schema.Model model;
}
