package dev.converge.maven;

import dev.converge.detect.Action;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code converge:plan}: shows what {@code migrate} would do to the configured database — per migration its state,
 * why, and the statements it would run — and changes nothing. Fails the build with Converge's message when the plan
 * is refused.
 */
@Mojo(name = "plan")
public final class PlanMojo extends ConvergeMojo {
    @Override
    void run() throws MojoFailureException {
        Plan plan = withDatabase("plan").createDatabase(false).load().plan();
        for (Step s : plan.steps()) {
            getLog().info((s.version() == null ? "-" : s.version().toString()) + "  " + s.name() + "  "
                    + (s.state() == null ? "" : s.state() + ": ") + s.action() + " (" + s.reason().summary() + ")");
            if (s.action() != Action.NOTHING && s.action() != Action.REFUSE) {
                try (dev.converge.source.StatementTexts texts = dev.converge.source.StatementTexts.of(s.migration())) {
                    s.statements().forEach(st -> getLog().info("    " + texts.of(st).text().strip()));
                }
            }
        }
        plan.notes().forEach(n -> getLog().warn("Converge: " + n));
        if (plan.refused()) {
            throw plan.refusal();
        }
        getLog().info(plan.hasWork() ? "Converge plan: " + plan.work().size() + " step(s) would change the database"
                : "Converge plan: up to date, nothing to do");
    }
}
