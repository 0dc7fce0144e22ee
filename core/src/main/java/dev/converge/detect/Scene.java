package dev.converge.detect;

import dev.converge.schema.Index;
import dev.converge.schema.IndexKey;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one detection looks at, and the questions every pass asks of it: the reference, the live schema, facts about
 * the live rows, the reading being tried, and (pass 1, positions) the intervals of each object's timeline that match
 * the live definition. Immutable once built.
 */
final class Scene {
    final Reference ref;
    final Schema live;
    final RowFacts rows;
    final Reading reading;
    private final Map<ObjectId, List<Integer>> matches = new HashMap<>();
    private final Map<MigrationEffects, java.util.Set<ObjectId>> touched = new java.util.IdentityHashMap<>();

    Scene(Reference ref, Schema live, RowFacts rows, Reading reading) {
        this.ref = ref;
        this.live = live;
        this.rows = rows;
        this.reading = reading;
        for (ObjectHistory h : ref.objects().values()) {
            SchemaObject l = live.get(h.id()).orElse(null);
            matches.put(h.id(), indexesAColumnItsTableLacks(l) ? List.of() : h.matching(l));
        }
    }

    /**
     * Rule "an index on a missing column is not what it reads as": SQLite takes a double-quoted name that is no column
     * of the table for a string, so an index a baseline made before its column existed has the target's text but
     * indexes a constant. It matches no point of its timeline, and is put aside like other objects made ahead.
     */
    boolean indexesAColumnItsTableLacks(SchemaObject o) {
        if (!(o instanceof Index ix)) {
            return false;
        }
        Table t = live.table(ix.table()).orElse(null);
        if (t == null) {
            return false;
        }
        for (IndexKey k : ix.keys()) {
            if (k.column() != null && t.column(k.column()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    ObjectHistory history(ObjectId id) {
        return ref.objects().get(id);
    }

    /** Pass 1, positions: the intervals of the object's timeline whose definition equals the live one. */
    List<Integer> matches(ObjectId id) {
        return matches.get(id);
    }

    /** True when every object the migration touches stands as at {@code point}. */
    boolean standsAt(MigrationEffects me, int point) {
        return standsAtExcept(me, point, List.of());
    }

    boolean standsAtExcept(MigrationEffects me, int point, List<ObjectId> except) {
        // asked at every statement point of a migration: its touched objects are gathered once, not once a point
        for (ObjectId id : touched.computeIfAbsent(me, MigrationEffects::touched)) {
            if (except.contains(id)) {
                continue;
            }
            SchemaObject expected = history(id).at(point);
            SchemaObject actual = live.get(id).orElse(null);
            if (expected == null ? actual != null : actual == null || !expected.sameDefinition(actual)) {
                return false;
            }
        }
        return true;
    }

    /** True when the live schema is, object for object, the reference's schema at {@code point}. */
    boolean wholeSchemaAt(int point) {
        return SchemaDiff.between(ref.schemaAt(point), live).isEmpty();
    }

    /**
     * For a migration whose objects all match several points: TRUE when they stand exactly as after it (and not as
     * before it), FALSE for the reverse, null when both or neither.
     */
    Boolean exactPoint(MigrationEffects me) {
        boolean before = standsAt(me, me.start());
        boolean after = standsAt(me, me.end());
        return before == after ? null : Boolean.valueOf(after);
    }
}
