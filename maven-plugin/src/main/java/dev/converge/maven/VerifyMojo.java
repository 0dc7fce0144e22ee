package dev.converge.maven;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code converge:verify}, bound to the {@code verify} phase: lints the migrations, then builds every database state
 * of the set (as {@code converge verify} does), migrates each and checks the guarantees. A state that converges, or is
 * refused cleanly, holds; the build fails if any state breaks a guarantee or lint finds an error.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY)
public final class VerifyMojo extends ConvergeMojo {
    /** A folder of older releases' full schemas ({@code *.sql}): adds their legacy and prefix+baseline states. */
    @Parameter(property = "converge.olderReleases")
    File olderReleases;

    /** Where the states are built; each is deleted after it is checked. */
    @Parameter(defaultValue = "${project.build.directory}/converge-verify", required = true)
    File workDirectory;

    @Override
    void run() throws MojoFailureException {
        LintMojo.report(configured().loadForLint().lint(), migrations, getLog());
        StateBuilder builder = StateBuilder.forFolder(migrations.toPath()).withHistoryTable(historyTable);
        if (baseline != null) {
            builder = builder.withBaseline(Baseline.read(baseline.toPath()));
        }
        if (olderReleases != null) {
            builder = builder.withReleases(Baseline.readFolder(olderReleases.toPath()));
        }
        Verifier verifier = new Verifier(migrations.toPath(), baseline == null ? null : baseline.toPath(), builder);
        int total = verifier.states().size();
        getLog().info("Converge: verifying " + total + " database states of " + migrations);
        Path work = workDirectory.toPath();
        List<Outcome> failed = new ArrayList<>();
        int[] counts = new int[Outcome.Result.values().length];
        try {
            Files.createDirectories(work);
            verifier.verifyAll(work, o -> {
                counts[o.result().ordinal()]++;
                String line = o.state().name() + ": " + o.result() + (o.message() == null ? "" : " " + o.message());
                if (o.ok()) {
                    getLog().debug(line);
                } else {
                    failed.add(o);
                    getLog().error(o.state().name() + ": " + String.join("; ", o.failures()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(work);
        }
        String summary = total + " states: " + counts[Outcome.Result.CONVERGED.ordinal()] + " converged, "
                + counts[Outcome.Result.REFUSED.ordinal()] + " refused, " + failed.size() + " failed";
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder("Converge verify: some guarantees do not hold (" + summary + "):");
            for (Outcome o : failed) {
                sb.append("\n  ").append(o.state().name()).append(": ").append(String.join("; ", o.failures()));
            }
            throw new MojoFailureException(sb.toString());
        }
        getLog().info("Converge verify: " + summary + ". Every guarantee holds.");
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
