package dev.converge.benchmarks.process;

import dev.converge.Converge;
import dev.converge.benchmarks.Fixtures;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;

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

/**
 * One cold process of the pending-present case (a database built by the full-schema script, no history), for
 * {@code benchmarks/cold-plan}: {@code fixture DIR N} writes it and compiles the reference into {@code DIR/cache};
 * {@code converge DIR} plans with a replay, {@code compiled DIR} plans with the compiled reference, {@code naive DIR N}
 * runs the hotfix-style detector (the same as {@code DetectBenchmark.naive}).
 */
public final class ColdPlan {
    private ColdPlan() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Path folder = dir.resolve("migrations");
        Path live = dir.resolve("live.db");
        switch (args[0]) {
            case "fixture" -> {
                int n = Integer.parseInt(args[2]);
                List<Fixtures.MigrationSpec> set = Fixtures.migrations(n);
                Fixtures.writeConvergeFolder(Files.createDirectories(folder), set);
                Fixtures.createDatabase(live, Fixtures.baselineOf(set));
                check(plan(live, folder, dir.resolve("cache")), n);
            }
            case "converge" -> plan(live, folder, null);
            case "compiled" -> plan(live, folder, dir.resolve("cache"));
            case "naive" -> naive(live, Fixtures.migrations(Integer.parseInt(args[2])));
            default -> throw new IllegalArgumentException("fixture|converge|compiled|naive, not " + args[0]);
        }
    }

    private static Plan plan(Path live, Path folder, Path cache) {
        Converge.Builder b = Converge.configure().database(live).migrations(folder).logRuns(false);
        if (cache != null) {
            b.referenceCache(cache);
        }
        return b.load().plan();
    }

    private static void check(Plan plan, int n) {
        long present = plan.steps().stream().filter(s -> s.state() == MigrationState.PRESENT).count();
        if (plan.refused() || present != n) {
            throw new IllegalStateException("expected " + n + " PRESENT migrations, got " + present);
        }
    }

    private static void naive(Path live, List<Fixtures.MigrationSpec> set) throws SQLException {
        int present = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (Fixtures.MigrationSpec m : set) {
                boolean holds = true;
                for (Fixtures.TableSpec t : m.creates()) {
                    holds &= names(s, "PRAGMA table_xinfo(\"" + t.name() + "\")").containsAll(t.columns())
                            && names(s, "PRAGMA index_list(\"" + t.name() + "\")").containsAll(t.indexes());
                }
                for (Fixtures.AddedColumn a : m.adds()) {
                    holds &= names(s, "PRAGMA table_xinfo(\"" + a.table() + "\")").contains(a.column());
                }
                present += holds ? 1 : 0;
            }
        }
        if (present != set.size()) {
            throw new IllegalStateException("naive: " + present + " of " + set.size() + " present");
        }
    }

    private static Set<String> names(Statement s, String pragma) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                out.add(rs.getString(2));
            }
        }
        return out;
    }
}
