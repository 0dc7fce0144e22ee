package dev.converge.sql;

import java.util.List;
import java.util.Locale;

/** Reads the kind and the named object off the first tokens of a statement. */
final class Classifier {
    private final List<Token> t;
    private int i;

    private Classifier(List<Token> tokens) {
        this.t = tokens;
    }

    static Statement classify(String sql, int line, List<Token> tokens, boolean dataAlways) {
        return new Classifier(tokens).run(sql, line, dataAlways);
    }

    private boolean at(String word) {
        return i < t.size() && t.get(i).is(word);
    }

    private boolean accept(String word) {
        if (at(word)) {
            i++;
            return true;
        }
        return false;
    }

    private boolean acceptAll(String... words) {
        int save = i;
        for (String w : words) {
            if (!accept(w)) {
                i = save;
                return false;
            }
        }
        return true;
    }

    /** Reads {@code [schema.]name} and returns the name unquoted, or null. */
    private String name() {
        if (i >= t.size() || !t.get(i).isName()) {
            return null;
        }
        String n = t.get(i++).unquoted();
        if (i + 1 < t.size() && t.get(i).isPunct(".") && t.get(i + 1).isName()) {
            n = t.get(i + 1).unquoted();
            i += 2;
        }
        return n;
    }

    private Statement run(String sql, int line, boolean dataAlways) {
        B b = new B(sql, line, dataAlways);
        if (accept("EXPLAIN")) {
            // EXPLAIN [QUERY PLAN] only describes the statement after it: it reads, and changes nothing
            return b.kind(StatementKind.SELECT).build();
        }
        if (i >= t.size()) {
            return b.kind(StatementKind.OTHER).build();
        }
        String w = t.get(i).type() == TokenType.WORD ? t.get(i).text().toUpperCase(Locale.ROOT) : "";
        i++;
        switch (w) {
            case "CREATE" -> create(b);
            case "DROP" -> drop(b);
            case "ALTER" -> alter(b);
            case "WITH" -> with(b);
            case "INSERT", "REPLACE", "UPDATE", "DELETE" -> {
                i--;
                dml(b);
            }
            case "SELECT", "VALUES" -> b.kind(StatementKind.SELECT);
            case "PRAGMA" -> {
                b.kind(StatementKind.PRAGMA);
                String n = name();
                b.pragma = n == null ? null : n.toLowerCase(Locale.ROOT);
            }
            case "BEGIN" -> b.kind(StatementKind.BEGIN);
            case "COMMIT" -> b.kind(StatementKind.COMMIT);
            case "END" -> b.kind(StatementKind.END);
            case "ROLLBACK" -> b.kind(StatementKind.ROLLBACK);
            case "SAVEPOINT" -> b.kind(StatementKind.SAVEPOINT);
            case "RELEASE" -> b.kind(StatementKind.RELEASE);
            case "VACUUM" -> b.kind(StatementKind.VACUUM);
            case "ATTACH" -> b.kind(StatementKind.ATTACH);
            case "DETACH" -> b.kind(StatementKind.DETACH);
            case "ANALYZE" -> b.kind(StatementKind.ANALYZE);
            case "REINDEX" -> b.kind(StatementKind.REINDEX);
            default -> b.kind(StatementKind.OTHER);
        }
        return b.build();
    }

