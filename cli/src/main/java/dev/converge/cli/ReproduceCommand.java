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

    @Option(names = "--json", description = "Write the report and the verdict as JSON.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }

    @Override
    int execute() {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = json ? new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8)
                : io().out();
        Verdict v = ScenarioCommand.catalogue(catalogueDir).reproduce(name, out);
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("format", JsonReports.FORMAT);
            m.put("command", "reproduce");
            m.put("scenario", name);
            m.put("asExpected", v.passed());
            m.put("report", text.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
            io().out().println(Json.write(m));
        } else {
            io().out().println(v.passed() ? "as expected" : "NOT as expected");
        }
        return v.passed() ? 0 : 1;
    }
}
