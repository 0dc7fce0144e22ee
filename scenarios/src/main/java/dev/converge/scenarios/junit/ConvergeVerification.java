package dev.converge.scenarios.junit;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lets an application prove Converge's guarantees for its own migrations in its own build: one JUnit dynamic test
 * per database state (empty, baseline-only, every prefix in both history layouts, history lost, every interrupted
 * statement, every older release with and without history, drift), each built as a real SQLite file, filled with
 * rows, migrated, and checked. A test fails with the broken guarantees — a refusal of a state on the set's own
 * timeline is one — and, with {@link #strict()}, for a data hazard (a state that fails only because of its rows).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> migrations() {
 *     return ConvergeVerification.forMigrations(Path.of("src/main/resources/db/migrations"))
 *             .baseline(Path.of("src/main/resources/db/schema.sql"))
 *             .olderReleases(Path.of("src/test/resources/old-schemas"))
 *             .dynamicTests();
 * }
 * }</pre>
 *
 * Instances are immutable; every method returns a changed copy. Needs junit-jupiter-api at test time (the
 * application's build provides it).
 */
public final class ConvergeVerification {
    private final Path migrations;
    private final Path baseline;
    private final Path releases;
    private final long legacyHistoryFrom;
    private final String historyTable;
    private final Predicate<State> filter;
    private final boolean sample;
    private final Path workDir;
    private final boolean strict;

    private ConvergeVerification(Path migrations, Path baseline, Path releases, long legacyHistoryFrom,
                                 String historyTable, Predicate<State> filter, boolean sample, Path workDir,
                                 boolean strict) {
        this.strict = strict;
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.baseline = baseline;
        this.releases = releases;
        this.legacyHistoryFrom = legacyHistoryFrom;
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.sample = sample;
        this.workDir = workDir;
    }

    /** The migrations of a folder of {@code NNN_name.sql} files. */
    public static ConvergeVerification forMigrations(Path folder) {
        return new ConvergeVerification(folder, null, null, Long.MIN_VALUE, StateBuilder.DEFAULT_HISTORY_TABLE,
                s -> true, false, null, false);
    }

    /** With today's full-schema script: adds the baseline-only state, and prefix+baseline states. */
    public ConvergeVerification baseline(Path schemaSql) {
        return new ConvergeVerification(migrations, schemaSql, releases, legacyHistoryFrom, historyTable, filter, sample, workDir,
                strict);
    }

    /** With a folder of older releases' full schemas ({@code *.sql}): adds legacy(R) and prefix+baseline(R) states. */
    public ConvergeVerification olderReleases(Path folder) {
        return new ConvergeVerification(migrations, baseline, folder, legacyHistoryFrom, historyTable, filter, sample, workDir,
                strict);
    }

    /** Legacy-layout history records versions from this one (an older runner that never knew {@code 000}: 1). */
    public ConvergeVerification legacyHistoryFrom(long version) {
        return new ConvergeVerification(migrations, baseline, releases, version, historyTable, filter, sample, workDir,
                strict);
    }

    /** With another history table name than {@code schema_migrations}. */
    public ConvergeVerification historyTable(String name) {
        return new ConvergeVerification(migrations, baseline, releases, legacyHistoryFrom, name, filter, sample, workDir,
                strict);
    }

    /** Only the states this accepts (to keep a large set fast); see also {@link #everyKindOnce()}. */
    public ConvergeVerification states(Predicate<State> accept) {
        return new ConvergeVerification(migrations, baseline, releases, legacyHistoryFrom, historyTable,
                filter.and(accept), sample, workDir, strict);
    }

    /** Where the databases are built; a new temporary folder by default. */
    public ConvergeVerification workDir(Path dir) {
        return new ConvergeVerification(migrations, baseline, releases, legacyHistoryFrom, historyTable, filter, sample, dir,
                strict);
    }

    /**
     * Only the first state (in {@link StateBuilder#allStates()} order) of each kind, history layout and script —
     * e.g. {@code prefix(0)}, {@code half-applied(0, 1)}, {@code prefix(0)+baseline(v1.1)} — about one in eight
     * states for a typical set, with every kind of state still exercised. Combines with {@link #states}.
     */
    public ConvergeVerification everyKindOnce() {
        return new ConvergeVerification(migrations, baseline, releases, legacyHistoryFrom, historyTable, filter, true,
                workDir, strict);
    }

    /** Also failing for a data hazard: a state that fails only because of the rows in it. */
    public ConvergeVerification strict() {
        return new ConvergeVerification(migrations, baseline, releases, legacyHistoryFrom, historyTable, filter, sample,
                workDir, true);
    }

    /** The states that will be verified, in order. */
    public List<State> states() {
        List<State> accepted = builder().allStates().stream().filter(filter).toList();
        if (!sample) {
            return accepted;
        }
        Set<String> seen = new HashSet<>();
        return accepted.stream().filter(st -> seen.add(st.kind() + "/" + st.layout() + "/"
                + (st.baseline() == null ? "" : st.baseline().name()))).toList();
    }

    /** One dynamic test per state, named after it, e.g. {@code prefix(1, legacy history)+baseline(v1.1-schema)}. */
    public Stream<DynamicTest> dynamicTests() {
        StateBuilder builder = builder();
        Verifier verifier = new Verifier(migrations, baseline, builder);
        Path dir = workDir != null ? workDir : temporaryFolder();
        AtomicInteger counter = new AtomicInteger();
        return states().stream().map(state -> {
            Path db = dir.resolve(String.format("%03d-%s", counter.getAndIncrement(), state.fileName()));
            return DynamicTest.dynamicTest(state.name(), () -> {
                Outcome o = verifier.verify(state, db);
                if (o.result() == Outcome.Result.FAILED) {
                    Assertions.fail(state.name() + ": a guarantee failed:\n  " + String.join("\n  ", o.failures())
                            + "\n  (the database is at " + db + ")");
                }
                if (o.result() == Outcome.Result.HAZARD && strict) {
                    Assertions.fail(state.name() + ": " + o.detail() + "\n  (the database is at " + db + ")");
                }
                // REFUSED: a state off the set's timeline, refused cleanly; o.placement() says why that is right
            });
        });
    }

    private StateBuilder builder() {
        StateBuilder b = StateBuilder.forFolder(migrations).withHistoryTable(historyTable)
                .withLegacyHistoryFrom(legacyHistoryFrom);
        if (baseline != null) {
            b = b.withBaseline(Baseline.read(baseline));
        }
        if (releases != null) {
            b = b.withReleases(Baseline.readFolder(releases));
        }
        return b;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("converge-verification-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }
}
