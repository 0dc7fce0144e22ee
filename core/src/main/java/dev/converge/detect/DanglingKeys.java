package dev.converge.detect;

import dev.converge.schema.ForeignKey;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foreign keys whose parent table is missing, at the end of every migration of a reference, in one sweep over the
 * timeline: the tables a migration touched are updated, the rest carried over. Asking {@link Reference#schemaAt} at
 * each of n points instead builds n whole schemas (n² work on a set of n migrations, most of a first install's
 * planning). Each set holds {@code "child → parent"} with both names folded, in order.
 */
final class DanglingKeys {
    /** Per point (0 and the end of each migration), the dangling keys there. */
    private final Map<Integer, Set<String>> byPoint = new HashMap<>();

    private DanglingKeys() {
    }

    static DanglingKeys of(Reference ref) {
        DanglingKeys out = new DanglingKeys();
        Set<String> tables = new HashSet<>();
        // parent key -> labels "child → parent" of the standing child tables that reference it, with a count per label
        Map<String, Map<String, Integer>> refs = new HashMap<>();
        Map<ObjectId, Table> standing = new HashMap<>();
        out.byPoint.put(0, Set.of());
        for (MigrationEffects me : ref.migrations()) {
            boolean moved = false;
            for (ObjectId id : me.touched()) {
                if (id.type() != ObjectType.TABLE) {
                    continue;
                }
                moved = true;
                Table before = standing.remove(id);
                if (before != null) {
                    tables.remove(id.key());
                    contribute(refs, before, -1);
                }
                SchemaObject after = ref.objects().get(id).at(me.end());
                if (after instanceof Table t) {
                    standing.put(id, t);
                    tables.add(id.key());
                    contribute(refs, t, +1);
                }
            }
            if (!moved && out.byPoint.containsKey(me.start())) {
                out.byPoint.put(me.end(), out.byPoint.get(me.start()));
                continue;
            }
            Set<String> dangling = new TreeSet<>();
            for (Map.Entry<String, Map<String, Integer>> e : refs.entrySet()) {
                if (!tables.contains(e.getKey())) {
                    dangling.addAll(e.getValue().keySet());
                }
            }
            out.byPoint.put(me.end(), dangling);
        }
        return out;
    }

    private static void contribute(Map<String, Map<String, Integer>> refs, Table t, int delta) {
        Set<String> seen = new HashSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            String parent = Identifiers.key(fk.table());
            String label = Identifiers.key(t.name()) + " → " + parent;
            if (!seen.add(label)) {
                continue;
            }
            Map<String, Integer> labels = refs.computeIfAbsent(parent, k -> new HashMap<>());
            int n = labels.getOrDefault(label, 0) + delta;
            if (n > 0) {
                labels.put(label, n);
            } else {
                labels.remove(label);
            }
            if (labels.isEmpty()) {
                refs.remove(parent);
            }
        }
    }

    /** The dangling keys at {@code point}, which must be 0 or the end of a migration. */
    Set<String> at(int point) {
        Set<String> s = byPoint.get(point);
        if (s == null) {
            throw new IllegalArgumentException("not a migration boundary: " + point);
        }
        return s;
    }
}
