package dev.converge.cli;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.detect.Reference;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import dev.converge.source.Layout;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code converge verify}: builds every database state for a migration set (each prefix, baseline-only, each prefix
 * plus each baseline, history lost, every half-applied point, each old release as legacy, drift), runs the engine on
 * each, checks the guarantees, and prints a table. Exit 0 only if every state converges.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Prove that Converge converges every database state of a migration set.",
        footer = {"", "Outcomes: CONVERGED; REFUSED (a state off the set's timeline, refused cleanly: right);",
                "FAILED (a guarantee failed, or a state on the timeline was refused); HAZARD (fails only because of",
                "its rows: a finding about the migrations). Exit status: 0 every state on the timeline converged,",
                "1 a guarantee failed (or a hazard, with --strict), 2 the set, baseline or an --old script is unusable."})
final class VerifyCommand extends Subcommand {
    @Mixin
    SourceOptions source;

    @Option(names = "--old", arity = "1..*", paramLabel = "FILE",
            description = "Full schemas of older releases (legacy databases, and prefix+baseline states).")
    List<Path> old = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the results as Markdown to FILE.")
    Path report;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--strict", description = "Also fail (exit 1) for data hazards.")
    boolean strict;

    @Option(names = "--keep-failed", paramLabel = "DIR",
            description = "Keep each FAILED or HAZARD state's database (as built, before the engine ran) in DIR.")
    Path keepFailed;

    @Option(names = "--history-table", paramLabel = "NAME", defaultValue = "schema_migrations",
            description = "The history table's name (default: ${DEFAULT-VALUE}).")
    String historyTable;

    @Override
    boolean json() {
        return json;
    }

    @Override
    int execute() {
        PrintStream out = io().out();
        // every input is checked before the first state is built, so that a bad one is one error naming it (exit 2),
        // not a failure part-way through the table: a set that does not replay (REPLAY_FAILED names file and line),
        // a baseline or older release that does not run, a report that cannot be written
        Layout layout = source.layout == null ? Layout.detect(source.migrations) : Layout.named(source.layout);
        boolean ownLayout = layout == Layout.CONVERGE && source.placeholders.isEmpty();
        MigrationSet set = ownLayout ? MigrationSource.folder(source.migrations).load() : source.source().load();
        Reference.replay(set);
        everyStateWouldBeRefused(set);
        if (source.baseline != null) {
            PathChecks.file(source.baseline, "--baseline");
            Reference.replayScript(Script.read(source.baseline));
        }
        for (Path p : old) {
            PathChecks.file(p, "--old");
            try {
                Reference.replayScript(Script.read(p));
            } catch (ConvergeException e) {
                ConvergeException.Builder named = ConvergeException.builder(e.code(), "--old " + p
                        + " (an older release's full schema): " + e.getMessage()).file(p.toString()).cause(e);
                e.line().ifPresent(named::line);
                throw named.build();
            }
        }
        if (report != null) {
            PathChecks.outputFile(report, "--report");
        }
        if (keepFailed != null) {
            keepFolder(keepFailed);
        }
        Converge.Builder lintBuilder = Converge.configure().historyTable(historyTable);
        LintReport lint = source.applyTo(lintBuilder).loadForLint().lint();

        // another tool's folder is read as the engine reads it; Converge's own by the builder's independent reader
        StateBuilder builder = (ownLayout ? StateBuilder.forFolder(source.migrations) : StateBuilder.forSet(set))
                .withHistoryTable(historyTable);
        if (source.baseline != null) {
            builder = builder.withBaseline(Baseline.read(source.baseline));
        }
        List<Baseline> releases = new ArrayList<>();
        for (Path p : old) {
            releases.add(Baseline.read(p));
        }
        builder = builder.withReleases(releases);
        Verifier verifier = ownLayout ? new Verifier(source.migrations, source.baseline, builder)
                : new Verifier(source.migrations, source.source(), source.baseline, builder);
        int total = verifier.states().size();
        if (!json) {
            out.printf("Verifying %d database states of %s%n%n", total, source.migrations);
            out.printf("%-8s %-48s %-10s %7s  %s%n", "#", "state", "outcome", "time", "detail");
        }
        Path work = tempDir();
        List<Outcome> outcomes;
        try {
            int[] n = {0};
            outcomes = verifier.verifyAll(work, keepFailed, o -> {
                n[0]++;
                if (!json) {
                    out.print(row(n[0] + "/" + total, o));
                    out.flush();
                }
            });
        } finally {
            delete(work);
        }
        Map<Outcome.Result, Integer> counts = new EnumMap<>(Outcome.Result.class);
        for (Outcome o : outcomes) {
            counts.merge(o.result(), 1, Integer::sum);
        }
        boolean ok = outcomes.stream().allMatch(o -> o.ok(strict)) && lint.ok();
        if (json) {
            out.println(Json.write(toJson(outcomes, lint, ok)));
        } else {
            out.println();
            for (LintReport.Finding f : lint.findings()) {
                out.println("lint: " + f);
            }
            if (keepFailed != null && outcomes.stream().anyMatch(o -> !o.ok(true))) {
                out.println("The failed and hazardous states' databases are in " + keepFailed + ".");
            }
            out.printf("%n%d states: %d converged, %d refused (off the timeline), %d failed, %d data hazard(s)%s;"
                            + " lint: %d error(s). %s%n", outcomes.size(),
                    counts.getOrDefault(Outcome.Result.CONVERGED, 0), counts.getOrDefault(Outcome.Result.REFUSED, 0),
                    counts.getOrDefault(Outcome.Result.FAILED, 0), counts.getOrDefault(Outcome.Result.HAZARD, 0),
                    strict ? " (--strict: hazards fail)" : "", lint.errors().size(),
                    ok ? "Every guarantee holds." : "Some guarantees do not hold: see the failures above.");
        }
        if (report != null) {
            writeMarkdown(report, outcomes, lint, ok);
        }
        return ok ? 0 : ErrorCode.LINT_FAILED.exitStatus();
    }

