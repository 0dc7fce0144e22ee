package dev.converge.detect;

import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.source.Migration;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps that touch objects outside a migration's own statements (docs/design.md §6): views and triggers standing
 * ahead of the first migration the run executes are put back as they stood, and drift in objects recorded migrations
 * made is repaired or reported. Also the statement helpers the planner shares. Pure.
 */
final class Repairs {
    private Repairs() {
    }

    /**
     * Views and triggers that stand ahead of the first migration the run executes are dropped at the start of its step
     * and, where the timeline has them there, re-created as they stood then; the later migrations re-make them.
     */
    static void putBackAhead(Reference ref, Detection d, List<Step> steps, List<String> notes) {
        if (d.ahead().isEmpty()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!(step instanceof Step.Execute exec) || step.migration() == null) {
                continue;
            }
            Migration m = step.migration();
            int start = ref.effectsOf(m).start();
            List<Statement> run = new ArrayList<>();
            List<SchemaObject> before = new ArrayList<>();
            for (ObjectId id : d.ahead()) {
                run.add(synthesized("DROP " + id.type().sqlName().toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                        + Identifiers.quote(nameOf(ref, id)), m.origin()));
                SchemaObject then = ref.objects().get(id).at(start);
                if (then != null) {
                    before.add(then);
                }
                notes.add(id + " stands as later migrations make it (created early, e.g. by a baseline): "
                        + (then == null ? "dropped" : "put back as it stands") + " before " + m.name()
                        + ", and re-made by the migrations after it");
            }
            before.sort((a, b) -> Integer.compare(createdAt(ref, a.id(), start), createdAt(ref, b.id(), start)));
            for (SchemaObject o : before) {
                run.add(synthesized(o.sql(), m.origin()));
            }
            run.addAll(step.statements());
            steps.set(i, exec.withStatements(run));
            return;
        }
    }

    /** Where the definition an object has at {@code point} began. */
    private static int createdAt(Reference ref, ObjectId id, int point) {
        ObjectHistory h = ref.objects().get(id);
        return h.start(h.intervalAt(point));
    }

    static String nameOf(Reference ref, ObjectId id) {
        ObjectHistory h = ref.objects().get(id);
        for (int i = 0; i < h.size(); i++) {
            if (h.definition(i) != null) {
                return h.definition(i).name();
            }
        }
        return id.key();
    }

    static Statement synthesized(String sql, String origin) {
        return SqlSplitter.split(sql, origin + " (converge)").get(0);
    }

    static String skip(Statement st, String why) {
        return "line " + st.line() + ": " + st.firstLine() + " — skipped: " + why;
    }

    /**
     * Drift (DESIGN.md §4 step 7): indexes, views and triggers of the target that are missing while the migrations
     * that made them are recorded and no pending migration touches them are re-created; other differences in objects
     * no pending migration touches are reported and tolerated.
     */
    static List<Step> drift(Reference ref, Schema live, Detection d, Set<ObjectId> pendingTouched,
                                    Set<ObjectId> tolerated, List<String> notes) {
        List<Step> repairs = new ArrayList<>();
        // objects touched by a migration whose effects are not known to be in place: not drift, whatever they look like
        Set<ObjectId> pendingAll = new HashSet<>(pendingTouched);
        for (MigrationStatus s : d.statuses()) {
            if (s.migration() != null && s.state() != MigrationState.APPLIED && s.state() != MigrationState.PRESENT) {
                pendingAll.addAll(ref.effectsOf(s.migration()).touched());
            }
        }
        for (SchemaObject target : ref.target().objects()) {
            ObjectId id = target.id();
            if (pendingAll.contains(id)) {
                continue;
            }
            SchemaObject actual = live.get(id).orElse(null);
            if (actual == null && id.type() != ObjectType.TABLE) {
                Reason r = Reason.of(id + " was created by a recorded migration and is missing: re-created");
                repairs.add(new Step.Repair("repair " + id, r, List.of(synthesized(target.sql(), "target schema")),
                        List.of(id)));
            } else if (actual == null) {
                notes.add("drift: " + id + " was created by a recorded migration and is missing");
                tolerated.add(id);
            } else if (!target.sameDefinition(actual)) {
                StringBuilder sb = new StringBuilder("drift: " + id + " differs from what the recorded migrations made:");
                for (Change c : SchemaDiff.between(target, actual)) {
                    sb.append(" ").append(c.describe()).append(";");
                }
                notes.add(sb.toString());
                tolerated.add(id);
            }
        }
        for (SchemaObject actual : live.objects()) {
            ObjectId id = actual.id();
            if (ref.names(id) && !ref.target().contains(id) && !pendingAll.contains(id)) {
                notes.add("drift: " + id + " exists although the recorded migrations removed it: left alone");
                tolerated.add(id);
            }
        }
        return repairs;
    }
}
