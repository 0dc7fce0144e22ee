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
    @Option(names = "--json", description = "Write the rehearsal's report as JSON.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }

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
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = json ? new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8)
                : io().out();
        Rehearsal r = keep == null ? Rehearse.run(db, migrations, baseline, out)
                : Rehearse.run(db, migrations, baseline, out, keep);
        String verdict = r.failure() != null ? "the rehearsal was refused: " + r.failure().getMessage()
                : r.ok() ? "the rehearsal converged" : "the rehearsal did NOT converge cleanly: see above";
        int status = r.failure() != null ? r.failure().exitStatus() : r.ok() ? 0 : 1;
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("format", JsonReports.FORMAT);
            m.put("command", "rehearse");
            m.put("converged", r.failure() == null && r.ok());
            m.put("exitStatus", status);
            m.put("verdict", verdict);
            m.put("report", text.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
            io().out().println(Json.write(m));
        } else {
            io().out().println(verdict);
        }
        return status;
    }
}
