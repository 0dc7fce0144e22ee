package dev.converge.sql;

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
 * @param sketchOf     -1 when {@code text} is the statement's own text; otherwise {@code text} is only a sketch of the
 *                     data statement at this index (0-based, among all statements of its file) of a migration too large
 *                     to hold (see {@link dev.converge.source.Migration#withTexts}): its words and names, its literals
 *                     left out. A sketch keeps what the checks read (kind, names, {@code FROM} tables) and never runs.
 */
public record Statement(String text, int line, StatementKind kind, String objectName, String tableName,
                        String columnName, String newName, boolean ifExists, boolean dataAlways, String pragmaName,
                        int sketchOf) {

    /** A statement whose text is its own. */
    public Statement(String text, int line, StatementKind kind, String objectName, String tableName, String columnName,
                     String newName, boolean ifExists, boolean dataAlways, String pragmaName) {
        this(text, line, kind, objectName, tableName, columnName, newName, ifExists, dataAlways, pragmaName, -1);
    }

    /** True when {@link #text()} is a sketch that must be read again from the file before it runs. */
    public boolean isSketch() {
        return sketchOf >= 0;
    }

    /**
     * This statement with {@code sketch} for its text, standing for the statement at {@code index} of its file; its
     * names passed through {@code share} (which returns an equal string, one already held).
     */
    Statement sketched(String sketch, int index, java.util.function.UnaryOperator<String> share) {
        return new Statement(sketch, line, kind, share.apply(objectName), share.apply(tableName),
                share.apply(columnName), share.apply(newName), ifExists, dataAlways, pragmaName, index);
    }

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

    /**
     * True for {@code CREATE TEMP|TEMPORARY TABLE|VIEW|TRIGGER} (or a name in the {@code temp} schema): an object that
     * lives only as long as its connection, so it never survives an interrupted run.
     */
    public boolean createsTemporary() {
        if (objectName == null || !(kind == StatementKind.CREATE_TABLE || kind == StatementKind.CREATE_VIEW
                || kind == StatementKind.CREATE_TRIGGER || kind == StatementKind.CREATE_INDEX)) {
            return false;
        }
        return TEMPORARY.matcher(text).lookingAt() || Identifiers.key(objectName).startsWith("temp.");
    }

    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile(
            "(?is)(?:\\s++|--[^\\n]*+\\n|/\\*.*?\\*/)*+CREATE\\s+TEMP(ORARY)?\\s");

    /**
     * True when the statement reads rows of {@code table} ({@code … FROM table} or {@code JOIN table}, quoted or not):
     * a copy out of it, as a rebuild copies its old table before dropping it.
     */
    public boolean readsFrom(String table) {
        if (!(kind.isData() || kind == StatementKind.CREATE_TABLE)) {
            return false;
        }
        if (READS_FROM.size() > 10_000) {
            READS_FROM.clear(); // names come from migration sets: a long-lived process meeting many sets stays bounded
        }
        return READS_FROM.computeIfAbsent(table, Statement::readsFromPattern).matcher(text).find();
    }

    /** {@link #readsFrom}'s pattern per table name, compiled once: detection asks it of every table, often. */
    private static final java.util.Map<String, java.util.regex.Pattern> READS_FROM =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.regex.Pattern readsFromPattern(String table) {
        String q = java.util.regex.Pattern.quote(table);
        return java.util.regex.Pattern.compile("(?is)\\b(FROM|JOIN)\\s+(\"" + q + "\"|`" + q + "`|\\[" + q + "\\]|"
                + q + "(?![\\w$]))");
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
