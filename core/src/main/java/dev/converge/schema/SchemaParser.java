package dev.converge.schema;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

/**
 * Parses the {@code CREATE} texts SQLite keeps in {@code sqlite_schema} into schema records, in one pass over the
 * tokens of the {@code sql} tokenizer. Text it does not understand is a {@link ErrorCode#BAD_SQL}
 * {@link ConvergeException} naming the object, the token and its position; it never throws anything else.
 */
public final class SchemaParser {
    private SchemaParser() {
    }

    /**
     * Parses one {@code sqlite_schema} row.
     *
     * @param type    {@code table}, {@code index}, {@code view} or {@code trigger}
     * @param name    the object's name; when null, the name written in the text is used
     * @param tblName the table it belongs to; for an index or trigger the table named in the text wins
     * @param sql     its CREATE text
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} when the text cannot be parsed
     */
    public static SchemaObject parse(String type, String name, String tblName, String sql) {
        ObjectType t;
        try {
            t = ObjectType.of(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ConvergeException.builder(ErrorCode.BAD_SQL,
                    "cannot parse " + name + ": '" + type + "' is not a table, index, view or trigger")
                    .object(name).build();
        }
        return CreateParser.parse(t, name, tblName, sql);
    }

    /** Parses a {@code CREATE} text of the given kind, taking the object's name from the text. */
    public static SchemaObject parse(ObjectType type, String sql) {
        return CreateParser.parse(type, null, null, sql);
    }
}
