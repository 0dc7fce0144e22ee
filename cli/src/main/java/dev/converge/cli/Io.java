package dev.converge.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, errors and progress to {@code err}. {@code interactive} says a person
 * is watching (a console is attached), which is when progress is shown.
 */
record Io(PrintStream out, PrintStream err, boolean interactive) {
}
