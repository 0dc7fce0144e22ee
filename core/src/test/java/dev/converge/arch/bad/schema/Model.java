package dev.converge.arch.bad.schema;

/** Fixture: a clean schema class. */
public class Model {
}
