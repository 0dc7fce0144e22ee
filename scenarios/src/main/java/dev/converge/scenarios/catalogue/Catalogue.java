package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.PlanReport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The named regression scenarios: the built-in ones on the StarPunk example, plus any captured from real databases
 * ({@link Capture}) and loaded from a folder. Every entry is run by the build; {@link #reproduce} shows one step by
 * step, and {@link #create} writes one to files to look at or to run the engine on by hand.
 */
public final class Catalogue {
    private final Map<String, Scenario> scenarios;

    private Catalogue(List<Scenario> list) {
        Map<String, Scenario> m = new LinkedHashMap<>();
        for (Scenario s : list) {
            if (m.put(s.name(), s) != null) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "two scenarios are named " + s.name());
            }
        }
        this.scenarios = m;
    }

    /** The built-in scenarios (on the StarPunk example). */
    public static Catalogue standard() {
        return new Catalogue(StarpunkScenarios.all());
    }

    public static Catalogue of(List<Scenario> scenarios) {
        return new Catalogue(scenarios);
    }

    /**
     * The scenarios captured into {@code dir}: every sub-folder holding a {@code scenario.properties}, in name order
     * (see {@link Capture} for the layout).
     */
    public static Catalogue load(Path dir) {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isRegularFile(entry.resolve(Capture.PROPERTIES))) {
                    out.add(Capture.read(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new Catalogue(out);
    }

    /** This catalogue and another one's scenarios after it; names must not repeat. */
    public Catalogue plus(Catalogue other) {
        List<Scenario> all = new ArrayList<>(scenarios.values());
        all.addAll(other.scenarios.values());
        return new Catalogue(all);
    }

    public List<Scenario> scenarios() {
        return List.copyOf(scenarios.values());
    }

    public List<String> names() {
        return List.copyOf(scenarios.keySet());
    }

    /** The scenario with this name; refuses with the names there are. */
    public Scenario scenario(String name) {
        Scenario s = scenarios.get(name);
        if (s == null) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "no scenario is named " + name + "; the catalogue has "
                    + String.join(", ", scenarios.keySet()));
        }
        return s;
    }

    /** Runs one scenario in {@code workDir} (see {@link Scenario#run}). */
    public Verdict run(String name, Path workDir) {
        return scenario(name).run(workDir);
    }

    /**
     * Writes a scenario to files, to look at or migrate by hand: the database at {@code out} (the state, its SQL,
     * and the rows the verification fills in), and beside it the migration folder as the scenario ships it — with its
     * file edits applied — as {@code <out without .db>.migrations/}, and the baseline as {@code <…>.schema.sql}.
     * Then {@code converge migrate --database out --migrations <…>.migrations --baseline <…>.schema.sql} meets the
     * scenario as the catalogue does. Files already there are replaced.
     */
    public Written create(String name, Path out) {
        Scenario s = scenario(name);
        String stem = out.getFileName().toString().replaceFirst("\\.db$", "");
        Path folder = out.resolveSibling(stem + ".migrations");
        Path schema = out.resolveSibling(stem + ".schema.sql");
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
        Fixture.OnDisk files = s.fixture().writeTo(folder, schema, s.edits());
        s.buildFilled(out);
        return new Written(out, files.migrations(), files.baseline());
    }

    /** What {@link #create} wrote: the database, the migration folder, and the baseline or null. */
    public record Written(Path database, Path migrations, Path baseline) {
    }

    /** {@link #reproduce(String, PrintStream, Path)} in a new temporary folder, which is left for inspection. */
    public Verdict reproduce(String name, PrintStream out) {
        try {
            return reproduce(name, out, Files.createTempDirectory("converge-reproduce-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /**
     * Builds the scenario in {@code workDir}, prints the plan (versions, states, statements), runs the engine, and
     * prints the outcome and the verification, expected against actual. Returns the verdict.
     */
    public Verdict reproduce(String name, PrintStream out, Path workDir) {
        Scenario s = scenario(name);
        out.println("scenario " + s.name() + " (" + s.fixture().name() + ")");
        out.println("  " + s.description());
        out.println("state: " + s.state().name());
        for (String sql : s.sql()) {
            out.println("  then by hand: " + sql.strip().replace("\n", "\n                ") );
        }
        for (FileEdit e : s.edits()) {
            out.println("  then the files: " + e);
        }
        out.println("files: " + workDir.toAbsolutePath());
        Verdict v = s.run(workDir);
        out.println("plan:");
        if (v.plan() != null) {
            PlanReport.print(v.plan(), out);
        } else {
            out.println("  refused: " + v.planError().code() + ": " + v.planError().getMessage().replace("\n", "\n    "));
        }
        Outcome o = v.outcome();
        out.println("outcome: " + o.result() + (o.refusal() == null ? "" : " " + o.refusal()) + " (" + o.millis() + " ms)");
        out.println("  " + o.message().replace("\n", "\n  "));
        if (!v.history().isEmpty()) {
            StringBuilder h = new StringBuilder();
            v.history().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> h.append(h.length() == 0 ? "" : ", ").append(e.getKey()).append(':').append(e.getValue()));
            out.println("history after: " + h);
        }
        out.println("expected: " + s.expected());
        if (v.passed()) {
            out.println("verification: PASSED — every guarantee held and the result is the expected one");
        } else {
            out.println("verification: FAILED");
            for (String m : v.mismatches()) {
                out.println("  - " + m);
            }
        }
        return v;
    }
}
