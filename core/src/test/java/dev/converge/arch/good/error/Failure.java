package dev.converge.arch.good.error;

/** Fixture: error depends on nothing. */
public class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
}
