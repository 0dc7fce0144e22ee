package dev.converge.benchmarks;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
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
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adoption: {@code migrate()} on a database built by the full-schema script with no history, which Converge recognises
 * (every migration present) and records. Each invocation gets a fresh copy of that database (untimed).
 *
 * <ul>
 *   <li>{@code converge}: the process's reference cache empty, so the set is replayed;</li>
 *   <li>{@code convergeCompiled}: the compiled reference read from a cache folder;</li>
 *   <li>{@code floor}: reading the database's schema — one raw {@code sqlite_schema} read (the goal with the compiled
 *       reference at hand: {@code convergeCompiled} at most 2× this);</li>
 *   <li>{@code readAndReplay}: that read plus one replay of the set on {@code :memory:}, as the Detect benchmark's floor
 *       replays it (read every file, execute its statements without snapshots): the goal when cold, {@code converge}
 *       at most 1.2× this.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15) // single shots vary with the machine's load and each commit's fsync: the median of more is steadier
@Fork(1)
@State(Scope.Benchmark)
public class AdoptBenchmark {
    @Param({"100", "1000"})
    public int migrations;

    private Path dir;
    private Path folder;
    private Path built;
    private Path compiled;
    private Path db;
    private int round;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Quiet.flyway(); // Converge logs a line per recorded migration at INFO: the floor logs nothing
        dir = Fixtures.tempDir("adopt");
        List<Fixtures.MigrationSpec> set = Fixtures.migrations(migrations);
        folder = Fixtures.writeConvergeFolder(Files.createDirectory(dir.resolve("migrations")), set);
        built = Fixtures.createDatabase(dir.resolve("built.db"), Fixtures.baselineOf(set));
        compiled = dir.resolve("compiled");
        freshCopy();
        RunResult r = convergeCompiled();
        if (r.done().size() != migrations) {
            throw new IllegalStateException("setup: expected " + migrations + " migrations recorded, got " + r);
        }
    }

    /** A new copy of the database built by the full-schema script. */
    @Setup(Level.Invocation)
    public void freshCopy() throws IOException {
        if (db != null) {
            Files.deleteIfExists(db);
        }
        db = dir.resolve("adopt-" + (round++) + ".db");
        Files.copy(built, db, StandardCopyOption.REPLACE_EXISTING);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public RunResult converge() {
        Reference.clearCache();
        return Converge.configure().database(db).migrations(folder).load().migrate();
    }

    @Benchmark
    public RunResult convergeCompiled() {
        Reference.clearCache();
        return Converge.configure().database(db).migrations(folder).referenceCache(compiled).load().migrate();
    }

    @Benchmark
    public void readAndReplay(Blackhole bh) throws SQLException, IOException {
        floor(bh);
        bh.consume(ReplayBenchmark.executeFolder(folder));
    }

    @Benchmark
    public void floor(Blackhole bh) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(InspectBenchmark.SCHEMA_ROWS)) {
            while (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getString(4));
            }
        }
    }
}
