package dev.converge.benchmarks;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up on an up-to-date database: what an application pays at every launch when there is nothing to do. Each
 * method opens its own connection, so the first-statement schema parse (a schema of about as many tables as
 * migrations) is in all of them.
 *
 * <ul>
 *   <li>{@code converge}: {@code Converge...load().migrate()}, the fast path;</li>
 *   <li>{@code floor}: open the connection, read every history row, read and SHA-256 every migration file, compare;</li>
 *   <li>{@code flyway}: Flyway's {@code migrate()} on the same migrations, on its own up-to-date database.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StartupBenchmark {
    /** Every history row Converge keeps. */
    static final String HISTORY_ROWS =
            "SELECT version, name, checksum, how, applied_at, execution_ms, schema_version FROM schema_migrations";

    @Param({"100", "1000"})
    public int migrations;

    private Path dir;
    private Path convergeFolder;
    private Path convergeDb;
    private Path flywayFolder;
    private String flywayUrl;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Quiet.flyway();
        dir = Fixtures.tempDir("startup");
        List<Fixtures.MigrationSpec> set = Fixtures.migrations(migrations);
        convergeFolder = Fixtures.writeConvergeFolder(Files.createDirectory(dir.resolve("converge")), set);
        flywayFolder = Fixtures.writeFlywayFolder(Files.createDirectory(dir.resolve("flyway")), set);
        convergeDb = dir.resolve("converge.db");
        flywayUrl = "jdbc:sqlite:" + dir.resolve("flyway.db").toAbsolutePath();
        RunResult first = converge(convergeDb, convergeFolder).migrate();
        if (first.fastPath() || first.done().size() != migrations) {
            throw new IllegalStateException("setup: expected " + migrations + " migrations applied, got " + first);
        }
        if (!converge().fastPath()) {
            throw new IllegalStateException("setup: a second migrate() did not take the fast path");
        }
        MigrateResult applied = flywayConfig().migrate();
        if (applied.migrationsExecuted != migrations || flywayConfig().migrate().migrationsExecuted != 0) {
            throw new IllegalStateException("setup: Flyway did not bring its database up to date");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public RunResult converge() {
        return converge(convergeDb, convergeFolder).migrate();
    }

    @Benchmark
    public int floor() throws SQLException, IOException, NoSuchAlgorithmException {
        Map<Long, String> recorded = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + convergeDb.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(HISTORY_ROWS)) {
            while (rs.next()) {
                recorded.put(rs.getLong(1), rs.getString(3));
                rs.getString(2);
                rs.getString(4);
                rs.getString(5);
                rs.getLong(6);
                rs.getLong(7);
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        int matching = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(convergeFolder, "*.sql")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                long version = Long.parseLong(name.substring(0, name.indexOf('_')));
                String sum = hex.formatHex(sha.digest(Files.readAllBytes(f)));
                if (sum.equals(recorded.get(version))) {
                    matching++;
                }
            }
        }
        if (matching != migrations) {
            throw new IllegalStateException("floor: " + matching + " of " + migrations + " checksums match");
        }
        return matching;
    }

    @Benchmark
    public MigrateResult flyway() {
        return flywayConfig().migrate();
    }

    private Flyway flywayConfig() {
        return Flyway.configure()
                .dataSource(flywayUrl, null, null)
                .locations("filesystem:" + flywayFolder.toAbsolutePath())
                .load();
    }

    static Converge converge(Path db, Path folder) {
        return Converge.configure().database(db).migrations(folder).load();
    }
}
