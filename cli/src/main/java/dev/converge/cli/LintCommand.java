package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code converge lint}: static checks of the migrations and baseline; needs no database. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check the migrations and the baseline without a database; exit 1 on errors.")
final class LintCommand extends Subcommand {
    @Mixin
    SourceOptions source;

    @Option(names = "--json", description = "Write the findings as JSON.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }

    @Override
    int execute() {
        LintReport report = source.applyTo(Converge.configure()).loadForLint().lint();
        if (json) {
            io().out().println(Json.write(JsonReports.lint(report)));
        } else {
            print(report);
        }
        return report.ok() ? 0 : ErrorCode.LINT_FAILED.exitStatus();
    }

    private void print(LintReport report) {
        PrintStream out = io().out();
        int[] counts = new int[LintReport.Severity.values().length];
        for (LintReport.Finding f : report.findings()) {
            counts[f.severity().ordinal()]++;
            out.println(f);
        }
        out.println("lint: " + (report.ok() ? "ok" : "failed") + " ("
                + PlanText.count(counts[LintReport.Severity.ERROR.ordinal()], "error") + ", "
                + PlanText.count(counts[LintReport.Severity.WARNING.ordinal()], "warning") + ", "
                + PlanText.count(counts[LintReport.Severity.NOTE.ordinal()], "note") + ")");
    }
}
