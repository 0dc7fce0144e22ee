package dev.converge.benchmarks;

import dev.converge.Converge;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Detection on a database created by the baseline (the full schema S_n) with no history: every migration is pending
 * and every one is {@code PRESENT}. Each method opens its own connection to the live database.
 *
 * <ul>
 *   <li>{@code converge}: {@code plan()} with the reference cache empty — load, replay, inspect, detect, rehearse;</li>
 *   <li>{@code convergeCached}: {@code plan()} with the reference already cached (a second run in one process);</li>
 *   <li>{@code convergeCompiled}: {@code plan()} as a new process makes it when the compiled reference is in its
 *       cache folder ({@code referenceCache}): the process's cache empty, the reference loaded from the file;</li>
 *   <li>{@code floor}: read every file, execute its statements on {@code :memory:} without snapshots, plus one raw
 *       {@code sqlite_schema} read of the live database;</li>
 *   <li>{@code naive}: the hotfix's way for every migration — {@code PRAGMA table_xinfo} and {@code index_list} of each
 *       table it creates (and of each table it adds a column to), compared with the names it expects.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DetectBenchmark {
    @Param({"100", "1000"})
    public int migrations;

    private Path dir;
    private Path folder;
    private Path live;
    private List<Fixtures.MigrationSpec> set;
    private Path compiled;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Fixtures.tempDir("detect");
        set = Fixtures.migrations(migrations);
        folder = Fixtures.writeConvergeFolder(Files.createDirectory(dir.resolve("migrations")), set);
        live = Fixtures.createDatabase(dir.resolve("live.db"), Fixtures.baselineOf(set));
        compiled = dir.resolve("compiled");
        Plan plan = converge();
        if (!convergeCompiled().steps().equals(plan.steps()) || !convergeCompiled().steps().equals(plan.steps())) {
            throw new IllegalStateException("setup: the plan made with the compiled reference differs from the replay's");
        }
        long present = plan.steps().stream().filter(s -> s.state() == MigrationState.PRESENT).count();
        if (plan.refused() || present != migrations) {
            throw new IllegalStateException("setup: expected " + migrations + " PRESENT migrations, got " + present
                    + (plan.refused() ? " and a refusal: " + plan.refusal().getMessage() : ""));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public Plan converge() {
        Reference.clearCache();
        return StartupBenchmark.converge(live, folder).plan();
    }

    @Benchmark
    public Plan convergeCached() {
        return StartupBenchmark.converge(live, folder).plan();
    }

    @Benchmark
    public Plan convergeCompiled() {
        Reference.clearCache();
        return Converge.configure().database(live).migrations(folder).referenceCache(compiled).load().plan();
    }

    @Benchmark
    public void floor(Blackhole bh) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(InspectBenchmark.SCHEMA_ROWS)) {
            while (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getString(4));
            }
        }
        ReplayBenchmark.executeFolder(folder);
    }

    @Benchmark
    public int naive() throws SQLException {
        int present = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (Fixtures.MigrationSpec m : set) {
                boolean holds = true;
                for (Fixtures.TableSpec t : m.creates()) {
                    holds &= names(s, "PRAGMA table_xinfo(" + InspectBenchmark.quote(t.name()) + ")", 2)
                            .containsAll(t.columns())
                            && names(s, "PRAGMA index_list(" + InspectBenchmark.quote(t.name()) + ")", 2)
                            .containsAll(t.indexes());
                }
                for (Fixtures.AddedColumn a : m.adds()) {
                    holds &= names(s, "PRAGMA table_xinfo(" + InspectBenchmark.quote(a.table()) + ")", 2)
                            .contains(a.column());
                }
                if (holds) {
                    present++;
                }
            }
        }
        if (present != migrations) {
            throw new IllegalStateException("naive: " + present + " of " + migrations + " migrations present");
        }
        return present;
    }

    private static Set<String> names(Statement s, String pragma, int column) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
