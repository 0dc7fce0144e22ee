package dev.converge.sql;

import java.util.List;

import java.util.Optional;

/**
 * One complete SQL statement of a migration.
 *
 * @param text         the statement's source text, without the terminating {@code ;}
 * @param line         1-based line where it starts in its file
 * @param kind         what it does
 * @param objectName   the object it creates, drops or alters (unquoted, case preserved), or null
 * @param tableName    the table an index or trigger is on, the table an ALTER changes, or the table a data
 *                     statement writes; else null
 * @param columnName   the column an ALTER TABLE adds, drops or renames (its old name); else null
 * @param newName      the new name of a RENAME (table or column); else null
 * @param ifExists     {@code IF NOT EXISTS} on a CREATE, or {@code IF EXISTS} on a DROP
 * @param dataAlways   carries a {@code -- converge:data=always} comment: runs whenever its migration runs at all
 * @param pragmaName   for a PRAGMA, its name in lower case; else null
 */
public record Statement(String text, int line, StatementKind kind, String objectName, String tableName,
                        String columnName, String newName, boolean ifExists, boolean dataAlways, String pragmaName) {

    public Optional<String> object() {
        return Optional.ofNullable(objectName);
    }

    /** True when running this statement inside a migration would break its atomicity. */
    public boolean breaksAtomicity() {
        return kind.breaksAtomicity() || (kind == StatementKind.PRAGMA && "journal_mode".equals(pragmaName));
    }

    /**
     * True when this statement names {@code table} (ASCII case-insensitively, as SQLite does) as the object it creates,
     * drops or alters, the table it writes or puts an index or trigger on, or the new name of a rename.
     */
    public boolean names(String table) {
        return objectName != null && Identifiers.same(objectName, table)
                || tableName != null && Identifiers.same(tableName, table)
                || newName != null && Identifiers.same(newName, table);
    }

    /**
     * True for {@code INSERT … SELECT} (or {@code REPLACE … SELECT}): the statement fills {@link #tableName()} with rows
     * copied from a query, as a rebuild fills its {@code t_new}.
     */
    public boolean copiesRows() {
        return (kind == StatementKind.INSERT || kind == StatementKind.REPLACE) && tableName != null
                && text.toUpperCase(java.util.Locale.ROOT).contains("SELECT");
    }

    /** True when this statement reads {@code table}: the name stands right after a FROM or a JOIN. */
    public boolean readsFrom(String table) {
        List<Token> tokens = new java.util.ArrayList<>();
        for (Token t : Tokenizer.tokenize(text, "<statement>")) {
            if (t.type() != TokenType.COMMENT) {
                tokens.add(t);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if ((tokens.get(i).is("FROM") || tokens.get(i).is("JOIN"))
                    && Identifiers.same(Identifiers.unquote(tokens.get(i + 1).text()), table)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the text, for messages and plans. */
    public String firstLine() {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).stripTrailing() + " …";
    }

    @Override
    public String toString() {
        return "line " + line + ": " + firstLine();
    }
}
