package dev.converge.scenarios.faults;

import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.StateBuilder;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The migration sets the fault tests run (examples/starpunk, and a set in test resources whose tables are big enough
 * that a rebuild spills pages before COMMIT), and the raw-JDBC ways to build, copy and fingerprint database files
 * without Converge. Seeds and the long mode are read here.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** {@code -Dconverge.long=true}: every statement of every migration, in both journal modes. */
    static final boolean LONG = Boolean.getBoolean("converge.long");

    /**
     * The fault tests' seed: {@code -Dconverge.seed=N} replays a run; {@code -Dconverge.seed=random}, and every long
     * run, take the clock's; a normal run always picks the same kill points.
     */
    static long seed() {
        String s = System.getProperty("converge.seed", "").trim();
        if (s.equalsIgnoreCase("random") || s.isEmpty() && LONG) {
            return System.nanoTime();
        }
        return s.isEmpty() ? 20_261_129L : Long.parseLong(s);
    }

    enum Journal {
        DELETE, WAL
    }

    static Path starpunk() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples").resolve("starpunk");
            if (Files.isDirectory(candidate.resolve("migrations"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/starpunk not found above " + Path.of("").toAbsolutePath());
    }

    static Path starpunkMigrations() {
        return starpunk().resolve("migrations");
    }

    static Path starpunkSchema() {
        return starpunk().resolve("schema.sql");
    }

    /** StarPunk's states: legacy history (when asked for) records versions from {@code legacyFrom}. */
    static StateBuilder starpunkStates(long legacyFrom) {
        return StateBuilder.forFolder(starpunkMigrations()).withBaseline(Baseline.read(starpunkSchema()))
                .withLegacyHistoryFrom(legacyFrom);
    }

    static Path resource(String name) {
        try {
            var url = Fixtures.class.getClassLoader().getResource("faults/" + name);
            if (url == null) {
                throw new IllegalStateException("test resource faults/" + name + " not found");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Five migrations over two tables of 300 and 3,000 rows (1.5 MB); 003 and 004 rebuild them. */
    static Path rebuildMigrations() {
        return resource("rebuild");
    }

    static Path rebuildSchema() {
        return resource("rebuild-schema.sql");
    }

    /** A migration set of test resources, {@code faults/NAME}, applied and recorded up to version k (raw JDBC). */
    static Path resourceState(Path db, String name, long k) {
        return StateBuilder.forFolder(resource(name)).prefix(db, k);
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /** Runs a whole script with {@code sqlite3_exec} ({@code execute("A; B")} would run only A). */
    static void exec(Path db, String script) {
        try (Connection c = open(db)) {
            ((SQLiteConnection) c).getDatabase()._exec(script);
        } catch (SQLException e) {
            throw new AssertionError("script failed on " + db + ": " + e.getMessage() + "\n" + script, e);
        }
    }

    /** Sets the journal mode, which a WAL database keeps in its file. */
    static void journal(Path db, Journal mode) {
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = " + mode.name());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Generated rows in every table but history, {@code rows} per table, parents first. */
    static void fill(Path db, long seed, int rows) {
        DataFiller.seeded(seed).rowsPerTable(rows).fill(db);
    }

    /** A new database file with no objects. */
    static Path emptyDatabase(Path db) {
        exec(db, "VACUUM");
        return db;
    }

    static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the {@code .sql} files of a migration folder, to edit, add or delete some. */
    static Path copyFolder(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of a file's bytes; read only while no connection is open on it. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names in a folder, sorted: to prove a failed run left no file behind (no journal, no WAL). */
    static List<String> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
