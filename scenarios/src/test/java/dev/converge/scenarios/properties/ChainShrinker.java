package dev.converge.scenarios.properties;

import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Reference;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.source.MigrationSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shrinks a failing example's chain further than QuickTheories' shrinking of raw draws can: drops whole migrations,
 * then steps, then single statements, keeping a candidate only when it still replays on an empty in-memory database
 * ({@code sqlite3_exec}, file by file), its pinned state still exists, and the property still fails the same way (the
 * same guarantee, named before the first colon of the message). A candidate's baseline and release are re-derived
 * from its reference (each object's {@code CREATE} text, tables first), since the model that wrote the originals is
 * gone. Stops at the deadline.
 */
final class ChainShrinker {
    private ChainShrinker() {
    }

    /** The smallest failing example found, its failure, and how many candidates were tried. */
    record Shrunk(Example example, String failure, int tried) {
    }

    static Shrunk shrink(Example failing, Consumer<Example> property, long budgetMillis) {
        long deadline = System.currentTimeMillis() + budgetMillis;
        Example current = failing.pinnedState();
        String failure = failureOf(current, property);
        int tried = 0;
        if (failure == null) {
            return new Shrunk(current, "(did not fail again: flaky?)", tried);
        }
        boolean improved = true;
        while (improved && System.currentTimeMillis() < deadline) {
            improved = false;
            for (Chain candidate : candidates(current.chain())) {
                if (System.currentTimeMillis() >= deadline) {
                    break;
                }
                if (candidate.replayFailure() != null) {
                    continue;
                }
                Chain derived;
                try {
                    derived = rederive(candidate);
                } catch (RuntimeException e) {
                    continue;
                }
                Example e = current.withChain(derived);
                if (e.state() == null) {
                    continue;
                }
                tried++;
                String f = failureOf(e, property);
                if (f != null && signature(f).equals(signature(failure))) {
                    current = e;
                    failure = f;
                    improved = true;
                    break;
                }
            }
        }
        return new Shrunk(current, failure, tried);
    }

    static String failureOf(Example e, Consumer<Example> property) {
        try {
            property.accept(e);
            return null;
        } catch (AssertionError | RuntimeException t) {
            return String.valueOf(t.getMessage());
        }
    }

    private static String signature(String failure) {
        int colon = failure.indexOf(':');
        return colon < 0 ? failure : failure.substring(0, colon);
    }

    /** Smaller chains: without one migration (last first), without one step, without one statement. */
    static List<Chain> candidates(Chain c) {
        List<Chain> out = new ArrayList<>();
        List<Chain.Migration> ms = c.migrations();
        for (int i = ms.size() - 1; i >= 0 && ms.size() > 1; i--) {
            List<Chain.Migration> fewer = new ArrayList<>(ms);
            fewer.remove(i);
            out.add(c.withMigrations(fewer));
        }
        for (int i = ms.size() - 1; i >= 0; i--) {
            Chain.Migration m = ms.get(i);
            for (int s = m.steps().size() - 1; s >= 0 && m.steps().size() > 1; s--) {
                List<ChainStep> steps = new ArrayList<>(m.steps());
                steps.remove(s);
                out.add(c.withMigration(i, new Chain.Migration(m.version(), m.name(), steps)));
            }
        }
        for (int i = ms.size() - 1; i >= 0; i--) {
            Chain.Migration m = ms.get(i);
            for (int s = 0; s < m.steps().size(); s++) {
                ChainStep step = m.steps().get(s);
                for (int j = step.statements().size() - 1; j >= 0 && step.statements().size() > 1; j--) {
                    List<String> statements = new ArrayList<>(step.statements());
                    statements.remove(j);
                    List<ChainStep> steps = new ArrayList<>(m.steps());
                    steps.set(s, new ChainStep(step.kinds(), statements));
                    out.add(c.withMigration(i, new Chain.Migration(m.version(), m.name(), steps)));
                }
            }
        }
        return out;
    }

    /** The chain with a baseline and release written from its reference: every object's CREATE text, tables first. */
    static Chain rederive(Chain c) {
        Map<String, String> files = new LinkedHashMap<>();
        c.migrations().forEach(m -> files.put(m.fileName(), m.text()));
        Reference ref = Reference.replay(MigrationSource.memory(files).load());
        List<Chain.Migration> ms = c.migrations();
        long last = ms.get(ms.size() - 1).version();
        long k = ms.get(0).version();
        for (Chain.Migration m : ms) {
            if (m.version() <= c.releaseVersion() && m.version() < last) {
                k = m.version();
            }
        }
        int end = 0;
        for (MigrationEffects me : ref.migrations()) {
            if (me.migration().version().value() == k) {
                end = me.end();
            }
        }
        return c.withBaselines(script(ref, ref.target()), k, script(ref, ref.schemaAt(end)));
    }

    /** A full-schema script for {@code schema}: tables, indexes, views, triggers, each in the reference's order. */
    static String script(Reference ref, Schema schema) {
        StringBuilder sb = new StringBuilder();
        for (ObjectType type : ObjectType.values()) {
            for (ObjectId id : ref.objects().keySet()) {
                if (id.type() == type) {
                    schema.get(id).ifPresent(o -> sb.append(o.sql()).append(";\n"));
                }
            }
        }
        return sb.toString();
    }
}
