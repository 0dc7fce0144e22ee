package dev.converge.detect;

import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.source.Version;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Decides, from the reference, the live schema and the history alone, the state of every migration (DESIGN.md §4
 * step 4). Pure: values in, a {@link Detection} out.
 *
 * <p>Each object the migrations name has a <em>position</em>: the interval of its timeline whose definition equals
 * the live one. Absence, and definitions that recur, match several intervals; such an object takes the latest match
 * that is not after the end of migration F, where F is the highest migration such that every migration up to it whose
 * effects are unambiguous shows at least one of them in place (is not plainly absent). A migration's effect on an
 * object holds when the object's position is at or after the migration's last touch of it, is missing when it is
 * before the first touch, and is intermediate in between (an interrupted run).
 */
public final class Detector {
    private Detector() {
    }

    /**
     * Gives every migration of the reference, and every history row without a file, its state.
     *
     * @param ref     the reference of the migration set
     * @param live    the live schema, without the history table
     * @param history the history as read
     */
    public static Detection detect(Reference ref, Schema live, History history) {
        return detect(ref, live, history, RowFacts.NONE);
    }

    /** Like {@link #detect(Reference, Schema, History)}, with facts about the live rows to place an interruption. */
    public static Detection detect(Reference ref, Schema live, History history, RowFacts rows) {
        Map<Version, HistoryEntry> recorded = history.byVersion();
        List<MigrationEffects> ms = ref.migrations();
        int n = ms.size();

        // 1. positions: matching intervals per object the reference names
        Map<ObjectId, List<Integer>> matches = new HashMap<>();
        for (ObjectHistory h : ref.objects().values()) {
            SchemaObject l = live.get(h.id()).orElse(null);
            matches.put(h.id(), h.matching(l));
        }

        // 2. F: highest index such that every migration up to it with unambiguous effects shows some of them
        //    A migration whose objects are all ambiguous extends F when they stand exactly as after it (and not as
        //    before it), and is skipped otherwise (a later migration may have restored what stood before it). One
        //    without schema effect does not extend F, so trailing seed migrations stay ABSENT: nothing shows they ran
        int f = -1;
        for (int i = 0; i < n; i++) {
            MigrationEffects me = ms.get(i);
            Boolean evidence = recorded.containsKey(me.migration().version()) ? Boolean.TRUE
                    : showsUnambiguousEvidence(ref, me, matches);
            // absence alone (a migration that only drops) extends F only right behind migrations shown in place
            // what it touches recurs on the timeline, so standing "exactly as after it" may just as well be an earlier
            // point: that counts only right behind a migration shown in place, or when the whole schema is the one
            // after it
            if (evidence == null && !me.hasNoSchemaEffect() && (presentOnlyFromIt(ref, me, live, matches)
                    || exactPoint(ref, me, live) == Boolean.TRUE && (f == i - 1 && f >= 0
                    || wholeSchemaAt(ref, me.end(), live)))) {
                evidence = Boolean.TRUE;
            }
            if (evidence == Boolean.FALSE) {
                break;
            }
            if (evidence == Boolean.TRUE) {
                f = i;
            }
        }
        int fPoint = f < 0 ? 0 : ms.get(f).end();

        // 2b. the first migration without evidence may have been interrupted: when the objects it touches stand
        //     exactly as after one of its statements (and not as before or after it), that point is where the
        //     database is, and ambiguous objects are judged against it
        int half = -1;
        int halfJ = 0;
        int candidate = f + 1;
        while (candidate < n && ms.get(candidate).hasNoSchemaEffect()) {
            candidate++;
        }
        //     Only one migration can be interrupted: when F itself stands exactly mid-way through its own statements
        //     (a rebuild stopped before re-creating its indexes), that explains the objects the next one drops too
        if (candidate < n && !recorded.containsKey(ms.get(candidate).migration().version())
                && !standsMidWay(ref, f < 0 ? null : ms.get(f), live, recorded)) {
            MigrationEffects next = ms.get(candidate);
            if (!next.touched().isEmpty() && !standsAt(ref, next, live, next.start())
                    && !standsAt(ref, next, live, next.end())) {
                int j = halfPoint(ref, next, live);
                if (j > 0) {
                    half = candidate;
                    halfJ = j;
                    fPoint = next.start() + j;
                }
            }
        }

        // 3. position (interval index) of every object, or -1 for a conflict
        Map<ObjectId, Integer> position = new HashMap<>();
        for (ObjectHistory h : ref.objects().values()) {
            List<Integer> m = matches.get(h.id());
            int pos;
            if (m.isEmpty()) {
                pos = -1;
            } else if (m.size() == 1) {
                pos = m.get(0);
            } else {
                pos = -1;
                // an index or trigger cannot stand as it did before the incarnation of its table that stands now
                int bound = Math.max(fPoint, tableIncarnation(ref, h, matches));
                for (int idx : m) {
                    if (h.start(idx) <= bound) {
                        pos = idx; // latest match not after F (m is ascending)
                    }
                }
                if (pos < 0) {
                    pos = m.get(0);
                }
            }
            position.put(h.id(), pos);
        }

        // 4. per migration
        Version highestApplied = null;
        for (HistoryEntry e : history.entries()) {
            if (highestApplied == null || e.version().compareTo(highestApplied) > 0) {
                highestApplied = e.version();
            }
        }
        List<MigrationStatus> out = new ArrayList<>();
        boolean allBeforeInPlace = true;
        boolean someBeforeUnrecorded = false;
        // objects that earlier migrations of this run will execute on: a later migration cannot count them as held,
        // since they will stand as before it once the earlier migration has run
        Set<ObjectId> willChange = new HashSet<>();
        int first = -1;
        List<ObjectId> ahead = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MigrationEffects me = ms.get(i);
            Version v = me.migration().version();
            HistoryEntry entry = recorded.get(v);
            if (entry != null) {
                boolean same = entry.checksum().isEmpty() || me.migration().hasChecksum(entry.checksum());
                out.add(new MigrationStatus(v, me.migration().name(), same ? MigrationState.APPLIED
                        : MigrationState.CHECKSUM_MISMATCH,
                        same ? Reason.of("recorded " + entry.how().column() + when(entry))
                                : Reason.of("recorded with checksum " + entry.checksum() + ", file now has "
                                + me.migration().checksum()),
                        me.migration(), entry, 0, List.of(), false, null));
                allBeforeInPlace &= same;
                continue;
            }
            // a migration without schema effect is in place only when every migration before it is
            MigrationStatus s = i == half ? halfApplied(ref, me, live, rows, halfJ, new Reason("", List.of(), List.of(),
                    List.of(), List.of())) : judge(ref, me, live, rows, position, matches, willChange, i <= f,
                    i <= f && allBeforeInPlace);
            if (uncertain(me, s, allBeforeInPlace, someBeforeUnrecorded)) {
                s = status(me, MigrationState.UNCERTAIN, Reason.of("no schema effect, and the migrations before it are in"
                        + " place but not all recorded: the schema cannot show whether it ran"));
            }
            someBeforeUnrecorded = true;
            if (highestApplied != null && v.compareTo(highestApplied) < 0 && s.state() != MigrationState.PRESENT) {
                s = new MigrationStatus(v, s.name(), MigrationState.OUT_OF_ORDER,
                        new Reason("not recorded, older than the newest applied migration " + highestApplied
                                + "; would be " + s.state() + ": " + s.reason().summary(), s.reason().holding(),
                                s.reason().missing(), s.reason().intermediate(), s.reason().conflicts()),
                        s.migration(), null, s.resumeAfter(), s.temporaries(), s.replaces(), s.state());
            }
            out.add(s);
            allBeforeInPlace &= s.state() == MigrationState.PRESENT || s.state() == MigrationState.UNCERTAIN;
            willChange.addAll(changes(me, s));
            if (first < 0 && executes(s)) {
                first = i;
                ahead.addAll(ahead(ref, me, s, live, matches));
                willChange.addAll(ahead); // put back as they stand before it: later migrations re-make them
            }
        }
        Version highest = ref.migrationSet().highest().orElse(null);
        for (HistoryEntry e : history.entries()) {
            if (ref.migrationSet().get(e.version()).isPresent()) {
                continue;
            }
            boolean future = highest == null || e.version().compareTo(highest) > 0;
            out.add(new MigrationStatus(e.version(), e.name(), future ? MigrationState.FUTURE : MigrationState.MISSING,
                    Reason.of(future ? "recorded by a newer release: above this set's highest version " + highest
                            : "recorded, but no file " + e.name() + " in the migration set"),
                    null, e, 0, List.of(), false, null));
        }
        out.sort((a, b) -> a.version().compareTo(b.version()));
        return new Detection(out, f < 0 ? null : ms.get(f).migration().version(), unmanaged(ref, live), ahead);
    }

    /**
     * Rule "data alone is uncertain": a migration without schema effect, behind migrations that are all in place but
     * not all recorded, may or may not have run; only a recorded history can tell. Pinned by
     * {@code RealHistoryCasesTest} (data-only-after-history-lost) and {@code DetectorTest}.
     */
    private static boolean uncertain(MigrationEffects me, MigrationStatus s, boolean allBeforeInPlace,
                                     boolean someBeforeUnrecorded) {
        return me.hasNoSchemaEffect() && s.state() == MigrationState.ABSENT && allBeforeInPlace && someBeforeUnrecorded;
    }

    /** TRUE: some unambiguous effect shows; FALSE: it has unambiguous effects and none shows; null: none unambiguous. */
    private static Boolean showsUnambiguousEvidence(Reference ref, MigrationEffects me, Map<ObjectId, List<Integer>> matches) {
        Boolean result = null;
        for (ObjectId id : me.touched()) {
            List<Integer> m = matches.get(id);
            if (m.size() != 1) {
                continue; // ambiguous or conflicting: no evidence either way
            }
            ObjectHistory h = ref.objects().get(id);
            int pos = m.get(0);
            if (standsOnAnOlderTable(ref, h, pos, matches)) {
                continue; // a baseline put it on the table that this migration goes on to replace: no evidence
            }
            if (pos >= h.intervalAt(me.firstTouch(id))) {
                return Boolean.TRUE;
            }
            result = Boolean.FALSE;
        }
        return result;
    }

    /**
     * True for an index or trigger that matches interval {@code pos} of its timeline while its table's live definition
     * matches exactly one interval of the table's timeline that ends before {@code pos} begins: it stands on an older
     * incarnation of its table than the one the reference puts it on, so it shows nothing about the migrations.
     */
    private static boolean standsOnAnOlderTable(Reference ref, ObjectHistory h, int pos, Map<ObjectId, List<Integer>> matches) {
        if (h.id().type() != ObjectType.INDEX && h.id().type() != ObjectType.TRIGGER || h.definition(pos) == null) {
            return false;
        }
        ObjectHistory t = ref.objects().get(ObjectId.table(h.definition(pos).tableName()));
        List<Integer> tm = t == null ? null : matches.get(t.id());
        if (tm == null || tm.size() != 1 || t.definition(tm.get(0)) == null) {
            return false;
        }
        return t.end(tm.get(0)) < h.start(pos);
    }

    /** True when the run executes statements of this migration (a refusal executes nothing). */
    private static boolean executes(MigrationStatus s) {
        return switch (s.state()) {
            case ABSENT, UNCERTAIN, PARTIAL, HALF_APPLIED -> true;
            case CONFLICT -> s.replaces();
            default -> false;
        };
    }

    /**
     * Live views and triggers that match only points after the start of {@code first}, the first migration the run
     * executes: later migrations made them early (a baseline run on a partial history). Objects {@code first} itself
     * touches are its own to judge unless it runs whole.
     */
    private static List<ObjectId> ahead(Reference ref, MigrationEffects first, MigrationStatus s, Schema live,
                                        Map<ObjectId, List<Integer>> matches) {
        List<ObjectId> out = new ArrayList<>();
        Set<ObjectId> own = s.state() == MigrationState.ABSENT ? Set.of() : first.touched();
        for (ObjectHistory h : ref.objects().values()) {
            ObjectType type = h.id().type();
            if ((type != ObjectType.VIEW && type != ObjectType.TRIGGER) || own.contains(h.id())
                    || live.get(h.id()).isEmpty()) {
                continue;
            }
            List<Integer> m = matches.get(h.id());
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

    /** The objects that running {@code me} in state {@code s} will change. */
    private static Set<ObjectId> changes(MigrationEffects me, MigrationStatus s) {
        Set<ObjectId> out = new HashSet<>();
        MigrationState st = s.state() == MigrationState.OUT_OF_ORDER ? s.underlying() : s.state();
        switch (st) {
            case ABSENT -> out.addAll(me.touched());
            case PARTIAL -> out.addAll(s.reason().missing());
            case CONFLICT -> {
                out.addAll(s.reason().missing());
                s.reason().conflicts().forEach(c -> out.add(c.object()));
            }
            case HALF_APPLIED -> {
                out.addAll(s.temporaries());
                for (int j = s.resumeAfter(); j < me.effects().size(); j++) {
                    out.addAll(me.effects().get(j));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * For a migration whose objects all match several points: TRUE when they stand exactly as after it (and not as
     * before it), FALSE for the reverse, null when both or neither.
     */
    private static Boolean exactPoint(Reference ref, MigrationEffects me, Schema live) {
        boolean before = standsAt(ref, me, live, me.start());
        boolean after = standsAt(ref, me, live, me.end());
        return before == after ? null : Boolean.valueOf(after);
    }

    private static MigrationStatus judge(Reference ref, MigrationEffects me, Schema live, RowFacts rows,
                                         Map<ObjectId, Integer> position,
                                         Map<ObjectId, List<Integer>> matches, Set<ObjectId> willChange,
                                         boolean inF, boolean withinF) {
        Version v = me.migration().version();
        String name = me.migration().name();
        if (me.hasNoSchemaEffect()) {
            return withinF
                    ? status(me, MigrationState.PRESENT, Reason.of("no schema effect; the migrations around it are in place"))
                    : status(me, MigrationState.ABSENT, Reason.of("no schema effect; the migrations before it are not all in place"));
        }
        boolean allAmbiguous = true;
        for (ObjectId id : me.touched()) {
            allAmbiguous &= matches.get(id).size() > 1;
        }
        if (allAmbiguous) {
            // every object it touches recurs on the timeline: judge the migration by whole points, not one by one
            // (only when that agrees with F: the migrations around it decide otherwise)
            Boolean at = exactPoint(ref, me, live);
            List<ObjectId> all = new ArrayList<>(me.touched());
            if (at == Boolean.TRUE && inF && java.util.Collections.disjoint(all, willChange)) {
                return new MigrationStatus(v, name, MigrationState.PRESENT, new Reason("every object it touches stands"
                        + " exactly as after it", all, List.of(), List.of(), List.of()), me.migration(), null, 0,
                        List.of(), false, null);
            }
            if (at == Boolean.FALSE && !inF) {
                return new MigrationStatus(v, name, MigrationState.ABSENT, new Reason("every object it touches stands"
                        + " exactly as before it", List.of(), all, List.of(), List.of()), me.migration(), null, 0,
                        List.of(), false, null);
            }
        }
        List<ObjectId> holding = new ArrayList<>();
        List<ObjectId> missing = new ArrayList<>();
        List<ObjectId> mid = new ArrayList<>();
        List<ObjectConflict> conflicts = new ArrayList<>();
        for (ObjectId id : me.touched()) {
            ObjectHistory h = ref.objects().get(id);
            int pos = position.get(id);
            if (transientAbsent(me, h, live) && !willChange.contains(id)) {
                continue;
            }
            if (pos < 0 && !willChange.contains(id)) {
                conflicts.add(new ObjectConflict(id, h.at(me.end()), live.get(id).orElse(null)));
            } else if (willChange.contains(id)) {
                missing.add(id); // an earlier migration of this run brings it to where this one starts
            } else if (pos >= h.intervalAt(me.lastTouch(id))) {
                holding.add(id);
            } else if (pos < h.intervalAt(me.firstTouch(id))) {
                missing.add(id);
            } else {
                mid.add(id);
            }
        }
        if (!conflicts.isEmpty()) {
            boolean replaces = true;
            for (ObjectConflict c : conflicts) {
                replaces &= replacedBy(me, c.object());
            }
            String summary = replaces
                    ? "objects match no point of the reference, but this migration drops and re-creates them"
                    : "objects match no point of the reference and this migration does not replace them";
            return new MigrationStatus(v, name, MigrationState.CONFLICT,
                    new Reason(summary, holding, missing, mid, conflicts), me.migration(), null, 0, List.of(), replaces, null);
        }
        if (!mid.isEmpty()) {
            int j = halfPoint(ref, me, live);
            if (j > 0) {
                return halfApplied(ref, me, live, rows, j, new Reason("", holding, missing, mid, List.of()));
            }
            List<ObjectConflict> odd = new ArrayList<>();
            for (ObjectId id : mid) {
                odd.add(new ObjectConflict(id, ref.objects().get(id).at(me.end()), live.get(id).orElse(null)));
            }
            return new MigrationStatus(v, name, MigrationState.CONFLICT,
                    new Reason("objects stand mid-migration, but not at any one statement of it", holding, missing,
                            List.of(), odd), me.migration(), null, 0, List.of(), false, null);
        }
        if (missing.isEmpty()) {
            return new MigrationStatus(v, name, MigrationState.PRESENT,
                    new Reason("every effect already holds", holding, missing, mid, List.of()), me.migration(), null, 0,
                    List.of(), false, null);
        }
        if (holding.isEmpty()) {
            return new MigrationStatus(v, name, MigrationState.ABSENT,
                    new Reason("none of its effects holds", holding, missing, mid, List.of()), me.migration(), null, 0,
                    List.of(), false, null);
        }
        // the effects that hold are exactly those of its first j statements and data statements follow: an interrupted
        // run, resumed with those data statements (seed rows a later statement relies on), not a completion that skips
        // the ones writing tables that already stand (without data after j, both run the same statements)
        if (java.util.Collections.disjoint(me.touched(), willChange)) {
            int j = halfPoint(ref, me, live);
            if (j > 0 && hasDataAfter(me, resumePoint(me, j, rows))) {
                return halfApplied(ref, me, live, rows, j, new Reason("", holding, missing, mid, List.of()));
            }
        }
        return new MigrationStatus(v, name, MigrationState.PARTIAL,
                new Reason("some effects hold, the rest are missing", holding, missing, mid, List.of()), me.migration(),
                null, 0, List.of(), false, null);
    }

    /**
     * Rule "transient objects are no effect": an object the migration creates and removes again (a rebuild's
     * {@code t_new}, a renamed-away {@code _t_old}) that is absent live is neither held nor missing; only its presence
     * says something (an interrupted run). Pinned by {@code RealHistoryCasesTest} (rebuild-after-absent-migration,
     * rebuild-rename-old-after-absent).
     */
    private static boolean transientAbsent(MigrationEffects me, ObjectHistory h, Schema live) {
        return h.at(me.start()) == null && h.at(me.end()) == null && live.get(h.id()).isEmpty();
    }

    private static MigrationStatus status(MigrationEffects me, MigrationState s, Reason r) {
        return new MigrationStatus(me.migration().version(), me.migration().name(), s, r, me.migration(), null, 0,
                List.of(), false, null);
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
                // dropping a table drops its indexes and triggers too
                return drop && (st.objectName() != null && (Identifiers.same(st.objectName(), id.key())
                        || st.kind() == StatementKind.DROP_TABLE));
            }
        }
        return false;
    }

    /**
     * A migration interrupted after its statement j. If it left temporary objects (absent before and after it, like a
     * rebuild's {@code t_new}) and nothing but data statements ran since the first of them was created, the run is
     * rewound to just before that creation: drop them and run from there, because whether the copy into them happened
     * cannot be seen in the schema. Otherwise resume after j.
     */
    private static MigrationStatus halfApplied(Reference ref, MigrationEffects me, Schema live, RowFacts rows,
                                               int latest, Reason objects) {
        int j = resumePoint(me, latest, rows);
        if (j == 0) {
            return new MigrationStatus(me.migration().version(), me.migration().name(), MigrationState.HALF_APPLIED,
                    new Reason("interrupted before any statement that shows in the schema or the rows: run it whole",
                            objects.holding(), objects.missing(), objects.intermediate(), List.of()),
                    me.migration(), null, 0, List.of(), false, null);
        }
        List<ObjectId> temporaries = temporaries(ref, me, j);
        int total = me.statements().size();
        if (!temporaries.isEmpty()) {
            int created = Integer.MAX_VALUE;
            for (ObjectId t : temporaries) {
                ObjectHistory h = ref.objects().get(t);
                for (int i = 1; i <= j; i++) {
                    if (h.at(me.start() + i) != null) {
                        created = Math.min(created, i);
                        break;
                    }
                }
            }
            int rewind = created - 1;
            if (standsAtExcept(ref, me, live, me.start() + rewind, temporaries)) {
                String summary = "interrupted after statement " + j + " of " + total + ", leaving temporary "
                        + names(temporaries) + " beside its source: drop " + (temporaries.size() == 1 ? "it" : "them")
                        + " and run the migration from statement " + (rewind + 1);
                return new MigrationStatus(me.migration().version(), me.migration().name(), MigrationState.HALF_APPLIED,
                        new Reason(summary, objects.holding(), objects.missing(), objects.intermediate(), List.of()),
                        me.migration(), null, rewind, temporaries, false, null);
            }
        }
        String summary = "interrupted after statement " + j + " of " + total + ": resume after it";
        return new MigrationStatus(me.migration().version(), me.migration().name(), MigrationState.HALF_APPLIED,
                new Reason(summary, objects.holding(), objects.missing(), objects.intermediate(), List.of()),
                me.migration(), null, j, List.of(), false, null);
    }

    private static String names(List<ObjectId> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.toString()));
        return String.join(", ", out);
    }

    /** True when every object the migration touches stands as at {@code point}. */
    /**
     * True when an object the migration touches exists in the live database with a definition that the timeline
     * holds only from this migration on (however often it recurs later): the migration ran, at least that far. The
     * counterpart, for recurring objects, of an unambiguous object standing past the migration.
     */
    private static boolean presentOnlyFromIt(Reference ref, MigrationEffects me, Schema live,
                                             Map<ObjectId, List<Integer>> matches) {
        for (ObjectId id : me.touched()) {
            List<Integer> m = matches.get(id);
            if (live.get(id).isEmpty() || m == null || m.isEmpty()) {
                continue;
            }
            int from = ref.objects().get(id).intervalAt(me.firstTouch(id));
            if (m.stream().allMatch(pos -> pos >= from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when some object the migration touches exists after it. Absence alone is weak evidence: a migration that
     * only drops or renames away (an index dropped, a name given up) stands "exactly as after it" on any database
     * that lacks those objects, an empty one included, so it cannot show that the migrations before it ran; it counts
     * only right behind a migration already shown in place, or when the whole live schema is the one after it.
     */
    private static boolean leavesSomething(Reference ref, MigrationEffects me) {
        for (ObjectId id : me.touched()) {
            if (ref.objects().get(id).at(me.end()) != null) {
                return true;
            }
        }
        return false;
    }

    /** True when the live schema is, object for object, the reference's schema at {@code point}. */
    private static boolean wholeSchemaAt(Reference ref, int point, Schema live) {
        return SchemaDiff.between(ref.schemaAt(point), live).isEmpty();
    }

    private static boolean standsAt(Reference ref, MigrationEffects me, Schema live, int point) {
        return standsAtExcept(ref, me, live, point, List.of());
    }

    private static boolean standsAtExcept(Reference ref, MigrationEffects me, Schema live, int point, List<ObjectId> except) {
        for (ObjectId id : me.touched()) {
            if (except.contains(id)) {
                continue;
            }
            SchemaObject expected = ref.objects().get(id).at(point);
            SchemaObject actual = live.get(id).orElse(null);
            if (expected == null ? actual != null : actual == null || !expected.sameDefinition(actual)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For an index or trigger whose every definition belongs to one table, and that table's live definition matches
     * exactly one interval: the point where that interval starts (the table was created, or last changed, there).
     * Otherwise -1. A table a baseline created as a later migration re-creates it puts its indexes past that point.
     */
    private static int tableIncarnation(Reference ref, ObjectHistory h, Map<ObjectId, List<Integer>> matches) {
        if (h.id().type() != ObjectType.INDEX && h.id().type() != ObjectType.TRIGGER) {
            return -1;
        }
        String table = null;
        for (int i = 0; i < h.size(); i++) {
            SchemaObject d = h.definition(i);
            if (d == null) {
                continue;
            }
            if (table != null && !Identifiers.same(table, d.tableName())) {
                return -1;
            }
            table = d.tableName();
        }
        if (table == null) {
            return -1;
        }
        ObjectHistory t = ref.objects().get(ObjectId.table(table));
        List<Integer> tm = t == null ? null : matches.get(t.id());
        if (tm == null || tm.size() != 1 || t.definition(tm.get(0)) == null) {
            return -1;
        }
        return t.start(tm.get(0));
    }

    /** True when one of the statements after statement {@code j} (1-based) is a data statement. */
    private static boolean hasDataAfter(MigrationEffects me, int j) {
        for (int i = j; i < me.statements().size(); i++) {
            if (me.statements().get(i).kind().isData()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code me} is unrecorded and every object it touches stands as after one of its statements, not its last. */
    private static boolean standsMidWay(Reference ref, MigrationEffects me, Schema live, Map<Version, HistoryEntry> recorded) {
        return me != null && !recorded.containsKey(me.migration().version()) && !me.hasNoSchemaEffect()
                && !standsAt(ref, me, live, me.end()) && halfPoint(ref, me, live) > 0;
    }

    /** The largest j (0 &lt; j &lt; statements) such that every object it touches stands as after its statement j; else 0. */
    private static int halfPoint(Reference ref, MigrationEffects me, Schema live) {
        for (int j = me.statements().size() - 1; j >= 1; j--) {
            if (standsAt(ref, me, live, me.start() + j)) {
                return j;
            }
        }
        return 0;
    }

    /**
     * Rule "never skip a data statement that may not have run": the points just before data statements fit the schema
     * as well as the points after them, so the interruption is placed at the earliest such point, unless the rows show a
     * statement ran (a copy into a table that holds rows has run, and so has everything before it). Pinned by
     * {@code ResumeAtDataTest} (resume-rebuild-before-copy, a backfill after ADD COLUMN).
     */
    static int resumePoint(MigrationEffects me, int latest, RowFacts rows) {
        int j = latest;
        while (j > 0) {
            Statement st = me.statements().get(j - 1);
            if (!st.kind().isData() || me.effects().get(j - 1).size() > 0
                    || st.copiesRows() && rows.holdsRows(st.tableName())) {
                break;
            }
            j--;
        }
        return j;
    }

    /** Objects absent before and after the migration but present after its statement j. */
    private static List<ObjectId> temporaries(Reference ref, MigrationEffects me, int j) {
        List<ObjectId> out = new ArrayList<>();
        for (ObjectId id : me.touched()) {
            ObjectHistory h = ref.objects().get(id);
            if (h.at(me.start()) == null && h.at(me.end()) == null && h.at(me.start() + j) != null
                    && (id.type() != ObjectType.TABLE || filledByACopy(me, id))) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * True when the migration fills the table with {@code INSERT … SELECT}: a rebuild's {@code t_new}, whose rows are
     * copies that the rerun makes again. A table created and then renamed away by the same migration holds rows
     * nothing else has: it is never dropped to rerun the migration, which resumes instead.
     */
    private static boolean filledByACopy(MigrationEffects me, ObjectId table) {
        for (Statement st : me.statements()) {
            if (st.copiesRows() && ObjectId.table(st.tableName()).equals(table)) {
                return true;
            }
        }
        return false;
    }

    /** Live objects that no migration names: left alone and reported. */
    private static List<ObjectId> unmanaged(Reference ref, Schema live) {
        List<ObjectId> out = new ArrayList<>();
        for (ObjectId id : live.ids()) {
            if (!ref.names(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** " at TIME", or nothing for an adopted legacy row that never had a time. */
    private static String when(HistoryEntry entry) {
        return entry.appliedAt() == null || entry.appliedAt().isEmpty() ? "" : " at " + entry.appliedAt();
    }
}
