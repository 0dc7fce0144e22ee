package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The definitions one object takes over the timeline: a list of intervals, each starting at a point and lasting until
 * the next one starts. A null definition means the object does not exist. The first interval starts at point 0.
 */
public final class ObjectHistory {
    private final ObjectId id;
    private final int[] starts;
    private final SchemaObject[] definitions;

    private ObjectHistory(ObjectId id, int[] starts, SchemaObject[] definitions) {
        this.id = id;
        this.starts = starts;
        this.definitions = definitions;
    }

    public ObjectId id() {
        return id;
    }

    /** Number of intervals. */
    public int size() {
        return starts.length;
    }

    /** First point of interval {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** Last point of interval {@code i} (inclusive), or {@code Integer.MAX_VALUE} for the last interval. */
    public int end(int i) {
        return i + 1 < starts.length ? starts[i + 1] - 1 : Integer.MAX_VALUE;
    }

    /** Definition during interval {@code i}; null when absent. */
    public SchemaObject definition(int i) {
        return definitions[i];
    }

    /** The definition at a point; null when the object does not exist there. */
    public SchemaObject at(int point) {
        return definitions[intervalAt(point)];
    }

    /** Index of the interval holding {@code point}. */
    public int intervalAt(int point) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= point) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Indexes of the intervals whose definition matches {@code live} (null = absent matches absent). */
    public List<Integer> matching(SchemaObject live) {
        List<Integer> out = new ArrayList<>(2);
        for (int i = 0; i < definitions.length; i++) {
            SchemaObject d = definitions[i];
            if (d == null ? live == null : live != null && d.sameDefinition(live)) {
                out.add(i);
            }
        }
        return out;
    }

    static final class Builder {
        private final ObjectId id;
        private final List<Integer> starts = new ArrayList<>();
        private final List<SchemaObject> defs = new ArrayList<>();

        Builder(ObjectId id) {
            this.id = id;
            starts.add(0);
            defs.add(null);
        }

        void add(int point, SchemaObject def) {
            int last = starts.size() - 1;
            if (starts.get(last) == point) {
                defs.set(last, def);
            } else {
                starts.add(point);
                defs.add(def);
            }
        }

        ObjectHistory build() {
            int[] s = new int[starts.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = starts.get(i);
            }
            return new ObjectHistory(id, s, defs.toArray(new SchemaObject[0]));
        }
    }
}
