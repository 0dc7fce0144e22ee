package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.sql.Identifiers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 4: the one interval of its timeline each object is taken to stand at: its single match, or, among several, the
 * latest not after the point where the database is (F's end, or the interruption), nor before the incarnation of its
 * table that stands. -1 for an object matching no point (a conflict).
 */
final class Positions {
    private Positions() {
    }

    static Map<ObjectId, Integer> of(Scene scene, int point) {
        Map<ObjectId, Integer> position = new HashMap<>();
        for (ObjectHistory h : scene.ref.objects().values()) {
            List<Integer> m = scene.matches(h.id());
            int pos;
            if (m.isEmpty()) {
                pos = -1;
            } else if (m.size() == 1) {
                pos = m.get(0);
            } else {
                pos = -1;
                m = withinIncarnation(scene, h, m);
                m = withoutTransientAbsences(scene, h, m, point);
                int bound = Math.max(point, tableIncarnation(scene, h));
                for (int idx : m) {
                    if (h.start(idx) <= bound) {
                        pos = idx; // latest match not after the bound (m is ascending)
                    }
                }
                if (pos < 0) {
                    pos = m.get(0);
                }
            }
            position.put(h.id(), pos);
        }
        return position;
    }

    /**
     * Rule "an index belongs to the incarnation of its table that stands": of the matches of an index or trigger, those
     * defined while the live incarnation of its table stood (its interval [start, end]), when there are any. A
     * rebuild creates its indexes after its table, so the incarnation's index starts later than the table does.
     */
    static List<Integer> withinIncarnation(Scene scene, ObjectHistory h, List<Integer> m) {
        if (h.id().type() != ObjectType.INDEX && h.id().type() != ObjectType.TRIGGER) {
            return m;
        }
        SchemaObject live = scene.live.get(h.id()).orElse(null);
        ObjectHistory t = live == null ? null : scene.history(ObjectId.table(live.tableName()));
        List<Integer> tm = t == null ? null : scene.matches(t.id());
        if (tm == null || tm.size() != 1 || t.definition(tm.get(0)) == null) {
            return m;
        }
        int start = t.start(tm.get(0));
        int end = t.end(tm.get(0));
        List<Integer> out = new java.util.ArrayList<>();
        for (int idx : m) {
            SchemaObject d = h.definition(idx);
            if (d != null && Identifiers.same(d.tableName(), live.tableName()) && h.start(idx) >= start
                    && h.start(idx) <= end) {
                out.add(idx);
            }
        }
        return out.isEmpty() ? m : out;
    }

    /**
     * Rule "a transient absence is no position" ({@code withoutTransientAbsences}): of the matches of an absent object,
     * an interval of absence that begins and ends inside one migration (a view dropped and re-created, a rebuild's gap
     * between {@code DROP TABLE} and its rename) is a position only when the database is at that migration
     * ({@code point}, F's end or the interruption, lies within it, its ends included: F itself may stand mid-way);
     * elsewhere an absence stands at a migration boundary. When that leaves none, all stay.
     */
    static List<Integer> withoutTransientAbsences(Scene scene, ObjectHistory h, List<Integer> m, int point) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int idx : m) {
            MigrationEffects inside = h.definition(idx) == null ? insideOne(scene, h.start(idx), h.end(idx)) : null;
            if (inside == null || inside.start() <= point && point <= inside.end()) {
                out.add(idx);
            }
        }
        return out.isEmpty() ? m : out;
    }

    /** The migration whose statements make every point from {@code from} to {@code to}, no boundary among them; or null. */
    private static MigrationEffects insideOne(Scene scene, int from, int to) {
        for (MigrationEffects me : scene.ref.migrations()) {
            if (me.start() < from && to < me.end()) {
                return me;
            }
        }
        return null;
    }

    /**
     * Rule "an index cannot predate its table" ({@code tableIncarnation}): for an index or trigger whose every
     * definition belongs to one table, and that table's live definition matches exactly one interval, the point where
     * that interval starts. Otherwise -1.
     */
    static int tableIncarnation(Scene scene, ObjectHistory h) {
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
        ObjectHistory t = scene.history(ObjectId.table(table));
        List<Integer> tm = t == null ? null : scene.matches(t.id());
        if (tm == null || tm.size() != 1 || t.definition(tm.get(0)) == null) {
            return -1;
        }
        return t.start(tm.get(0));
    }
}
