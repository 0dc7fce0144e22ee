package dev.converge.maven;

import dev.converge.LintReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.util.stream.Collectors;

/** {@code converge:lint}: checks the migrations and the baseline without a database; fails the build on errors. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE)
public final class LintMojo extends ConvergeMojo {
    @Override
    void run() throws MojoFailureException {
        report(configured().loadForLint().lint(), migrations, getLog());
        getLog().info("Converge lint: " + migrations + " is clean");
    }

    /** Warnings and notes as warnings; errors fail the build, each named with its file and line. */
    static void report(LintReport report, File migrations, Log log) throws MojoFailureException {
        for (LintReport.Finding f : report.findings()) {
            if (f.severity() != LintReport.Severity.ERROR) {
                log.warn("Converge lint: " + f);
            }
        }
        if (!report.ok()) {
            throw new MojoFailureException("Converge lint: " + report.errors().size() + " error(s) in " + migrations
                    + ":\n" + report.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }
}
