package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.ObjectType;
import dev.converge.source.Version;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 5: the verdict on one unrecorded migration, from the positions of the objects it touches, F, and what earlier
 * migrations of this run will change (docs/design.md §5, pass 5). Says only what is true of the database; which
 * statements run is the planner's.
 */
final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param inF        the migration is at or before F
     * @param withinF    it is at or before F and every migration before it is in place
     * @param willChange objects earlier migrations of this run execute on
     */
    static MigrationStatus judge(Scene scene, MigrationEffects me, Map<ObjectId, Integer> position,
                                 Set<ObjectId> willChange, boolean inF, boolean withinF) {
        if (me.hasNoSchemaEffect()) {
            return withinF
                    ? status(me, MigrationState.PRESENT, Reason.of("no schema effect; the migrations around it are in place"))
                    : status(me, MigrationState.ABSENT, Reason.of("no schema effect; the migrations before it are not all in place"));
        }
        MigrationStatus whole = judgedByWholePoints(scene, me, willChange, inF);
        if (whole != null) {
            return whole;
        }
        List<ObjectId> holding = new ArrayList<>();
        List<ObjectId> missing = new ArrayList<>();
        List<ObjectId> mid = new ArrayList<>();
        List<ObjectConflict> conflicts = new ArrayList<>();
        for (ObjectId id : me.touched()) {
            ObjectHistory h = scene.history(id);
            int pos = position.get(id);
            if (transientAbsent(scene, me, h) && !willChange.contains(id)) {
                continue;
            }
            boolean putAside = scene.indexesAColumnItsTableLacks(scene.live.get(id).orElse(null));
            if (pos < 0 && !willChange.contains(id) && !putAside) {
                conflicts.add(nearest(scene, me, h, scene.live.get(id).orElse(null)));
            } else if (willChange.contains(id) || putAside) {
                missing.add(id); // an earlier migration of this run brings it to where this one starts
            } else if (pos >= h.intervalAt(me.lastTouch(id))) {
                holding.add(id);
            } else if (pos < h.intervalAt(me.firstTouch(id))) {
                missing.add(id);
            } else {
                mid.add(id);
            }
        }
        Reason objects = new Reason("", holding, missing, mid, List.of());
        if (!conflicts.isEmpty()) {
            boolean replaces = true;
            for (ObjectConflict c : conflicts) {
                replaces &= replacedBy(me, c.object());
            }
            String summary = replaces
                    ? "objects match no point of the reference, but this migration drops and re-creates them"
                    : "objects match no point of the reference and this migration does not replace them";
            return new MigrationStatus.Conflict(me.migration().version(), me.migration().name(),
                    new Reason(summary, holding, missing, mid, conflicts), me.migration(), replaces);
        }
        if (!mid.isEmpty()) {
            // rule "intermediate is an interruption"
            int j = Interruption.halfPoint(scene, me);
            if (j > 0) {
                return Interruption.halfApplied(scene, me, j, objects);
            }
            List<ObjectConflict> odd = new ArrayList<>();
            for (ObjectId id : mid) {
                odd.add(new ObjectConflict(id, scene.history(id).at(me.end()), scene.live.get(id).orElse(null)));
            }
            return status(me, MigrationState.CONFLICT, new Reason("objects stand mid-migration, but not at any one"
                    + " statement of it", holding, missing, List.of(), odd));
        }
        if (missing.isEmpty()) {
            return status(me, MigrationState.PRESENT, new Reason("every effect already holds", holding, missing, mid, List.of()));
        }
        if (holding.isEmpty()) {
            return status(me, MigrationState.ABSENT, new Reason("none of its effects holds", holding, missing, mid, List.of()));
        }
        // rule "partial with data after is an interruption": the effects that hold are exactly those of its first j
        // statements and data statements follow: resumed with those data statements (seed rows a later statement
        // relies on), not a completion that skips the ones writing tables that already stand
        if (Collections.disjoint(me.touched(), willChange)) {
            int j = Interruption.halfPoint(scene, me);
            if (j > 0 && Interruption.hasDataAfter(me, Interruption.resumePoint(me, j, scene.rows))) {
                return Interruption.halfApplied(scene, me, j, objects);
            }
        }
        return status(me, MigrationState.PARTIAL, new Reason("some effects hold, the rest are missing", holding, missing,
                mid, List.of()));
    }

    /**
     * Rule "judged by whole points": every object the migration touches recurs on the timeline, so it is judged by
     * whole points — PRESENT when they stand exactly as after it, ABSENT as before it — where F agrees; else null.
     */
    private static MigrationStatus judgedByWholePoints(Scene scene, MigrationEffects me, Set<ObjectId> willChange,
                                                       boolean inF) {
        for (ObjectId id : me.touched()) {
            if (scene.matches(id).size() <= 1) {
                return null;
            }
        }
        Boolean at = scene.exactPoint(me);
        List<ObjectId> all = new ArrayList<>(me.touched());
        if (at == Boolean.TRUE && inF && Collections.disjoint(all, willChange)) {
            return status(me, MigrationState.PRESENT, new Reason("every object it touches stands exactly as after it",
                    all, List.of(), List.of(), List.of()));
        }
        if (at == Boolean.FALSE && !inF) {
            return status(me, MigrationState.ABSENT, new Reason("every object it touches stands exactly as before it",
                    List.of(), all, List.of(), List.of()));
        }
        return null;
    }

    /**
     * Rule "transient objects are no effect": an object the migration creates and removes again (a rebuild's
     * {@code t_new}, a renamed-away {@code _t_old}) that is absent live is neither held nor missing; only its presence
     * says something (an interrupted run).
     */
    static boolean transientAbsent(Scene scene, MigrationEffects me, ObjectHistory h) {
        return h.at(me.start()) == null && h.at(me.end()) == null && scene.live.get(h.id()).isEmpty();
    }

    /**
     * Rule "data alone is uncertain": a migration without schema effect, behind migrations that are all in place but
     * not all recorded, may or may not have run; only a recorded history can tell.
     */
    static boolean uncertain(MigrationEffects me, MigrationStatus s, boolean allBeforeInPlace,
                             boolean someBeforeUnrecorded) {
        return me.hasNoSchemaEffect() && s.state() == MigrationState.ABSENT && allBeforeInPlace && someBeforeUnrecorded;
    }

    /**
     * Rule "trailing data is uncertain": the first unrecorded migration behind a recorded history whose schema effects
     * all hold, and whose last statements are data statements, was interrupted before them as likely as after them: a
     * recording runner would have recorded it. Its trailing data statements are tried again ({@code UNCERTAIN} from
     * the first of them); otherwise {@code s} stands.
     */
    static MigrationStatus trailingDataUncertain(Scene scene, MigrationEffects me, MigrationStatus s) {
        int total = me.statements().size();
        if (s.state() != MigrationState.PRESENT || me.hasNoSchemaEffect()) {
            return s;
        }
        int from = Interruption.resumePoint(me, total, scene.rows);
        if (from == total || from == 0) {
            return s;
        }
        return new MigrationStatus.Uncertain(me.migration().version(), me.migration().name(),
                new Reason("its schema effects hold but it is not recorded behind a recorded history, and statements "
                        + (from + 1) + " to " + total + " are data the schema cannot show: they are tried again",
                        s.reason().holding(), List.of(), List.of(), List.of()),
                me.migration(), from);
    }

    /**
     * Rule "nearest point": a live object that matches no point of its timeline is reported against the definition
     * nearest it (fewest differences; where the migration leaves it on a tie), naming the migration and statement after
     * which that definition stands — not against the first migration that touched the object.
     */
    static ObjectConflict nearest(Scene scene, MigrationEffects me, ObjectHistory h, SchemaObject live) {
        int best = h.intervalAt(me.end());
        int fewest = distance(h.definition(best), live);
        for (int i = 0; i < h.size(); i++) {
            int d = distance(h.definition(i), live);
            if (d < fewest) {
                best = i;
                fewest = d;
            }
        }
        return new ObjectConflict(h.id(), h.definition(best), live, pointName(scene.ref, h.start(best)));
    }

    private static int distance(SchemaObject expected, SchemaObject live) {
        if (expected == null || live == null) {
            return expected == live ? 0 : Integer.MAX_VALUE;
        }
        return SchemaDiff.between(expected, live).size();
    }

    /** Where point {@code p} of the timeline is, in the user's terms. */
    private static String pointName(Reference ref, int p) {
        for (MigrationEffects m : ref.migrations()) {
            if (p > m.start() && p <= m.end()) {
                return p == m.end() ? "as " + m.migration().name() + " leaves it"
                        : "as statement " + (p - m.start()) + " of " + m.migration().name() + " leaves it";
            }
        }
        return "before the first migration";
    }

    /** True when the migration's first statement touching {@code id} drops it: it replaces whatever stands there. */
    private static boolean replacedBy(MigrationEffects me, ObjectId id) {
        for (int j = 0; j < me.statements().size(); j++) {
            if (me.effects().get(j).contains(id)) {
                Statement st = me.statements().get(j);
                boolean drop = switch (st.kind()) {
                    case DROP_TABLE, DROP_INDEX, DROP_VIEW, DROP_TRIGGER -> true;
                    default -> false;
                };
                // dropping a table drops what the dialect drops with it (SQLite: its indexes and triggers)
                return drop && (st.objectName() != null && (Identifiers.same(st.objectName(), id.key())
                        || st.kind() == StatementKind.DROP_TABLE && Reference.DIALECT.droppedWithItsTable(id.type())));
            }
        }
        return false;
    }

    /** True when the run executes statements of this migration (a refusal executes nothing). */
    static boolean executes(MigrationStatus s) {
        return switch (s.state()) {
            case ABSENT, UNCERTAIN, PARTIAL, HALF_APPLIED -> true;
            case CONFLICT -> s instanceof MigrationStatus.Conflict c && c.replaces();
            default -> false;
        };
    }

    /** The objects that running {@code me} in state {@code s} will change. */
    static Set<ObjectId> changes(MigrationEffects me, MigrationStatus s) {
        Set<ObjectId> out = new HashSet<>();
        MigrationStatus v = s instanceof MigrationStatus.OutOfOrder o ? o.underlying() : s;
        switch (v.state()) {
            case ABSENT -> out.addAll(me.touched());
            case PARTIAL -> out.addAll(v.reason().missing());
            case CONFLICT -> {
                out.addAll(v.reason().missing());
                v.reason().conflicts().forEach(c -> out.add(c.object()));
            }
            case HALF_APPLIED -> {
                MigrationStatus.HalfApplied half = (MigrationStatus.HalfApplied) v;
                out.addAll(half.temporaries());
                for (int j = half.resumeAfter(); j < me.effects().size(); j++) {
                    out.addAll(me.effects().get(j));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * Rule "ahead": live views and triggers that match only points after the start of {@code first}, the first
     * migration the run executes: later migrations made them early (a baseline run on a partial history). Objects
     * {@code first} itself touches are its own to judge unless it runs whole.
     */
    static List<ObjectId> ahead(Scene scene, MigrationEffects first, MigrationStatus s) {
        List<ObjectId> out = new ArrayList<>();
        Set<ObjectId> own = s.state() == MigrationState.ABSENT ? Set.of() : first.touched();
        for (ObjectHistory h : scene.ref.objects().values()) {
            ObjectType type = h.id().type();
            if (type == ObjectType.INDEX && scene.indexesAColumnItsTableLacks(scene.live.get(h.id()).orElse(null))) {
                out.add(h.id()); // holds no rows; its migration makes it again
                continue;
            }
            if (!own.contains(h.id()) && standsOnlyOnAnOlderTable(scene, h)) {
                out.add(h.id()); // the run replaces its table before its migration: that migration makes it again
                continue;
            }
            if ((type != ObjectType.VIEW && type != ObjectType.TRIGGER) || own.contains(h.id())
                    || scene.live.get(h.id()).isEmpty()) {
                continue;
            }
            List<Integer> m = scene.matches(h.id());
            boolean later = !m.isEmpty();
            for (int idx : m) {
                later &= h.start(idx) > first.start();
            }
            if (later) {
                out.add(h.id());
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Rule "an index goes with its table" ({@code standsOnlyOnAnOlderTable}): a live index or trigger whose every
     * match stands on an older incarnation of its table than the reference puts it on was made ahead (a baseline run
     * over an older prefix); the rebuild that brings its table forward drops it, so it is put aside and counts as
     * missing for its own migration rather than held. One the first migration the run executes touches itself is
     * that migration's to judge (a rebuild there makes its indexes again; an ALTER keeps them).
     */
    static boolean standsOnlyOnAnOlderTable(Scene scene, ObjectHistory h) {
        List<Integer> m = scene.matches(h.id());
        if (m == null || m.isEmpty() || scene.live.get(h.id()).isEmpty()) {
            return false;
        }
        for (int pos : m) {
            if (!Frontier.standsOnAnOlderTable(scene, h, pos)) {
                return false;
            }
        }
        return true;
    }

    /** Live objects that no migration names: left alone and reported. */
    static List<ObjectId> unmanaged(Scene scene) {
        List<ObjectId> out = new ArrayList<>();
        for (ObjectId id : scene.live.ids()) {
            if (!scene.ref.names(id)) {
                out.add(id);
            }
        }
        return out;
    }

    static MigrationStatus status(MigrationEffects me, MigrationState s, Reason r) {
        return MigrationStatus.of(me.migration(), s, r);
    }
}
