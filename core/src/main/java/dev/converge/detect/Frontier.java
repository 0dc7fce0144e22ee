package dev.converge.detect;

import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.source.Version;

import java.util.List;
import java.util.Map;

/**
 * Pass 2: the frontier F, the last migration up to which the schema shows every migration in place. Each migration
 * gives evidence TRUE (in place), FALSE (not) or none; F is the last TRUE before the first FALSE. The rules, in the
 * order they apply, are listed in docs/design.md §5.
 */
final class Frontier {
    private Frontier() {
    }

    /** The index of F in {@code ms}, or -1 when no migration is shown in place. */
    static int find(Scene scene, List<MigrationEffects> ms, Map<Version, HistoryEntry> recorded) {
        int f = -1;
        for (int i = 0; i < ms.size(); i++) {
            MigrationEffects me = ms.get(i);
            // rule "recorded is evidence", then "unambiguous evidence"
            Boolean evidence = recorded.containsKey(me.migration().version()) ? Boolean.TRUE
                    : showsUnambiguousEvidence(scene, me);
            // rules "present only from it" and "exact point behind F"; "absence alone is no evidence": a migration
            // without schema effect never extends F by itself
            if (evidence == null && !me.hasNoSchemaEffect() && (presentOnlyFromIt(scene, me)
                    || scene.exactPoint(me) == Boolean.TRUE && (f == i - 1 && f >= 0 || scene.wholeSchemaAt(me.end())))) {
                evidence = Boolean.TRUE;
            }
            if (evidence == Boolean.FALSE) {
                break;
            }
            if (evidence == Boolean.TRUE) {
                f = i;
            }
        }
        return f;
    }

    /**
     * Rule "unambiguous evidence": TRUE when an object matching exactly one interval stands at or after the migration's
     * first touch of it; FALSE when such objects all stand before it; null when none is unambiguous.
     */
    static Boolean showsUnambiguousEvidence(Scene scene, MigrationEffects me) {
        Boolean result = null;
        for (ObjectId id : me.touched()) {
            List<Integer> m = scene.matches(id);
            if (m.size() != 1) {
                continue; // ambiguous or conflicting: no evidence either way
            }
            ObjectHistory h = scene.history(id);
            int pos = m.get(0);
            if (standsOnAnOlderTable(scene, h, pos)) {
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
     * Rule "older table is no evidence": an index or trigger matching interval {@code pos} while its table's live
     * definition matches exactly one interval that ends before {@code pos} begins stands on an older incarnation of
     * its table than the reference puts it on, so it shows nothing about the migrations.
     */
    static boolean standsOnAnOlderTable(Scene scene, ObjectHistory h, int pos) {
        if (h.id().type() != ObjectType.INDEX && h.id().type() != ObjectType.TRIGGER || h.definition(pos) == null) {
            return false;
        }
        ObjectHistory t = scene.history(ObjectId.table(h.definition(pos).tableName()));
        List<Integer> tm = t == null ? null : scene.matches(t.id());
        if (tm == null || tm.size() != 1 || t.definition(tm.get(0)) == null) {
            return false;
        }
        return t.end(tm.get(0)) < h.start(pos);
    }

    /**
     * Rule "present only from it": an object the migration touches exists live with a definition that the timeline
     * holds only from this migration on (however often it recurs later): the migration ran, at least that far.
     */
    static boolean presentOnlyFromIt(Scene scene, MigrationEffects me) {
        for (ObjectId id : me.touched()) {
            List<Integer> m = scene.matches(id);
            if (scene.live.get(id).isEmpty() || m == null || m.isEmpty()) {
                continue;
            }
            int from = scene.history(id).intervalAt(me.firstTouch(id));
            if (m.stream().allMatch(pos -> pos >= from)) {
                return true;
            }
        }
        return false;
    }
}
