package dev.converge.detect;

import dev.converge.error.ConvergeException;
import dev.converge.schema.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code migrate} will do, as a value: per migration its state, reason and the exact statements, the problems
 * that make it refuse, notes (drift, unmanaged objects, skipped baseline), and what it was made against so that a stale
 * plan is refused. {@code plan()} returns it and changes nothing; {@code migrate(plan)} carries it out.
 *
 * @param steps              one per migration and history row, in version order, then repairs
 * @param problems           refusals found while planning; the plan is carried out only when this is empty
 * @param notes              things reported but not refused
 * @param detection          the detector's verdicts
 * @param historyFingerprint the history it was made against
 * @param schemaVersion      {@code PRAGMA schema_version} it was made against
 * @param tolerated          objects left as they are (unmanaged, or drifted and touched by no pending migration):
 *                           excluded from the comparison with the target
 * @param reference          the reference it was made from
 */
public record Plan(List<Step> steps, List<Problem> problems, List<String> notes, Detection detection,
                   String historyFingerprint, long schemaVersion, Set<ObjectId> tolerated, Reference reference) {

    public Plan {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        tolerated = Set.copyOf(tolerated);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    /** True when carrying it out would change the database. */
    public boolean hasWork() {
        for (Step s : steps) {
            if (s.changesDatabase()) {
                return true;
            }
        }
        return false;
    }

    /** The steps that change the database. */
    public List<Step> work() {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.changesDatabase()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The first difference between the work of this plan and {@code other}'s — which migrations, from which file
     * contents, how recorded, with which statements — or null when they would do exactly the same.
     */
    public String workDifference(Plan other) {
        List<Step> mine = work();
        List<Step> theirs = other.work();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            if (i >= mine.size()) {
                return "it would now also run " + theirs.get(i).name();
            }
            if (i >= theirs.size()) {
                return mine.get(i).name() + " would no longer run";
            }
            Step a = mine.get(i);
            Step b = theirs.get(i);
            String ca = a.migration() == null ? null : a.migration().checksum();
            String cb = b.migration() == null ? null : b.migration().checksum();
            if (!java.util.Objects.equals(a.version(), b.version()) || !a.name().equals(b.name())) {
                return "it would now run " + b.name() + " where the plan ran " + a.name();
            }
            if (!java.util.Objects.equals(ca, cb)) {
                return a.name() + " changed since the plan was made (checksum " + ca + " then, " + cb + " now)";
            }
            if (a.action() != b.action() || a.how() != b.how()
                    || !a.statements().stream().map(dev.converge.sql.Statement::text).toList()
                    .equals(b.statements().stream().map(dev.converge.sql.Statement::text).toList())) {
                return a.name() + " would now run other statements";
            }
        }
        return null;
    }

    /** The SQL that would run, one statement per entry, in order. */
    public List<String> sql() {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.action() == Action.EXECUTE || s.action() == Action.BASELINE || s.action() == Action.REPAIR) {
                try (dev.converge.source.StatementTexts texts = dev.converge.source.StatementTexts.of(s.migration())) {
                    s.statements().forEach(st -> out.add(texts.of(st).text()));
                }
            }
        }
        return out;
    }

    /** The refusal as an exception: the first problem's code, every problem in the message. */
    public ConvergeException refusal() {
        if (problems.isEmpty()) {
            throw new IllegalStateException("the plan has no problems");
        }
        Problem first = problems.get(0);
        StringBuilder sb = new StringBuilder("refused before any change:");
        for (Problem p : problems) {
            sb.append("\n  ").append(p.message());
        }
        return ConvergeException.builder(first.code(), sb.toString()).file(first.file())
                .version(first.version()).object(first.object()).build();
    }
}
