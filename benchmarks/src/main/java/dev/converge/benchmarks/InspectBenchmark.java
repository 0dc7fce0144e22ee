package dev.converge.benchmarks;

import dev.converge.sqlite.SchemaInspector;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading a whole live schema. The connection is opened once per trial, so its first-statement schema parse is not
 * measured: what remains is the catalogue read and what each method makes of it.
 *
 * <ul>
 *   <li>{@code converge}: {@link SchemaInspector#inspect(Connection)} — one read of {@code sqlite_schema}, every
 *       {@code CREATE} text parsed into the model;</li>
 *   <li>{@code floor}: the same rows read and nothing done with them;</li>
 *   <li>{@code naive}: the pragmas per table — {@code table_xinfo}, {@code index_list}, {@code index_xinfo} per index,
 *       {@code foreign_key_list} — every value read;</li>
 *   <li>{@code unchanged}: reading the live schema and comparing it with the schema it should have (as the reference
 *       has it: the same statements replayed on {@code :memory:}, inspected once at set-up), when nothing changed —
 *       what every off-fast-path run does to a database that is as it should be. The stored {@code CREATE} texts are
 *       compared first and only those that differ are parsed (none here).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InspectBenchmark {
    /** Every object of the main schema, as the floor reads it. */
    static final String SCHEMA_ROWS = "SELECT type, name, tbl_name, sql FROM sqlite_schema";
    /** The user's tables, for the naive peer. */
    static final String TABLES = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

    @Param({"100", "1000", "10000"})
    public int tables;

    private Path dir;
    private Connection connection;
    private Schema expected;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        dir = Fixtures.tempDir("inspect");
        Path db = Fixtures.createDatabase(dir.resolve("live.db"), Fixtures.schema(tables));
        connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT count(*) FROM sqlite_schema");
        }
        try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            mem.setAutoCommit(false); // one transaction, as the live file was built: 10,000 commits would be minutes
            Fixtures.execute(mem, Fixtures.schema(tables));
            mem.commit();
            expected = SchemaInspector.inspect(mem);
        }
        if (!unchanged().isEmpty() || expected.size() != SchemaInspector.inspect(connection).size()) {
            throw new IllegalStateException("setup: the live schema differs from the replayed one: " + unchanged());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
        Fixtures.delete(dir);
    }

    @Benchmark
    public Schema converge() {
        return SchemaInspector.inspect(connection);
    }

    @Benchmark
    public List<Change> unchanged() {
        return SchemaDiff.between(expected, SchemaInspector.inspect(connection, null, expected));
    }

    @Benchmark
    public void floor(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SCHEMA_ROWS)) {
            while (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getString(4));
            }
        }
    }

    @Benchmark
    public void naive(Blackhole bh) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String table : names) {
                String quoted = quote(table);
                readAll(s, "PRAGMA table_xinfo(" + quoted + ")", bh);
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("PRAGMA index_list(" + quoted + ")")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(2));
                        bh.consume(rs.getString(3));
                        bh.consume(rs.getString(4));
                        bh.consume(rs.getString(5));
                    }
                }
                for (String index : indexes) {
                    readAll(s, "PRAGMA index_xinfo(" + quote(index) + ")", bh);
                }
                readAll(s, "PRAGMA foreign_key_list(" + quoted + ")", bh);
            }
        }
    }

    private static void readAll(Statement s, String sql, Blackhole bh) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    bh.consume(rs.getString(i));
                }
            }
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
