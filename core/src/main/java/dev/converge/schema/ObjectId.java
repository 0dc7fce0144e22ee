package dev.converge.schema;

import dev.converge.sql.Identifiers;

/**
 * Identity of a schema object: its type and its name compared as SQLite does (ASCII case-insensitive).
 *
 * @param type the object type
 * @param key  the name folded to ASCII lower case
 */
public record ObjectId(ObjectType type, String key) implements Comparable<ObjectId> {

    public static ObjectId of(ObjectType type, String name) {
        return new ObjectId(type, Identifiers.key(name));
    }

    public static ObjectId table(String name) {
        return of(ObjectType.TABLE, name);
    }

    public static ObjectId index(String name) {
        return of(ObjectType.INDEX, name);
    }

    public static ObjectId view(String name) {
        return of(ObjectType.VIEW, name);
    }

    public static ObjectId trigger(String name) {
        return of(ObjectType.TRIGGER, name);
    }

    @Override
    public int compareTo(ObjectId o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return type.sqlName() + " " + key;
    }
}
