package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaObject;

/**
 * A live object that matches no point of the reference: the expected definition against the actual one, and where in
 * the timeline the expected one stands (the point nearest the live definition).
 *
 * @param object   the object
 * @param expected its definition at the nearest point of the timeline (null: absent there)
 * @param actual   its live definition (null: absent)
 * @param where    where the expected definition stands, e.g. {@code "as 003_tags.sql leaves it"}; empty when unknown
 */
public record ObjectConflict(ObjectId object, SchemaObject expected, SchemaObject actual, String where) {

    public ObjectConflict(ObjectId object, SchemaObject expected, SchemaObject actual) {
        this(object, expected, actual, "");
    }

    public String describe() {
        return object + ": expected " + render(expected) + (where.isEmpty() ? "" : " (" + where + ")") + ", actual "
                + render(actual);
    }

    private static String render(SchemaObject o) {
        return o == null ? "(absent)" : o.sql();
    }
}
