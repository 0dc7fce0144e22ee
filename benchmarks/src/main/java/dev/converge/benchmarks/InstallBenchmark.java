package dev.converge.benchmarks;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Reference;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * First install: every migration run on a new, empty database file with no baseline — what a new developer's machine,
 * a CI job or a test suite pays. Each invocation gets a fresh file (made in an untimed set-up).
 *
 * <ul>
 *   <li>{@code converge}: {@code Converge...load().migrate()} with the reference cache of the process empty;</li>
 *   <li>{@code convergeCached}: the same with the reference already in the process (a second install in one JVM);</li>
 *   <li>{@code convergeCompiled}: the process's cache empty, the compiled reference read from a cache folder (as a
 *       new process finds it in {@code referenceCache} or in the application's jar);</li>
 *   <li>{@code floor}: a plain sequential JDBC runner — read and SHA-256 each file, split it, and per migration
 *       {@code BEGIN IMMEDIATE}, its statements, one history {@code INSERT}, {@code COMMIT};</li>
 *   <li>{@code flyway}: Flyway's {@code migrate()} on the same migrations.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class InstallBenchmark {
    /** The plain runner's history table. */
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS plain_history (version INTEGER PRIMARY KEY,"
            + " name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
    private static final String INSERT_HISTORY =
            "INSERT INTO plain_history (version, name, checksum, applied_at) VALUES (?, ?, ?, datetime('now'))";

    /** 3,000 shows the growth with n (issue 17: no worse than the plain runner's). */
    @Param({"100", "1000", "3000"})
    public int migrations;

    private Path dir;
    private Path convergeFolder;
    private Path flywayFolder;
    private Path db;
    private Path compiled;
    private int round;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        Quiet.flyway();
        dir = Fixtures.tempDir("install");
        List<Fixtures.MigrationSpec> set = Fixtures.migrations(migrations);
        convergeFolder = Fixtures.writeConvergeFolder(Files.createDirectory(dir.resolve("converge")), set);
        flywayFolder = Fixtures.writeFlywayFolder(Files.createDirectory(dir.resolve("flyway")), set);
        compiled = dir.resolve("compiled");
        freshDatabase();
        convergeCompiled(); // writes the compiled reference
        freshDatabase();
        RunResult r = converge();
        if (r.done().size() != migrations) {
            throw new IllegalStateException("setup: expected " + migrations + " migrations run, got " + r);
        }
        freshDatabase();
        if (floor() != migrations) {
            throw new IllegalStateException("setup: the plain runner did not run every migration");
        }
        freshDatabase();
        if (flyway().migrationsExecuted != migrations) {
            throw new IllegalStateException("setup: Flyway did not run every migration");
        }
    }

    /** A new empty database path for the next invocation; the previous file is deleted. */
    @Setup(Level.Invocation)
    public void freshDatabase() throws IOException {
        if (db != null) {
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + "-journal"));
        }
        db = dir.resolve("install-" + (round++) + ".db");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public RunResult converge() {
        Reference.clearCache();
        return StartupBenchmark.converge(db, convergeFolder).migrate();
    }

    @Benchmark
    public RunResult convergeCached() {
        return StartupBenchmark.converge(db, convergeFolder).migrate();
    }

    @Benchmark
    public RunResult convergeCompiled() {
        Reference.clearCache();
        return Converge.configure().database(db).migrations(convergeFolder).referenceCache(compiled).load().migrate();
    }

    @Benchmark
    public int floor() throws IOException, SQLException {
        return plainRunner(db, convergeFolder);
    }

    @Benchmark
    public MigrateResult flyway() {
        return Flyway.configure()
                .dataSource("jdbc:sqlite:" + db.toAbsolutePath(), null, null)
                .locations("filesystem:" + flywayFolder.toAbsolutePath())
                .load()
                .migrate();
    }

    /** Runs every file of {@code folder} in name order, one transaction per file with its history row. */
    static int plainRunner(Path db, Path folder) throws IOException, SQLException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.sql")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HexFormat hex = HexFormat.of();
        int done = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute(CREATE_HISTORY);
            try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
                for (Path f : files) {
                    byte[] bytes = Files.readAllBytes(f);
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    String name = f.getFileName().toString();
                    s.execute("BEGIN IMMEDIATE");
                    int from = 0;
                    for (int end = text.indexOf(";\n"); end >= 0; end = text.indexOf(";\n", from)) {
                        s.execute(text.substring(from, end + 1));
                        from = end + 2;
                    }
                    insert.setLong(1, Long.parseLong(name.substring(0, name.indexOf('_'))));
                    insert.setString(2, name);
                    insert.setString(3, hex.formatHex(sha.digest(bytes)));
                    insert.executeUpdate();
                    s.execute("COMMIT");
                    done++;
                }
            }
        }
        return done;
    }
}
