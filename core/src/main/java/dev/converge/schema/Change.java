package dev.converge.schema;

import java.util.List;

/**
 * One difference between an expected and an actual schema; renders as one readable line via {@link #describe()}.
 * The set is closed: switch over it exhaustively.
 */
public sealed interface Change {
    /** The object the difference is about. */
    ObjectId object();

    /** One readable line, e.g. {@code table tokens: column "scope" missing}. */
    String describe();

    /** One attribute that differs, expected against actual; {@code null} values render as {@code none}. */
    record Attribute(String name, String expected, String actual) {
        /** {@code type expected TEXT, actual VARCHAR(20)}. */
        public String describe() {
            return name + " expected " + show(expected) + ", actual " + show(actual);
        }
    }

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

    /** A column expected but absent from the table. */
    record ColumnMissing(ObjectId object, Column expected) implements Change {
        @Override
        public String describe() {
            return object + ": column " + quote(expected.name()) + " missing";
        }
    }

    /** A column present in the table but not expected. */
    record ColumnUnexpected(ObjectId object, Column actual) implements Change {
        @Override
        public String describe() {
            return object + ": column " + quote(actual.name()) + " unexpected";
        }
    }

    /**
     * A column present on both sides whose attributes differ: each of {@code type}, {@code not null},
     * {@code default}, {@code primary key} (position), {@code collation}, {@code generated}.
     */
    record ColumnDiffers(ObjectId object, String column, List<Attribute> attributes) implements Change {
        public ColumnDiffers {
            attributes = List.copyOf(attributes);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder().append(object).append(": column ").append(quote(column))
                    .append(" differs: ");
            for (int i = 0; i < attributes.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(attributes.get(i).describe());
            }
            return sb.toString();
        }
    }

    /** The primary-key columns (in key order) differ. */
    record PrimaryKeyDiffers(ObjectId object, List<String> expected, List<String> actual) implements Change {
        public PrimaryKeyDiffers {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
        }

        @Override
        public String describe() {
            return object + ": primary key differs: expected " + showList(expected) + ", actual "
                    + showList(actual);
        }
    }

    /** A foreign key expected but absent. */
    record ForeignKeyMissing(ObjectId object, ForeignKey expected) implements Change {
        @Override
        public String describe() {
            return object + ": foreign key " + show(expected) + " missing";
        }
    }

    /** A foreign key present but not expected. */
    record ForeignKeyUnexpected(ObjectId object, ForeignKey actual) implements Change {
        @Override
        public String describe() {
            return object + ": foreign key " + show(actual) + " unexpected";
        }
    }

    /** A CHECK constraint (normalized expression) expected but absent. */
    record CheckMissing(ObjectId object, String expected) implements Change {
        @Override
        public String describe() {
            return object + ": check (" + expected + ") missing";
        }
    }

    /** A CHECK constraint present but not expected. */
    record CheckUnexpected(ObjectId object, String actual) implements Change {
        @Override
        public String describe() {
            return object + ": check (" + actual + ") unexpected";
        }
    }

    /** A UNIQUE constraint (its columns) expected but absent. */
    record UniqueMissing(ObjectId object, List<String> expected) implements Change {
        public UniqueMissing {
            expected = List.copyOf(expected);
        }

        @Override
        public String describe() {
            return object + ": unique " + showList(expected) + " missing";
        }
    }

    /** A UNIQUE constraint present but not expected. */
    record UniqueUnexpected(ObjectId object, List<String> actual) implements Change {
        public UniqueUnexpected {
            actual = List.copyOf(actual);
        }

        @Override
        public String describe() {
            return object + ": unique " + showList(actual) + " unexpected";
        }
    }

    /**
     * A table option differs: {@code without rowid}, {@code strict}, {@code autoincrement}, {@code module} or
     * {@code module arguments}.
     */
    record TableOptionDiffers(ObjectId object, Attribute option) implements Change {
        @Override
        public String describe() {
            return object + ": " + option.describe();
        }
    }

    /** An index attribute differs: {@code table}, {@code keys}, {@code unique} or {@code where}. */
    record IndexDiffers(ObjectId object, Attribute attribute) implements Change {
        @Override
        public String describe() {
            return object + ": " + attribute.describe();
        }
    }

    /** A view's normalized definition differs. */
    record ViewDiffers(ObjectId object, String expected, String actual) implements Change {
        @Override
        public String describe() {
            return object + ": definition expected " + expected + ", actual " + actual;
        }
    }

    /** A trigger attribute differs: {@code table} or {@code definition}. */
    record TriggerDiffers(ObjectId object, Attribute attribute) implements Change {
        @Override
        public String describe() {
            return object + ": " + attribute.describe();
        }
    }

    /**
     * The columns both sides have come in a different order. Never a difference of definition (see
     * {@link SchemaDiff#columnOrderNotes}); {@code lint} reports it.
     */
    record ColumnOrderDiffers(ObjectId object, List<String> expected, List<String> actual) implements Change {
        public ColumnOrderDiffers {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
        }

        @Override
        public String describe() {
            return object + ": column order differs: expected " + showList(expected) + ", actual "
                    + showList(actual);
        }
    }

    private static String show(String value) {
        return value == null ? "none" : value;
    }

    private static String quote(String name) {
        return dev.converge.sql.Identifiers.quote(name);
    }

    private static String showList(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    /** {@code (a, b) REFERENCES parent(x, y) ON DELETE CASCADE …}, listing only non-default parts. */
    private static String show(ForeignKey fk) {
        StringBuilder sb = new StringBuilder(showList(fk.columns())).append(" REFERENCES ").append(fk.table());
        if (!fk.refColumns().isEmpty()) {
            sb.append(showList(fk.refColumns()));
        }
        if (!"NO ACTION".equals(fk.onDelete())) {
            sb.append(" ON DELETE ").append(fk.onDelete());
        }
        if (!"NO ACTION".equals(fk.onUpdate())) {
            sb.append(" ON UPDATE ").append(fk.onUpdate());
        }
        if (fk.match() != null) {
            sb.append(" MATCH ").append(fk.match());
        }
        if (fk.deferred()) {
            sb.append(" DEFERRABLE INITIALLY DEFERRED");
        }
        return sb.toString();
    }
}
