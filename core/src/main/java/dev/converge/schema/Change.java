package dev.converge.schema;

/** One difference between an expected and an actual schema; renders as one readable line via {@link #describe()}. */
public sealed interface Change {
    /** The object the difference is about. */
    ObjectId object();

    /** One readable line, e.g. {@code table tokens: column "scope" missing}. */
    String describe();

    /** An object expected but absent. */
    record ObjectMissing(ObjectId object, SchemaObject expected) implements Change {
        @Override
        public String describe() {
            return object + ": missing";
        }
    }

    /** An object present but not expected. */
    record ObjectUnexpected(ObjectId object, SchemaObject actual) implements Change {
        @Override
        public String describe() {
            return object + ": unexpected";
        }
    }
}