    private void create(B b) {
        if (!accept("TEMP")) {
            accept("TEMPORARY");
        }
        boolean unique = accept("UNIQUE");
        if (accept("VIRTUAL")) {
            accept("TABLE");
            b.kind(StatementKind.CREATE_VIRTUAL_TABLE);
        } else if (accept("TABLE")) {
            b.kind(StatementKind.CREATE_TABLE);
        } else if (accept("INDEX")) {
            b.kind(StatementKind.CREATE_INDEX);
        } else if (accept("VIEW")) {
            b.kind(StatementKind.CREATE_VIEW);
        } else if (accept("TRIGGER")) {
            b.kind(StatementKind.CREATE_TRIGGER);
        } else {
            b.kind(StatementKind.OTHER);
            return;
        }
        if (unique && b.kind != StatementKind.CREATE_INDEX) {
            b.kind(StatementKind.OTHER);
            return;
        }
        b.ifExists = acceptAll("IF", "NOT", "EXISTS");
        b.object = name();
        if (b.kind == StatementKind.CREATE_INDEX) {
            if (accept("ON")) {
                b.table = name();
            }
        } else if (b.kind == StatementKind.CREATE_TRIGGER) {
            // scan to the ON that precedes the table: BEFORE|AFTER|INSTEAD OF, event, OF cols, ON table
            while (i < t.size() && !at("ON")) {
                i++;
            }
            if (accept("ON")) {
                b.table = name();
            }
        }
    }

    private void drop(B b) {
        if (accept("TABLE")) {
            b.kind(StatementKind.DROP_TABLE);
        } else if (accept("INDEX")) {
            b.kind(StatementKind.DROP_INDEX);
        } else if (accept("VIEW")) {
            b.kind(StatementKind.DROP_VIEW);
        } else if (accept("TRIGGER")) {
            b.kind(StatementKind.DROP_TRIGGER);
        } else {
            b.kind(StatementKind.OTHER);
            return;
        }
        b.ifExists = acceptAll("IF", "EXISTS");
        b.object = name();
    }

    private void alter(B b) {
        if (!accept("TABLE")) {
            b.kind(StatementKind.OTHER);
            return;
        }
        String table = name();
        b.object = table;
        b.table = table;
        if (accept("RENAME")) {
            if (accept("TO")) {
                b.kind(StatementKind.ALTER_RENAME_TABLE);
                b.newName = name();
                return;
            }
            accept("COLUMN");
            b.kind(StatementKind.ALTER_RENAME_COLUMN);
            b.column = name();
            accept("TO");
            b.newName = name();
        } else if (accept("ADD")) {
            accept("COLUMN");
            b.kind(StatementKind.ALTER_ADD_COLUMN);
            b.column = name();
        } else if (accept("DROP")) {
            accept("COLUMN");
            b.kind(StatementKind.ALTER_DROP_COLUMN);
            b.column = name();
        } else {
            b.kind(StatementKind.OTHER);
        }
    }

    private void with(B b) {
        int depth = 0;
        for (; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.isPunct("(")) {
                depth++;
            } else if (tok.isPunct(")")) {
                depth--;
            } else if (depth == 0 && (tok.is("INSERT") || tok.is("REPLACE") || tok.is("UPDATE") || tok.is("DELETE"))) {
                dml(b);
                return;
            } else if (depth == 0 && tok.is("SELECT")) {
                b.kind(StatementKind.SELECT);
                return;
            }
        }
        b.kind(StatementKind.OTHER);
    }

    private void dml(B b) {
        if (accept("INSERT")) {
            b.kind(StatementKind.INSERT);
            if (accept("OR")) {
                i++;
            }
            accept("INTO");
        } else if (accept("REPLACE")) {
            b.kind(StatementKind.REPLACE);
            accept("INTO");
        } else if (accept("UPDATE")) {
            b.kind(StatementKind.UPDATE);
            if (accept("OR")) {
                i++;
            }
        } else if (accept("DELETE")) {
            b.kind(StatementKind.DELETE);
            accept("FROM");
        }
        b.table = name();
        b.object = b.table;
    }

    private static final class B {
        final String sql;
        final int line;
        final boolean dataAlways;
        StatementKind kind = StatementKind.OTHER;
        String object;
        String table;
        String column;
        String newName;
        String pragma;
        boolean ifExists;

        B(String sql, int line, boolean dataAlways) {
            this.sql = sql;
            this.line = line;
            this.dataAlways = dataAlways;
        }

        B kind(StatementKind k) {
            this.kind = k;
            return this;
        }

        Statement build() {
            return new Statement(sql, line, kind, object, table, column, newName, ifExists, dataAlways, pragma);
        }
    }
}
