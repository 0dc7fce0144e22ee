package dev.converge.schema;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlText;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser over the tokens of one {@code CREATE} text: one forward pass, no backtracking beyond a
 * token or two of look-ahead. Expressions are not parsed; their token ranges are kept as normalized text. Anything it
 * does not understand is a {@link ErrorCode#BAD_SQL} error naming the object, the token and its position.
 */
final class CreateParser {
    /** Words that end a column's type name: each begins a column constraint. */
    private static final String[] COLUMN_CONSTRAINT_WORDS = {
            "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES",
            "GENERATED", "AS"};

    private final String sql;
    private final String label;
    private final String objectName;
    private final List<Token> tokens;
    private final int end;
    private int pos;

    private CreateParser(String sql, String label, String objectName) {
        this.sql = sql;
        this.label = label;
        this.objectName = objectName;
        List<Token> all;
        try {
            all = Tokenizer.tokenize(sql, label);
        } catch (ConvergeException e) {
            throw ConvergeException.builder(ErrorCode.BAD_SQL, e.getMessage()).object(objectName).cause(e).build();
        }
        this.tokens = withoutComments(all);
        int n = tokens.size();
        while (n > 0 && tokens.get(n - 1).type() == TokenType.SEMICOLON) {
            n--;
        }
        this.end = n;
    }

    private static List<Token> withoutComments(List<Token> all) {
        boolean any = false;
        for (Token t : all) {
            if (t.type() == TokenType.COMMENT) {
                any = true;
                break;
            }
        }
        if (!any) {
            return all;
        }
        List<Token> out = new ArrayList<>(all.size());
        for (Token t : all) {
            if (t.type() != TokenType.COMMENT) {
                out.add(t);
            }
        }
        return out;
    }

    static SchemaObject parse(ObjectType type, String name, String tblName, String sql) {
        String label = type.sqlName() + " " + Identifiers.quote(name == null ? "?" : name);
        if (sql == null) {
            throw ConvergeException.builder(ErrorCode.BAD_SQL,
                    label + " has no CREATE text (an automatic index belongs to its table's constraints)")
                    .object(name).build();
        }
        CreateParser p = new CreateParser(sql, label, name);
        return switch (type) {
            case TABLE -> p.table(name);
            case INDEX -> p.index(name, tblName);
            case VIEW -> p.view(name);
            case TRIGGER -> p.trigger(name, tblName);
        };
    }

    // ---------------------------------------------------------------- tables

    private Table table(String name) {
        expectWord("CREATE");
        temporary();
        boolean virtual = acceptWord("VIRTUAL");
        expectWord("TABLE");
        ifNotExists();
        String parsedName = qualifiedName();
        String tableName = name != null ? name : parsedName;
        if (virtual) {
            return virtualTable(tableName);
        }
        if (peekWord("AS")) {
            throw error("CREATE TABLE … AS SELECT is not a stored table definition");
        }
        TableBuilder tb = new TableBuilder(tableName);
        expectPunct("(");
        boolean afterConstraint = false;
        while (true) {
            if (startsTableConstraint()) {
                tableConstraint(tb);
                afterConstraint = true;
            } else if (afterConstraint) {
                throw error("expected a table constraint (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY, CONSTRAINT)");
            } else {
                column(tb);
            }
            if (acceptPunct(",")) {
                continue;
            }
            if (acceptPunct(")")) {
                break;
            }
            if (afterConstraint && startsTableConstraint()) {
                continue; // SQLite lets table constraints follow one another without a comma
            }
            throw error("expected ',' or ')'");
        }
        tableOptions(tb);
        expectEnd();
        return tb.build(sql);
    }

    private Table virtualTable(String tableName) {
        expectWord("USING");
        String module = Identifiers.key(name());
        String args = null;
        if (peekPunct("(")) {
            int open = pos;
            int close = skipBalanced();
            args = SqlText.normalize(tokens.subList(open + 1, close));
        }
        expectEnd();
        return new Table(tableName, List.of(), List.of(), false, List.of(), List.of(), List.of(), false, false,
                module, args, sql);
    }

    private boolean startsTableConstraint() {
        Token t = peek();
        return t != null && (t.is("CONSTRAINT") || t.is("PRIMARY") || t.is("UNIQUE") || t.is("CHECK")
                || t.is("FOREIGN"));
    }

    private void column(TableBuilder tb) {
        ColumnBuilder c = new ColumnBuilder(name());
        c.type = typeName();
        while (!atEnd() && !peekPunct(",") && !peekPunct(")")) {
            columnConstraint(tb, c);
        }
        tb.columns.add(c);
    }

    /** The declared type, upper case, one space between words, no spaces in its argument list; "" for none. */
    private String typeName() {
        StringBuilder sb = new StringBuilder();
        while (!atEnd()) {
            Token t = peek();
            if (!t.isName() || (t.type() == TokenType.WORD && isColumnConstraintWord(t))) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String word = t.type() == TokenType.WORD ? t.text() : t.unquoted();
            sb.append(word.toUpperCase(Locale.ROOT));
            pos++;
        }
        if (sb.length() > 0 && peekPunct("(")) {
            int open = pos;
            int close = skipBalanced();
            sb.append('(');
            for (int i = open + 1; i < close; i++) {
                sb.append(tokens.get(i).text().toUpperCase(Locale.ROOT));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static boolean isColumnConstraintWord(Token t) {
        for (String w : COLUMN_CONSTRAINT_WORDS) {
            if (t.text().equalsIgnoreCase(w)) {
                return true;
            }
        }
        return false;
    }

    private void columnConstraint(TableBuilder tb, ColumnBuilder c) {
        Token t = peek();
        if (acceptWord("CONSTRAINT")) {
            name();
        } else if (acceptWord("PRIMARY")) {
            expectWord("KEY");
            if (!acceptWord("ASC")) {
                acceptWord("DESC");
            }
            conflictClause();
            if (acceptWord("AUTOINCREMENT")) {
                tb.autoincrement = true;
            }
            tb.primaryKey.clear();
            tb.primaryKey.add(c.name);
        } else if (acceptWord("NOT")) {
            expectWord("NULL");
            conflictClause();
            c.notNull = true;
        } else if (acceptWord("NULL")) {
            conflictClause();
        } else if (acceptWord("UNIQUE")) {
            conflictClause();
            tb.uniques.add(List.of(c.name));
        } else if (acceptWord("CHECK")) {
            tb.checks.add(parenthesized());
        } else if (acceptWord("DEFAULT")) {
            c.defaultValue = defaultValue();
        } else if (acceptWord("COLLATE")) {
            c.collation = collation();
        } else if (acceptWord("REFERENCES")) {
            tb.foreignKeys.add(foreignKeyClause(List.of(c.name)));
        } else if (acceptWord("GENERATED")) {
            expectWord("ALWAYS");
            expectWord("AS");
            generated(c);
        } else if (acceptWord("AS")) {
            generated(c);
        } else {
            throw error("expected a column constraint after column " + Identifiers.quote(c.name)
                    + (t.isName() ? " (a type name ends at its argument list)" : ""));
        }
    }

    private void generated(ColumnBuilder c) {
        c.generated = parenthesized();
        if (acceptWord("STORED")) {
            c.stored = true;
        } else {
            acceptWord("VIRTUAL");
        }
    }

    /** DEFAULT's value: {@code (expr)} kept with its parentheses, a signed number, a literal or a bare word. */
    private String defaultValue() {
        Token t = require("a DEFAULT value");
        if (t.isPunct("(")) {
            int open = pos;
            int close = skipBalanced();
            return SqlText.normalize(tokens.subList(open, close + 1));
        }
        if (t.isPunct("-") || t.isPunct("+")) {
            pos++;
            Token n = require("a number after '" + t.text() + "'");
            if (n.type() != TokenType.NUMBER && !n.is("inf")) {
                throw error("expected a number after '" + t.text() + "' in DEFAULT");
            }
            pos++;
            return t.text() + n.text();
        }
        switch (t.type()) {
            case NUMBER, STRING, BLOB, WORD, QUOTED_IDENTIFIER -> {
                pos++;
                return SqlText.normalize(tokens.subList(pos - 1, pos));
            }
            default -> throw error("expected a DEFAULT value");
        }
    }

    private String collation() {
        return name().toUpperCase(Locale.ROOT);
    }

    /** {@code ON CONFLICT ROLLBACK|ABORT|FAIL|IGNORE|REPLACE}, if present; not part of the model. */
    private void conflictClause() {
        if (peekWord("ON") && peekWordAt(1, "CONFLICT")) {
            pos += 2;
            Token t = require("a conflict resolution");
            if (!(t.is("ROLLBACK") || t.is("ABORT") || t.is("FAIL") || t.is("IGNORE") || t.is("REPLACE"))) {
                throw error("expected ROLLBACK, ABORT, FAIL, IGNORE or REPLACE after ON CONFLICT");
            }
            pos++;
        }
    }

    private ForeignKey foreignKeyClause(List<String> columns) {
        String parent = name();
        List<String> refColumns = peekPunct("(") ? nameList() : List.of();
        String onDelete = "NO ACTION";
        String onUpdate = "NO ACTION";
        String match = null;
        boolean deferred = false;
        while (!atEnd()) {
            if (peekWord("ON") && (peekWordAt(1, "DELETE") || peekWordAt(1, "UPDATE"))) {
                pos++;
                boolean delete = acceptWord("DELETE");
                if (!delete) {
                    pos++;
                }
                String action = foreignKeyAction();
                if (delete) {
                    onDelete = action;
                } else {
                    onUpdate = action;
                }
            } else if (acceptWord("MATCH")) {
                match = name().toUpperCase(Locale.ROOT);
            } else if (peekWord("NOT") && peekWordAt(1, "DEFERRABLE")) {
                pos += 2;
                initially();
                deferred = false;
            } else if (acceptWord("DEFERRABLE")) {
                deferred = initially();
            } else {
                break;
            }
        }
        return new ForeignKey(columns, parent, refColumns, onDelete, onUpdate, match, deferred);
    }

    /** {@code INITIALLY DEFERRED|IMMEDIATE}, if present: true for DEFERRED. */
    private boolean initially() {
        if (!acceptWord("INITIALLY")) {
            return false;
        }
        if (acceptWord("DEFERRED")) {
            return true;
        }
        expectWord("IMMEDIATE");
        return false;
    }

    private String foreignKeyAction() {
        if (acceptWord("SET")) {
            if (acceptWord("NULL")) {
                return "SET NULL";
            }
            expectWord("DEFAULT");
            return "SET DEFAULT";
        }
        if (acceptWord("CASCADE")) {
            return "CASCADE";
        }
        if (acceptWord("RESTRICT")) {
            return "RESTRICT";
        }
        if (acceptWord("NO")) {
            expectWord("ACTION");
            return "NO ACTION";
        }
        throw error("expected SET NULL, SET DEFAULT, CASCADE, RESTRICT or NO ACTION");
    }

    private void tableConstraint(TableBuilder tb) {
        if (acceptWord("CONSTRAINT")) {
            name();
            if (!startsTableConstraint() || peekWord("CONSTRAINT")) {
                throw error("expected PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY after CONSTRAINT name");
            }
        }
        if (acceptWord("PRIMARY")) {
            expectWord("KEY");
            tb.primaryKey.clear();
            tb.primaryKey.addAll(indexedColumns(tb));
            conflictClause();
        } else if (acceptWord("UNIQUE")) {
            tb.uniques.add(indexedColumns(tb));
            conflictClause();
        } else if (acceptWord("CHECK")) {
            tb.checks.add(parenthesized());
            conflictClause();
        } else {
            expectWord("FOREIGN");
            expectWord("KEY");
            List<String> cols = nameList();
            expectWord("REFERENCES");
            tb.foreignKeys.add(foreignKeyClause(cols));
        }
    }

    /** {@code (col [COLLATE x] [ASC|DESC], …)} of a PRIMARY KEY or UNIQUE: the column names. */
    private List<String> indexedColumns(TableBuilder tb) {
        expectPunct("(");
        List<String> names = new ArrayList<>(4);
        while (true) {
            names.add(name());
            if (acceptWord("COLLATE")) {
                name();
            }
            if (!acceptWord("ASC")) {
                acceptWord("DESC");
            }
            if (acceptWord("AUTOINCREMENT")) {
                tb.autoincrement = true;
            }
            if (acceptPunct(",")) {
                continue;
            }
            expectPunct(")");
            return names;
        }
    }

    private void tableOptions(TableBuilder tb) {
        if (atEnd()) {
            return;
        }
        while (true) {
            if (acceptWord("WITHOUT")) {
                expectWord("ROWID");
                tb.withoutRowid = true;
            } else if (acceptWord("STRICT")) {
                tb.strict = true;
            } else {
                throw error("expected WITHOUT ROWID or STRICT after the column list");
            }
            if (!acceptPunct(",")) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- indexes, views, triggers

    private Index index(String name, String tblName) {
        expectWord("CREATE");
        boolean unique = acceptWord("UNIQUE");
        expectWord("INDEX");
        ifNotExists();
        String parsedName = qualifiedName();
        expectWord("ON");
        String table = name();
        expectPunct("(");
        List<IndexKey> keys = new ArrayList<>(4);
        while (true) {
            keys.add(indexKey());
            if (acceptPunct(",")) {
                continue;
            }
            expectPunct(")");
            break;
        }
        String where = null;
        if (acceptWord("WHERE")) {
            if (atEnd()) {
                throw error("expected an expression after WHERE");
            }
            where = SqlText.normalize(tokens.subList(pos, end));
            pos = end;
        }
        expectEnd();
        return new Index(name != null ? name : parsedName, table != null ? table : tblName, keys, unique, where,
                sql);
    }

    private IndexKey indexKey() {
        int start = pos;
        int depth = 0;
        while (true) {
            Token t = require("')' to close the index's key list");
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (t.isPunct(",") && depth == 0) {
                break;
            }
            pos++;
        }
        int stop = pos;
        if (stop == start) {
            throw error("expected an index key");
        }
        boolean descending = false;
        Token last = tokens.get(stop - 1);
        if (last.is("DESC") || last.is("ASC")) {
            descending = last.is("DESC");
            stop--;
        }
        String collation = null;
        if (stop - start >= 3 && tokens.get(stop - 2).is("COLLATE") && tokens.get(stop - 1).isName()) {
            collation = tokens.get(stop - 1).unquoted().toUpperCase(Locale.ROOT);
            stop -= 2;
        }
        if (stop == start) {
            throw error("expected an index key before " + tokens.get(stop).text());
        }
        if (stop - start == 1 && tokens.get(start).isName()) {
            return new IndexKey(tokens.get(start).unquoted(), null, collation, descending);
        }
        return new IndexKey(null, SqlText.normalize(tokens.subList(start, stop)), collation, descending);
    }

    private View view(String name) {
        expectWord("CREATE");
        temporary();
        expectWord("VIEW");
        ifNotExists();
        String parsedName = qualifiedName();
        if (atEnd()) {
            throw error("expected a column list or AS SELECT after the view's name");
        }
        String definition = SqlText.normalize(tokens.subList(pos, end));
        return new View(name != null ? name : parsedName, definition, sql);
    }

    private Trigger trigger(String name, String tblName) {
        expectWord("CREATE");
        temporary();
        expectWord("TRIGGER");
        ifNotExists();
        String parsedName = qualifiedName();
        int bodyStart = pos;
        while (!atEnd() && !peekWord("ON")) {
            pos++;
        }
        if (atEnd()) {
            throw error("expected ON table in the trigger's head");
        }
        pos++;
        String table = qualifiedName();
        if (!peekWord("FOR") && !peekWord("WHEN") && !peekWord("BEGIN")) {
            throw error("expected FOR EACH ROW, WHEN or BEGIN after the trigger's table");
        }
        String definition = SqlText.normalize(tokens.subList(bodyStart, end));
        return new Trigger(name != null ? name : parsedName, table != null ? table : tblName, definition, sql);
    }

    // ---------------------------------------------------------------- shared pieces

    private void temporary() {
        if (!acceptWord("TEMP")) {
            acceptWord("TEMPORARY");
        }
    }

    private void ifNotExists() {
        if (peekWord("IF") && peekWordAt(1, "NOT")) {
            pos += 2;
            expectWord("EXISTS");
        }
    }

    /** {@code [schema.]name}: the name. */
    private String qualifiedName() {
        String n = name();
        if (acceptPunct(".")) {
            n = name();
        }
        return n;
    }

    private String name() {
        Token t = require("a name");
        if (!t.isName()) {
            throw error("expected a name");
        }
        pos++;
        return t.unquoted();
    }

    /** {@code (name [COLLATE x] [ASC|DESC], …)}. */
    private List<String> nameList() {
        expectPunct("(");
        List<String> names = new ArrayList<>(4);
        while (true) {
            names.add(name());
            if (acceptWord("COLLATE")) {
                name();
            }
            if (!acceptWord("ASC")) {
                acceptWord("DESC");
            }
            if (acceptPunct(",")) {
                continue;
            }
            expectPunct(")");
            return names;
        }
    }

    /** {@code ( expr )}: the normalized text of expr. */
    private String parenthesized() {
        if (!peekPunct("(")) {
            throw error("expected '('");
        }
        int open = pos;
        int close = skipBalanced();
        if (close == open + 1) {
            throw error("expected an expression inside ()");
        }
        return SqlText.normalize(tokens.subList(open + 1, close));
    }

    /** At an opening parenthesis: moves past its matching close and returns the close's index. */
    private int skipBalanced() {
        int depth = 0;
        int open = pos;
        while (pos < end) {
            Token t = tokens.get(pos);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
                if (depth == 0) {
                    pos++;
                    return pos - 1;
                }
            }
            pos++;
        }
        pos = open;
        throw error("unbalanced '(': no matching ')'");
    }

    private boolean atEnd() {
        return pos >= end;
    }

    private Token peek() {
        return pos < end ? tokens.get(pos) : null;
    }

    private Token require(String what) {
        if (pos >= end) {
            throw error("expected " + what);
        }
        return tokens.get(pos);
    }

    private boolean peekWord(String w) {
        return pos < end && tokens.get(pos).is(w);
    }

    private boolean peekWordAt(int ahead, String w) {
        int i = pos + ahead;
        return i < end && tokens.get(i).is(w);
    }

    private boolean peekPunct(String p) {
        return pos < end && tokens.get(pos).isPunct(p);
    }

    private boolean acceptWord(String w) {
        if (peekWord(w)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptPunct(String p) {
        if (peekPunct(p)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String w) {
        if (!acceptWord(w)) {
            throw error("expected " + w);
        }
    }

    private void expectPunct(String p) {
        if (!acceptPunct(p)) {
            throw error("expected '" + p + "'");
        }
    }

    private void expectEnd() {
        if (!atEnd()) {
            throw error("expected the end of the statement");
        }
    }

    private ConvergeException error(String expected) {
        String found;
        int line;
        int offset;
        if (pos < end) {
            Token t = tokens.get(pos);
            found = "'" + abbreviate(t.text()) + "'";
            line = t.line();
            offset = t.start();
        } else {
            found = "the end of the text";
            line = sql.isEmpty() ? 1 : (int) sql.chars().filter(ch -> ch == '\n').count() + 1;
            offset = sql.length();
        }
        return ConvergeException.builder(ErrorCode.BAD_SQL,
                        label + ": cannot parse its CREATE text: " + expected + ", found " + found + " at line "
                                + line + ", offset " + offset + ", in: " + abbreviate(sql))
                .object(objectName).line(line).build();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 200 ? one : one.substring(0, 197) + "...";
    }

    // ---------------------------------------------------------------- builders

    private static final class ColumnBuilder {
        final String name;
        String type = "";
        boolean notNull;
        String defaultValue;
        String collation;
        String generated;
        boolean stored;

        ColumnBuilder(String name) {
            this.name = name;
        }
    }

    private static final class TableBuilder {
        final String name;
        final List<ColumnBuilder> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>(2);
        final List<List<String>> uniques = new ArrayList<>(2);
        final List<String> checks = new ArrayList<>(2);
        final List<ForeignKey> foreignKeys = new ArrayList<>(2);
        boolean autoincrement;
        boolean withoutRowid;
        boolean strict;

        TableBuilder(String name) {
            this.name = name;
        }

        Table build(String sql) {
            List<Column> cols = new ArrayList<>(columns.size());
            for (ColumnBuilder c : columns) {
                int position = 0;
                for (int i = 0; i < primaryKey.size(); i++) {
                    if (Identifiers.same(primaryKey.get(i), c.name)) {
                        position = i + 1;
                        break;
                    }
                }
                cols.add(new Column(c.name, c.type, c.notNull, c.defaultValue, position, c.collation, c.generated,
                        c.stored));
            }
            return new Table(name, cols, primaryKey, autoincrement, uniques, checks, foreignKeys, withoutRowid,
                    strict, null, null, sql);
        }
    }
}
