package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into complete statements by SQLite's own rule ({@code sqlite3_complete}): a {@code ;} ends a
 * statement, except inside {@code CREATE TRIGGER … BEGIN … END}, which ends only at a {@code ;} that follows
 * {@code END} right after another {@code ;}. So {@code CASE … END} inside a trigger body needs no special case.
 * Empty and comment-only pieces are dropped; the last statement may lack its {@code ;}.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** The directive comment that makes a data statement run whenever its migration runs. */
    public static final String DATA_ALWAYS = "converge:data=always";

    // the states of sqlite3_complete
    private static final int START = 1;
    private static final int NORMAL = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TRIGGER = 5;
    private static final int SEMI = 6;
    private static final int END = 7;

    /**
     * Splits {@code text}; {@code origin} (a file name) is used in error messages. A {@code -- converge:data=always}
     * comment belongs to the statement it stands in or before, or to the statement whose {@code ;} is on the line
     * where the comment starts.
     *
     * @throws dev.converge.error.ConvergeException with {@link ErrorCode#BAD_SQL}, the origin and the line where it
     *                                              began, for an unterminated string, identifier, block comment or
     *                                              trigger body
     */
    public static List<Statement> split(String text, String origin) {
        // tokens are read one at a time and only the current statement's are kept: a file of 100,000 statements
        // needs memory for its statements, not for a million tokens at once
        Tokenizer tokenizer = Tokenizer.over(text, origin);
        List<Statement> out = new ArrayList<>();
        int state = START;
        List<Token> body = null; // the current statement's tokens but comments, from its first one; null before it
        boolean dataAlways = false;
        Token pending = null;    // a token read ahead, after the comments on the line of a ';'
        while (true) {
            Token t = pending != null ? pending : tokenizer.next();
            pending = null;
            if (t == null) {
                break;
            }
            if (t.type() == TokenType.COMMENT) {
                if (t.text().contains(DATA_ALWAYS)) {
                    dataAlways = true;
                }
                continue;
            }
            int before = state;
            state = next(state, t);
            if (t.type() == TokenType.SEMICOLON) {
                if (state != START) {
                    if (body != null) {
                        body.add(t); // a ';' inside a trigger body
                    }
                    continue;
                }
                if (body != null) {
                    // comments that start on the line of the ';' belong to the statement it ends
                    Token c = tokenizer.next();
                    while (c != null && c.type() == TokenType.COMMENT && c.line() == t.line()) {
                        if (c.text().contains(DATA_ALWAYS)) {
                            dataAlways = true;
                        }
                        c = tokenizer.next();
                    }
                    pending = c;
                    out.add(make(text, body, dataAlways));
                    if (c == null) {
                        body = null;
                        dataAlways = false;
                        break;
                    }
                }
                body = null;
                dataAlways = false;
                continue;
            }
            if (body == null && before == START) {
                body = new ArrayList<>();
            }
            if (body != null) {
                body.add(t);
            }
        }
        if (body != null) {
            // SQLite ends the last statement at the end of the text as if a ';' followed; a trigger needs its END
            if (state == TRIGGER || state == SEMI) {
                Token f = body.get(0);
                throw ConvergeException.builder(ErrorCode.BAD_SQL,
                                origin + ":" + f.line() + ": unterminated trigger body: the CREATE TRIGGER starting on line "
                                        + f.line() + " has no END; close its body with END;")
                        .file(origin).line(f.line()).build();
            }
            out.add(make(text, body, dataAlways));
        }
        return out;
    }

    private static int next(int state, Token t) {
        int tk;
        switch (t.type()) {
            case SEMICOLON -> tk = 0;
            case WORD -> {
                String w = t.text().toUpperCase(Locale.ROOT);
                tk = switch (w) {
                    case "EXPLAIN" -> 3;
                    case "CREATE" -> 4;
                    case "TEMP", "TEMPORARY" -> 5;
                    case "TRIGGER" -> 6;
                    case "END" -> 7;
                    default -> 2;
                };
            }
            default -> tk = 2;
        }
        return TRANS[state][tk];
    }

    // sqlite3_complete's transition table; columns: SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END
    private static final int[][] TRANS = {
            /* 0 unused */ {1, 0, 2, 3, 4, 2, 2, 2},
            /* 1 START  */ {1, 1, 2, 3, 4, 2, 2, 2},
            /* 2 NORMAL */ {1, 2, 2, 2, 2, 2, 2, 2},
            /* 3 EXPLN  */ {1, 3, 3, 2, 4, 2, 2, 2},
            /* 4 CREATE */ {1, 4, 2, 2, 2, 4, 5, 2},
            /* 5 TRIGGR */ {6, 5, 5, 5, 5, 5, 5, 5},
            /* 6 SEMI   */ {6, 6, 5, 5, 5, 5, 5, 7},
            /* 7 END    */ {1, 7, 5, 5, 5, 5, 5, 5},
    };

    private static Statement make(String text, List<Token> body, boolean dataAlways) {
        Token first = body.get(0);
        Token last = body.get(body.size() - 1);
        String sql = text.substring(first.start(), last.end());
        return Classifier.classify(sql, first.line(), body, dataAlways);
    }
}
