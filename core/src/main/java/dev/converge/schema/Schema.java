package dev.converge.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable set of schema objects keyed by {@link ObjectId}. Iteration order is by type (tables, indexes, views,
 * triggers), then name, which is also an order in which the objects can be created.
 */
public final class Schema {
    private static final Schema EMPTY = new Schema(new TreeMap<>());

    private final Map<ObjectId, SchemaObject> objects;
    /** The objects by their name as written, built when first asked for (see {@link #byExactName}). */
    private volatile Map<String, SchemaObject> byExactName;

    private Schema(TreeMap<ObjectId, SchemaObject> objects) {
        this.objects = Collections.unmodifiableMap(objects);
    }

    public static Schema empty() {
        return EMPTY;
    }

    public static Schema of(Collection<? extends SchemaObject> objects) {
        TreeMap<ObjectId, SchemaObject> m = new TreeMap<>();
        for (SchemaObject o : objects) {
            m.put(o.id(), o);
        }
        return new Schema(m);
    }

    public static Schema of(SchemaObject... objects) {
        return of(List.of(objects));
    }

    public Optional<SchemaObject> get(ObjectId id) {
        return Optional.ofNullable(objects.get(id));
    }

    public Optional<Table> table(String name) {
        return get(ObjectId.table(name)).map(Table.class::cast);
    }

    public boolean contains(ObjectId id) {
        return objects.containsKey(id);
    }

    /** All objects, tables first, then indexes, views and triggers, each by name. */
    public Collection<SchemaObject> objects() {
        return objects.values();
    }

    public java.util.Set<ObjectId> ids() {
        return objects.keySet();
    }

    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (SchemaObject o : objects.values()) {
            if (o instanceof Table t) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The objects by their name exactly as written (case included; SQLite's objects share one namespace): reading a
     * catalogue that mostly holds these objects finds each row's object with one hash lookup of a short string, where
     * {@link #get} would fold the case and walk the tree. Built once per schema.
     */
    public Map<String, SchemaObject> byExactName() {
        Map<String, SchemaObject> m = byExactName;
        if (m == null) {
            m = new java.util.HashMap<>(objects.size() * 2);
            for (SchemaObject o : objects.values()) {
                m.putIfAbsent(o.name(), o);
            }
            m = Collections.unmodifiableMap(m);
            byExactName = m;
        }
        return m;
    }

    public int size() {
        return objects.size();
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** This schema with {@code o} added or replacing the object of the same id. */
    public Schema with(SchemaObject o) {
        TreeMap<ObjectId, SchemaObject> m = new TreeMap<>(objects);
        m.put(o.id(), o);
        return new Schema(m);
    }

    /** This schema without the object of this id. */
    public Schema without(ObjectId id) {
        TreeMap<ObjectId, SchemaObject> m = new TreeMap<>(objects);
        m.remove(id);
        return new Schema(m);
    }

    /** True when both hold the same objects with the same definitions (see {@link SchemaDiff}). */
    public boolean sameAs(Schema other) {
        return SchemaDiff.between(this, other).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && objects.equals(s.objects);
    }

    @Override
    public int hashCode() {
        return objects.hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + objects.keySet();
    }
}
