package dev.converge.cli;

import dev.converge.scenarios.catalogue.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code converge reproduce NAME}: builds a catalogue scenario, prints the plan, runs the engine, verifies. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "Build a named scenario, print the plan, run the engine, and verify the outcome.")
final class ReproduceCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--catalogue", paramLabel = "DIR", description = "Also use the captured entries in DIR.")
    Path catalogueDir;

    @Override
    int execute() {
        Verdict v = ScenarioCommand.catalogue(catalogueDir).reproduce(name, io().out());
        io().out().println(v.passed() ? "as expected" : "NOT as expected");
        return v.passed() ? 0 : 1;
    }
}
