package dev.converge.cli;

import dev.converge.scenarios.rehearse.Rehearsal;
import dev.converge.scenarios.rehearse.Rehearse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code converge rehearse}: migrates a backup copy of a real database and reports; the original is only read. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, description = "Copy a database with SQLite's backup API, migrate the copy, and report."
        + " The original is never opened for writing.")
final class RehearseCommand extends Subcommand {
    @Option(names = "--db", required = true, paramLabel = "FILE", converter = DatabaseLocation.class,
            description = "The database to rehearse on (only read).")
    Path db;

    @Option(names = "--migrations", required = true, paramLabel = "DIR", description = "The migration folder.")
    Path migrations;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The full-schema script.")
    Path baseline;

    @Option(names = "--keep", paramLabel = "FILE", description = "Keep the migrated copy in FILE, a new file (never overwritten).")
    Path keep;

    @Override
    Path database() {
        return db;
    }

    @Override
    int execute() {
        // everything the rehearsal reads or writes is checked before the copy is made
        PathChecks.folder(migrations, "--migrations");
        if (baseline != null) {
            PathChecks.file(baseline, "--baseline");
        }
        if (keep != null) {
            // the copy replaces whatever is there: refusing an existing file keeps --keep from deleting --db itself
            PathChecks.newFile(keep, "--keep");
        }
        PathChecks.readableDatabase(db);
        Rehearsal r = keep == null ? Rehearse.run(db, migrations, baseline, io().out())
                : Rehearse.run(db, migrations, baseline, io().out(), keep);
        if (r.failure() != null) {
            io().out().println("the rehearsal was refused: " + r.failure().getMessage());
            return r.failure().exitStatus();
        }
        io().out().println(r.ok() ? "the rehearsal converged" : "the rehearsal did NOT converge cleanly: see above");
        return r.ok() ? 0 : 1;
    }
}
