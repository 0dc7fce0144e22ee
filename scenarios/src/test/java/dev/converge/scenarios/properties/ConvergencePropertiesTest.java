package dev.converge.scenarios.properties;

import dev.converge.scenarios.state.State;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Guarantees 1–4 of DESIGN.md §5 on generated chains: from any database state the builder makes for a generated
 * chain (filled with rows), {@code migrate()} converges to S_n with complete history, loses no row, a second run
 * takes the fast path and changes nothing, and {@code plan()} predicted exactly what ran — all proven by the
 * {@link Verifier}. A refusal must change nothing, and is only acceptable for {@code prefix(k)+baseline(B)}: every
 * other state is a point of the migrations' own timeline (or a drift the design says is repaired or tolerated).
 */
class ConvergencePropertiesTest {
    private static final Coverage COVERAGE = new Coverage();
    private static final List<String> REFUSALS = new ArrayList<>();

    @TempDir
    static Path work;

    @Test
    void fromEveryStateMigrateConvergesLosesNothingIsIdempotentAndPlansHonestly() {
        PropertyCheck.check("from every state, migrate converges, loses nothing, is idempotent and plans honestly",
                PropertyCheck.examples(100), Example.examples(COVERAGE), ConvergencePropertiesTest::converges);
    }

    static void converges(Example ex) {
        State state = ex.state();
        COVERAGE.count("state " + state.kind());
        Path dir = Workspace.fresh(work);
        Chain.Written w = ex.chain().write(dir);
        Outcome o = new Verifier(w.migrations(), w.baseline(), ex.chain().builder()).verify(state, dir.resolve("db.sqlite"));
        COVERAGE.count("outcome " + o.result());
        switch (o.result()) {
            case FAILED -> throw new AssertionError(String.join("; ", o.failures()));
            case REFUSED -> {
                if (state.kind() != State.Kind.PREFIX_PLUS_BASELINE) {
                    throw new AssertionError("convergence: refused " + state.name() + ", a state on the migrations'"
                            + " own timeline, with " + o.refusal() + ": " + o.message());
                }
                synchronized (REFUSALS) {
                    REFUSALS.add(state.name() + ": " + o.refusal() + ": " + o.message().lines().skip(1).findFirst().orElse(""));
                }
            }
            case CONVERGED -> {
            }
        }
        Workspace.delete(dir);
    }

    @AfterAll
    static void everyKindAppeared() {
        System.out.println("convergence properties: " + COVERAGE);
        REFUSALS.forEach(r -> System.out.println("  refused (allowed for prefix+baseline): " + r));
        COVERAGE.assertSeen("convergence", Coverage.stateKinds());
        COVERAGE.assertSeen("convergence", Coverage.stepKinds());
    }
}
