package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.fleet.Fleet;
import dev.converge.fleet.FleetFiles;
import dev.converge.fleet.Shard;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that make {@code migrate}, {@code plan} and {@code status} work on a fleet: many databases, one
 * migration set. A fleet is asked for by several {@code --db}, a pattern, {@code --db-list} or any of these options.
 */
final class FleetOptions {
    @Option(names = "--db-list", paramLabel = "FILE", description = "A file naming databases, one path a line"
            + " (blank lines and # comments skipped; relative paths from the working directory). Repeatable.")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N",
            description = "How many databases of a fleet run at once (default: the number of processors).")
    Integer parallel;

    @Option(names = "--shard", paramLabel = "INDEX/COUNT", description = "Only the databases of this share of the"
            + " fleet (a stable hash of each path as listed); INDEX defaults to $JOB_COMPLETION_INDEX: --shard 4.")
    String shard;

    @Option(names = "--fail-fast", description = "In a fleet, start no other database after the first that fails.")
    boolean failFast;

    /** The index Kubernetes gives an Indexed Job's pod, read when {@code --shard} has none. */
    String environmentIndex = System.getenv(Shard.INDEX_VARIABLE);

    /** True when the command line names a fleet rather than one database. */
    boolean asked(DatabaseOptions database) {
        boolean pattern = database.all.stream().anyMatch(p -> FleetFiles.isPattern(p.toString()));
        return database.all.size() > 1 || pattern || !lists.isEmpty() || parallel != null || shard != null
                || failFast;
    }

    /** The fleet's databases: every {@code --db} and list, patterns expanded, then this process's share. */
    List<Path> databases(DatabaseOptions database) {
        List<String> given = new ArrayList<>();
        database.all.forEach(p -> given.add(p.toString()));
        if (given.isEmpty() && lists.isEmpty()) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "Missing required option: '--db=FILE' (or --db-list"
                    + " FILE for a fleet)");
        }
        List<Path> all = FleetFiles.resolve(given, lists);
        if (all.isEmpty()) {
            // a share may be empty (more processes than databases), the fleet itself may not: a wrong list
            throw new ConvergeException(ErrorCode.BAD_INPUT, "the fleet is empty: " + lists + " name no database."
                    + " Give database paths, one a line.");
        }
        return shard == null ? all : Shard.parse(shard, environmentIndex).of(all);
    }

    /** The fleet: the set read and replayed once, each database run with the command's other options. */
    Fleet prepare(SourceOptions source, DatabaseOptions database, PlanningOptions planning) {
        Script baseline = source.baseline == null ? null : Script.read(source.baseline);
        Fleet f = Fleet.prepare(MigrationSource.folder(source.migrations), b -> {
            b.baseline(baseline);
            if (database.historyTable != null) {
                b.historyTable(database.historyTable);
            }
            if (database.legacyHistoryTable != null) {
                b.legacyHistoryTable(database.legacyHistoryTable);
            }
            if (database.lockTimeout != null) {
                b.lockTimeout(database.lockTimeout);
            }
            planning.applyTo(b);
        });
        return (parallel == null ? f : f.parallel(parallel)).failFast(failFast);
    }
}
