package dev.converge.cli;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.catalogue.Capture;
import dev.converge.scenarios.catalogue.Catalogue;
import dev.converge.scenarios.catalogue.Scenario;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code converge scenario list|create|capture}: the regression catalogue. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "The regression catalogue: list, write or capture named database states.",
        subcommands = {ScenarioCommand.ListCommand.class, ScenarioCommand.CreateCommand.class,
                ScenarioCommand.CaptureCommand.class})
final class ScenarioCommand extends Subcommand {
    @Override
    int execute() {
        io().err().println("converge: error: missing subcommand: list, create or capture");
        return 2;
    }

    /** The catalogue, plus any captured entries in {@code dir}. */
    static Catalogue catalogue(Path dir) {
        if (dir != null) {
            PathChecks.folder(dir, "--catalogue");
        }
        return dir == null ? Catalogue.standard() : Catalogue.standard().plus(Catalogue.load(dir));
    }

    /** Shared by the scenario subcommands: the root's streams and --verbose. */
    abstract static class Part implements Callable<Integer> {
        @ParentCommand
        ScenarioCommand parent;

        @Option(names = "--catalogue", paramLabel = "DIR", description = "Also use the captured entries in DIR.")
        Path catalogueDir;

        PrintStream out() {
            return parent.io().out();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the named scenarios with their descriptions.")
    static final class ListCommand extends Part {
        @picocli.CommandLine.Option(names = "--json", description = "Write the list as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (json) {
                java.util.List<Object> all = new java.util.ArrayList<>();
                for (Scenario s : catalogue(catalogueDir).scenarios()) {
                    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
                    e.put("name", s.name());
                    e.put("description", s.description());
                    all.add(e);
                }
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("format", JsonReports.FORMAT);
                m.put("command", "scenario list");
                m.put("scenarios", all);
                out().println(Json.write(m));
                return 0;
            }
            for (Scenario s : catalogue(catalogueDir).scenarios()) {
                out().printf("%-32s %s%n", s.name(), s.description());
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Write a scenario's database (and its migrations and baseline beside it).")
    static final class CreateCommand extends Part {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A catalogue scenario's name"
                + " (or, with --migrations, none).")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The database file to write,"
                + " a new one; for a catalogue scenario STEM.migrations/ and STEM.schema.sql are written beside it"
                + " and must not exist either.")
        Path out;

        @Option(names = "--migrations", paramLabel = "DIR", description = "Build a state of your own set instead.")
        Path migrations;

        @Option(names = "--baseline", paramLabel = "FILE", description = "With --migrations: today's full schema.")
        Path baseline;

        @Option(names = "--old", arity = "1..*", paramLabel = "FILE",
                description = "With --migrations: full schemas of older releases.")
        java.util.List<Path> old = new java.util.ArrayList<>();

        @Option(names = "--state", paramLabel = "STATE", description = "With --migrations: the state, named as verify"
                + " names it, e.g. 'history-lost(9)', 'half-applied(4, 2)', 'prefix(3, legacy history)'.")
        String state;

        @Option(names = "--history-table", paramLabel = "NAME", defaultValue = "schema_migrations",
                description = "With --migrations: the history table's name (default: ${DEFAULT-VALUE}).")
        String historyTable;

        @Override
        public Integer call() {
            if (migrations != null || state != null) {
                return ownState();
            }
            if (name == null) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "scenario create needs a scenario NAME, or"
                        + " --migrations DIR --state STATE to build a state of your own set");
            }
            Catalogue catalogue = catalogue(catalogueDir);
            catalogue.scenario(name);
            // create writes the database and, beside it, STEM.migrations/ (whose .sql files it replaces) and
            // STEM.schema.sql: none may exist, so that nothing of the user's is overwritten
            PathChecks.absent(out, "--out");
            String stem = out.getFileName().toString().replaceFirst("\\.db$", "");
            for (Path beside : new Path[]{out.resolveSibling(stem + ".migrations"), out.resolveSibling(stem + ".schema.sql")}) {
                if (Files.exists(beside, LinkOption.NOFOLLOW_LINKS)) {
                    throw ConvergeException.builder(ErrorCode.BAD_INPUT, "--out " + out + ": scenario create also"
                            + " writes " + beside + " beside it, and " + beside + " already exists; move it away or"
                            + " choose another --out. Nothing was changed.").file(beside.toString()).build();
                }
            }
            Catalogue.Written w = catalogue.create(name, out);
            out().println("database:   " + w.database());
            out().println("migrations: " + w.migrations());
            if (w.baseline() != null) {
                out().println("baseline:   " + w.baseline());
            }
            return 0;
        }

