package dev.converge.scenarios;

import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code converge verify}'s own judgement on the long histories' {@code prefix(k)+baseline} states (a full-schema
 * script run over a partly migrated database, with rows the application wrote into the tables it made ahead): where a
 * plain runner finishes, every row it ends with must be there after {@code migrate()}. {@link IdiomsConvergeTest}
 * compares rows only where the state has a plain continuation; the Verifier compares these too. It found a seed
 * skipped because its target already held the application's rows (docs/design.md §6, "a write safe to repeat").
 */
class IdiomsVerifyTest {
    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicContainer> prefixPlusBaselineStatesLoseNoRow() {
        AtomicInteger counter = new AtomicInteger();
        return IdiomsConvergeTest.LONG_HISTORIES.stream().map(name -> {
            Path set = IdiomsConvergeTest.idioms().resolve(name);
            StateBuilder builder = IdiomsConvergeTest.builder(set, name);
            Verifier verifier = new Verifier(set.resolve("migrations"), set.resolve("schema.sql"), builder);
            return DynamicContainer.dynamicContainer(name, builder.allStates().stream()
                    .filter(s -> s.kind() == State.Kind.PREFIX_PLUS_BASELINE && !s.name().contains("legacy history"))
                    .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                        Outcome o = verifier.verify(s, dir.resolve(counter.getAndIncrement() + "-" + s.fileName()));
                        assertThat(o.result()).as(name + " " + s.name() + ": " + o.message() + " " + o.failures())
                                .isIn(Outcome.Result.CONVERGED, Outcome.Result.REFUSED);
                    })));
        });
    }
}
