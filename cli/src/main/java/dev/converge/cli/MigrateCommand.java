package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.Action;
import dev.converge.detect.Reference;
import dev.converge.detect.ReferenceCache;
import dev.converge.detect.Step;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.Script;
import dev.converge.sql.HistoryTableGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code converge migrate}: carries out the plan, creating the database file when it is missing. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the database to the target schema from whatever state it is in (creates a missing file).")
final class MigrateCommand extends Subcommand {
    @Mixin
    SourceOptions source;
    @Mixin
    DatabaseOptions database;
    @Mixin
    PlanningOptions planning;
    @Mixin
    FleetOptions fleet;

    @Option(names = "--backup", paramLabel = "FILE",
            description = "Before changing anything, copy the database to FILE (no copy when it is up to date).")
    Path backup;

    @Option(names = "--json", description = "Write the result as JSON.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }

    @Override
    Path database() {
        return database.db;
    }

    @Override
    int execute() {
        if (fleet.asked(database)) {
            return FleetMigrate.run(io(), fleet.prepare(source, database, planning), fleet.databases(database),
                    json, backup);
        }
        Converge.Builder b = Converge.configure();
        source.applyTo(b);
        database.applyTo(b, true);
        planning.applyTo(b);
        if (!Files.exists(database.db, LinkOption.NOFOLLOW_LINKS)) {
            refuseBeforeCreating();
        }
        if (backup != null) {
            b.backup(backup);
        }
        if (io().interactive()) {
            b.listener(new Progress(io().err()));
        }
        Converge converge = b.load();
        LockNotice.sayIfHeld(database.db, database.lockTimeout != null ? database.lockTimeout : Duration.ofSeconds(30),
                io().err());
        RunResult r = converge.migrate();
        boolean backedUp = backup != null && !r.fastPath() && !r.done().isEmpty();
        if (json) {
            io().out().println(Json.write(JsonReports.run(r, backedUp ? backup : null)));
        } else {
            print(r, backedUp);
        }
        return 0;
    }

    /**
     * The engine creates a missing database file before it reads the migrations; a set it then refuses would leave an
     * empty file behind. So, for a new file, every check that needs no database runs first: each migration splits and
     * keeps to one transaction, the set replays (the reference is cached for the engine), the baseline runs, and the
     * backup can be written.
     */
    private void refuseBeforeCreating() {
        MigrationSet set = source.source().load();
        String history = database.historyTable != null ? database.historyTable : Converge.DEFAULT_HISTORY_TABLE;
        for (Migration m : set) {
            m.checkAtomicity();
            HistoryTableGuard.refuseTouching(m.statements(), m.origin(), history);
        }
        Reference.of(set, ReferenceCache.in(source.referenceCache));
        if (source.baseline != null) {
            Script baseline = Script.read(source.baseline);
            HistoryTableGuard.refuseTouching(baseline.statements(), baseline.origin(), history);
            Reference.replayScript(baseline);
        }
        if (backup != null) {
            PathChecks.newFile(backup, "--backup");
        }
    }

    private void print(RunResult r, boolean backedUp) {
        PrintStream out = io().out();
        if (backedUp) {
            out.println("backup: " + backup);
        }
        // the baseline runs first; its migrations are recorded after it
        List<Step> done = new ArrayList<>(r.done());
        done.sort(Comparator.comparing(s -> s.action() != Action.BASELINE));
        int statements = 0;
        for (Step s : done) {
            statements += s.statements().size();
            out.println(PlanText.version(s) + "  " + s.name() + "  " + PlanText.how(s) + "  "
                    + PlanText.count(s.statements().size(), "statement"));
        }
        for (String n : r.notes()) {
            out.println("note: " + n);
        }
        if (r.fastPath()) {
            out.println("up to date (fast path): " + database.db);
        } else if (r.done().isEmpty()) {
            out.println("up to date: " + database.db + " (nothing to change)");
        } else {
            out.println("migrated " + database.db + ": " + PlanText.count(r.done().size(), "step") + ", "
                    + PlanText.count(statements, "statement") + " in " + r.millis() + " ms");
        }
    }
}
