package dev.converge.scenarios.properties;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Reference;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Guarantee 6 of the scenarios issue: a baseline written from S_n builds S_n. Both the generator's own full-schema
 * script (from its model) and one written from the reference's target objects' {@code CREATE} texts replay to the
 * target with no difference, not even in column order, and {@code lint} finds no error; the older release the
 * generator writes is S_k. Also proves the generator: every chain replays on an empty database.
 */
class BaselineRoundTripPropertiesTest {
    private static final Coverage COVERAGE = new Coverage();

    @TempDir
    static Path work;

    @Test
    void aBaselineWrittenFromTheTargetBuildsTheTarget() {
        PropertyCheck.check("a baseline written from S_n builds S_n", PropertyCheck.examples(100),
                Example.examples(COVERAGE), BaselineRoundTripPropertiesTest::roundTrip);
    }

    static void roundTrip(Example ex) {
        Chain chain = ex.chain();
        String replay = chain.replayFailure();
        if (replay != null) {
            throw new AssertionError("generator: the chain does not replay on an empty database: " + replay);
        }
        Reference ref = Reference.of(MigrationSource.memory(files(chain)).load());
        Schema target = ref.target();
        same("model baseline", target, replayed(chain.baseline(), "schema.sql"));
        same("reference baseline", target, replayed(ChainShrinker.script(ref, target), "from-reference.sql"));
        int end = -1;
        for (MigrationEffects me : ref.migrations()) {
            if (me.migration().version().value() == chain.releaseVersion()) {
                end = me.end();
            }
        }
        same("release " + chain.releaseVersion(), ref.schemaAt(end), replayed(chain.release(), "release.sql"));
        Path dir;
        try {
            dir = Files.createTempDirectory(work, "chain");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Chain.Written w = chain.write(dir);
        LintReport lint = Converge.configure().migrations(w.migrations()).baseline(w.baseline()).loadForLint().lint();
        if (!lint.ok()) {
            throw new AssertionError("lint: the baseline of S_n has errors: " + lint.errors());
        }
    }

    private static java.util.Map<String, String> files(Chain chain) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        chain.migrations().forEach(m -> out.put(m.fileName(), m.text()));
        return out;
    }

    private static Schema replayed(String script, String name) {
        return Reference.replayScript(new Script(name, script, name));
    }

    private static void same(String what, Schema expected, Schema actual) {
        List<Change> diff = SchemaDiff.between(expected, actual);
        if (!diff.isEmpty()) {
            throw new AssertionError("round trip: the " + what + " differs from the reference: "
                    + diff.stream().map(Change::describe).toList());
        }
        List<Change.ColumnOrderDiffers> order = SchemaDiff.columnOrderNotes(expected, actual);
        if (!order.isEmpty()) {
            throw new AssertionError("round trip: the " + what + " orders columns differently: "
                    + order.stream().map(Change::describe).toList());
        }
    }

    @AfterAll
    static void everyStepKindAppeared() {
        COVERAGE.assertSeen("baseline round trip", Coverage.stepKinds());
    }
}
