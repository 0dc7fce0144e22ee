package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.SchemaObject;

/**
 * A live object that matches no point of the reference: the expected definition (where the migration would find or
 * leave it) against the actual one.
 */
public record ObjectConflict(ObjectId object, SchemaObject expected, SchemaObject actual) {
    public String describe() {
        return object + ": expected " + render(expected) + ", actual " + render(actual);
    }

    private static String render(SchemaObject o) {
        return o == null ? "(absent)" : o.sql();
    }
}
