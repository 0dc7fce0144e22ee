package dev.converge.benchmarks;

import dev.converge.detect.Reference;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
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

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Building the reference: the migration set (loaded once per trial) replayed on {@code :memory:}.
 *
 * <ul>
 *   <li>{@code converge}: {@link Reference#replay(MigrationSet)}, uncached — split, execute, snapshot what moved;</li>
 *   <li>{@code convergeCached}: {@link Reference#of(MigrationSet)} with the reference already cached;</li>
 *   <li>{@code floor}: the same statements, already split, executed on {@code :memory:} without snapshots.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReplayBenchmark {
    /** The pragmas the reference sets on its connection; the floor sets them too. */
    private static final List<String> SETTINGS = List.of("PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = OFF");

    @Param({"100", "1000"})
    public int migrations;

    private Path dir;
    private MigrationSet set;
    private List<String> statements;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Fixtures.tempDir("replay");
        List<Fixtures.MigrationSpec> specs = Fixtures.migrations(migrations);
        Path folder = Fixtures.writeConvergeFolder(Files.createDirectory(dir.resolve("migrations")), specs);
        set = MigrationSource.folder(folder).load();
        statements = Fixtures.statementsOf(specs);
        Reference.clearCache();
        Reference.of(set);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public Reference converge() {
        return Reference.replay(set);
    }

    @Benchmark
    public Reference convergeCached() {
        return Reference.of(set);
    }

    @Benchmark
    public int floor() throws SQLException {
        return executeInMemory(statements);
    }

    /** Executes statements one per JDBC call on a new {@code :memory:} database with the reference's pragmas. */
    static int executeInMemory(List<String> sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String pragma : SETTINGS) {
                s.execute(pragma);
            }
            for (String one : sql) {
                s.execute(one);
            }
        }
        return sql.size();
    }

    /** Reads every {@code .sql} file of {@code folder} in name order, splits it at {@code ";\n"}, executes it all. */
    static int executeFolder(Path folder) throws IOException, SQLException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.sql")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        List<String> sql = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            int from = 0;
            for (int end = text.indexOf(";\n"); end >= 0; end = text.indexOf(";\n", from)) {
                sql.add(text.substring(from, end + 1));
                from = end + 2;
            }
        }
        return executeInMemory(sql);
    }
}