        /** A state of the user's own set, with the rows verify gives it, where verify puts them. */
        private int ownState() {
            if (migrations == null || state == null || name != null) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "scenario create builds a state of your own set with"
                        + " both --migrations DIR and --state STATE, and no scenario NAME");
            }
            PathChecks.folder(migrations, "--migrations");
            PathChecks.absent(out, "--out");
            StateBuilder builder = StateBuilder.forFolder(migrations).withHistoryTable(historyTable);
            if (baseline != null) {
                PathChecks.file(baseline, "--baseline");
                builder = builder.withBaseline(Baseline.read(baseline));
            }
            java.util.List<Baseline> releases = new java.util.ArrayList<>();
            for (Path p : old) {
                PathChecks.file(p, "--old");
                releases.add(Baseline.read(p));
            }
            builder = builder.withReleases(releases);
            java.util.List<State> states = builder.allStates();
            String wanted = state.replaceAll("\\s+", "");
            State chosen = states.stream().filter(st -> st.name().replaceAll("\\s+", "").equals(wanted)).findFirst()
                    .orElseThrow(() -> new ConvergeException(ErrorCode.BAD_INPUT, "--state " + state + ": no state of"
                            + " this set has that name; the states are: " + String.join(", ",
                            states.stream().map(State::name).toList())));
            new Verifier(migrations, baseline, builder).buildWithRows(chosen, out);
            out().println("database: " + out + " (" + chosen.name() + ", with the rows verify gives it)");
            return 0;
        }
    }

    /** The entry names {@link Capture} accepts; any other is refused by Capture itself, with the rule. */
    private static final String CAPTURE_NAME = "[a-z0-9][a-z0-9.-]*";

    @Command(name = "capture", mixinStandardHelpOptions = true, description = "Turn a real database (a copy) into a catalogue entry: schema and history, no rows.")
    static final class CaptureCommand extends Part {
        @Option(names = "--db", required = true, paramLabel = "FILE", converter = DatabaseLocation.class,
                description = "The database to capture (only read).")
        Path db;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The entry's name.")
        String name;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The catalogue folder to write into.")
        Path outDir;

        @Option(names = "--migrations", paramLabel = "DIR", description = "The migrations the entry is checked against.")
        Path migrations;

        @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline the entry is checked against.")
        Path baseline;

        @Override
        public Integer call() {
            if (Files.exists(outDir)) {
                PathChecks.folder(outDir, "--out");
            }
            if (migrations != null) {
                PathChecks.folder(migrations, "--migrations");
            }
            if (baseline != null) {
                PathChecks.file(baseline, "--baseline");
            }
            Path existing = name.matches(CAPTURE_NAME) ? outDir.resolve(name) : null;
            if (existing != null && Files.exists(existing)) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the catalogue entry " + existing
                        + " already exists; capture never replaces an entry (it may hold your edits). Choose another"
                        + " --name, or remove the entry first. Nothing was changed.").file(existing.toString()).build();
            }
            Path entry = Capture.capture(db, name, outDir, migrations, baseline);
            out().println("captured " + name + " into " + entry + " (schema and history only, no rows)");
            out().println("reproduce it with: converge reproduce " + name + " --catalogue " + outDir);
            return 0;
        }
    }
}