    /** The outcome's whole detail on one line (for Markdown's table): nothing cut. */
    private static String oneLine(Outcome o) {
        return o.detail().replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A row of the text table; the detail wraps under its column, never cut. */
    static String row(String number, Outcome o) {
        String head = String.format("%-8s %-48s %-10s %5dms  ", number, o.state().name(), o.result(), o.millis());
        String indent = " ".repeat(head.length());
        StringBuilder sb = new StringBuilder(head);
        boolean first = true;
        for (String line : wrap(o.detail(), Math.max(40, 160 - head.length()))) {
            sb.append(first ? "" : indent).append(line).append(System.lineSeparator());
            first = false;
        }
        if (first) {
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Lines of at most {@code width} characters, broken at spaces (a longer word stands alone); every word kept. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            String lead = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            String line = "";
            for (String word : paragraph.strip().split("\\s+")) {
                if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                    out.add(lead + line);
                    line = "";
                }
                line = line.isEmpty() ? word : line + " " + word;
            }
            if (!line.isEmpty()) {
                out.add(lead + line);
            }
        }
        return out;
    }

    /**
     * A set the engine refuses whatever the state (a statement that breaks the one-transaction-per-migration
     * guarantee) is unusable: one error before the first state is built, instead of a table of refusals.
     */
    private static void everyStateWouldBeRefused(MigrationSet set) {
        for (Migration m : set) {
            try {
                m.checkAtomicity();
            } catch (ConvergeException e) {
                ConvergeException.Builder b = ConvergeException.builder(e.code(), "every state would be refused, so no"
                        + " state was built: " + e.getMessage()).cause(e);
                e.file().ifPresent(b::file);
                e.line().ifPresent(b::line);
                throw b.build();
            }
        }
    }

    private static void keepFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "--keep-failed " + dir + ": cannot create the folder: "
                    + e.getMessage()).file(dir.toString()).cause(e).build();
        }
    }

    private Map<String, Object> toJson(List<Outcome> outcomes, LintReport lint, boolean ok) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", 1);
        doc.put("command", "verify");
        doc.put("migrations", source.migrations.toString());
        doc.put("ok", ok);
        List<Object> states = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("state", o.state().name());
            s.put("outcome", o.result().name());
            s.put("millis", o.millis());
            s.put("how", o.hows());
            if (o.refusal() != null) {
                s.put("refusal", o.refusal().name());
            }
            s.put("failures", o.failures());
            s.put("message", o.message());
            if (o.placement() != null) {
                s.put("onTimeline", o.placement().onTimeline());
                s.put("placement", o.placement().why());
            }
            if (o.hazard() != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("file", o.hazard().file());
                h.put("line", o.hazard().line());
                h.put("statement", o.hazard().statement());
                h.put("constraint", o.hazard().constraint());
                h.put("sqlite", o.hazard().sqlite());
                h.put("sampleRow", o.hazard().sampleRow());
                h.put("fix", o.hazard().fix());
                s.put("hazard", h);
            }
            states.add(s);
        }
        doc.put("states", states);
        List<Object> findings = new ArrayList<>();
        for (LintReport.Finding f : lint.findings()) {
            findings.add(f.toString());
        }
        doc.put("lint", findings);
        return doc;
    }

    private void writeMarkdown(Path file, List<Outcome> outcomes, LintReport lint, boolean ok) {
        StringBuilder md = new StringBuilder();
        md.append("# Converge verification of `").append(source.migrations).append("`\n\n");
        md.append(ok ? "Every state on the set's timeline converged, states off it were refused cleanly, and lint"
                + " found no errors.\n\n"
                : "**Some guarantees do not hold.**\n\n");
        md.append("| # | state | outcome | time (ms) | detail |\n| --- | --- | --- | ---: | --- |\n");
        int i = 0;
        for (Outcome o : outcomes) {
            md.append("| ").append(++i).append(" | `").append(o.state().name()).append("` | ").append(o.result())
                    .append(" | ").append(o.millis()).append(" | ").append(oneLine(o).replace("|", "\\|")).append(" |\n");
        }
        if (!lint.findings().isEmpty()) {
            md.append("\n## Lint\n\n");
            for (LintReport.Finding f : lint.findings()) {
                md.append("- ").append(f.toString().replace("\n", " ")).append('\n');
            }
        }
        try {
            Files.writeString(file, md);
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot write the report " + file + ": " + e.getMessage())
                    .file(file.toString()).cause(e).build();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("converge-verify");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
