package dev.converge.sql;

import java.util.Locale;
import java.util.Set;

/** SQLite's keywords (https://sqlite.org/lang_keywords.html). Many of them are also accepted as bare names. */
final class Keywords {
    private Keywords() {
    }

    private static final Set<String> ALL = Set.of(
            "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC", "ATTACH",
            "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE",
            "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC",
            "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE",
            "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL",
            "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED",
            "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST",
            "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL",
            "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA",
            "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX",
            "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS",
            "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION",
            "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL",
            "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");

    /**
     * The keywords SQLite's grammar lets fall back to a name where a keyword would not parse ({@code %fallback ID} in
     * parse.y), so that {@code key} and {@code "key"} mean the same wherever both are valid. Left out: those that can
     * also begin or continue an expression with another meaning ({@code current_timestamp} is the time, {@code
     * "current_timestamp"} a column; {@code cast}, {@code raise}, {@code like}, {@code glob}, {@code regexp},
     * {@code match}).
     */
    private static final Set<String> NAMES_TOO = Set.of(
            "ABORT", "ACTION", "AFTER", "ALWAYS", "ANALYZE", "ASC", "ATTACH", "BEFORE", "BEGIN", "BY", "CASCADE",
            "COLUMN", "CONFLICT", "CURRENT", "DATABASE", "DEFERRED", "DESC", "DETACH", "DO", "EACH", "END", "EXCLUDE",
            "EXCLUSIVE", "EXPLAIN", "FAIL", "FIRST", "FOLLOWING", "FOR", "GENERATED", "GROUPS", "IF", "IGNORE",
            "IMMEDIATE", "INITIALLY", "INSTEAD", "KEY", "LAST", "MATERIALIZED", "NO", "NULLS", "OF", "OFFSET",
            "OTHERS", "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "QUERY", "RANGE", "RECURSIVE", "REINDEX", "RELEASE",
            "RENAME", "REPLACE", "RESTRICT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "TEMP", "TEMPORARY", "TIES",
            "TRIGGER", "UNBOUNDED", "VACUUM", "VIEW", "VIRTUAL", "WITH", "WITHOUT");

    /** True when the upper-case word is a keyword that SQLite also accepts as a bare name, with the same meaning. */
    static boolean isAlsoAName(String upper) {
        return NAMES_TOO.contains(upper);
    }

    /** True when the upper-case word is a keyword of SQLite. */
    static boolean isKeyword(String upper) {
        return ALL.contains(upper);
    }

    static boolean isKeywordIgnoreCase(String word) {
        return ALL.contains(word.toUpperCase(Locale.ROOT));
    }
}
