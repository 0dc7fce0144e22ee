package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        List<Statement> out = new ArrayList<>();
        splitPart(text, 1, origin, true, 0, null, out);
        return out;
    }

    /** Where a part of a text stopped being split: its offset in the part, and the line there. */
    record Cut(int offset, int line) {
    }

    /**
     * Splits {@code text}, a part of a file starting at line {@code firstLine}, adding its statements to {@code out}.
     * At the file's end ({@code atEnd}) every statement is added, the last even without its {@code ;}; before it,
     * only the statements a {@code ;} ends, and the returned cut says where the rest, not split yet, begins.
     * With {@code shared} (else null), a data statement gets a {@linkplain #sketch sketch} for its text, numbered from
     * {@code firstIndex} among the file's statements, its sketch and names shared with earlier statements through
     * {@code shared}: a file of 100,000 INSERTs of one shape holds that shape once.
     */
    static Cut splitPart(String text, int firstLine, String origin, boolean atEnd, int firstIndex,
                         Map<String, String> shared, List<Statement> out) {
        // tokens are read one at a time and only the current statement's are kept: a file of 100,000 statements
        // needs memory for its statements, not for a million tokens at once
        Tokenizer tokenizer = Tokenizer.over(text, origin, firstLine);
        int index = firstIndex;
        Cut cut = new Cut(0, firstLine);
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
                    out.add(make(text, body, dataAlways, shared, index++));
                    cut = c == null ? new Cut(text.length(), tokenizer.line()) : new Cut(c.start(), c.line());
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
        if (body != null && atEnd) {
            // SQLite ends the last statement at the end of the text as if a ';' followed; a trigger needs its END
            if (state == TRIGGER || state == SEMI) {
                Token f = body.get(0);
                throw ConvergeException.builder(ErrorCode.BAD_SQL,
                                origin + ":" + f.line() + ": unterminated trigger body: the CREATE TRIGGER starting on line "
                                        + f.line() + " has no END; close its body with END;")
                        .file(origin).line(f.line()).build();
            }
            out.add(make(text, body, dataAlways, shared, index));
        }
        return atEnd ? new Cut(text.length(), tokenizer.line()) : cut;
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

    private static Statement make(String text, List<Token> body, boolean dataAlways, Map<String, String> shared,
                                  int index) {
        Token first = body.get(0);
        Token last = body.get(body.size() - 1);
        String sql = text.substring(first.start(), last.end());
        Statement st = Classifier.classify(sql, first.line(), body, dataAlways);
        if (shared == null || !st.kind().isData()) {
            return st;
        }
        if (shared.size() > SHARED_MAX) {
            shared.clear(); // a file of ever new shapes: keep the memory bounded, share less
        }
        return st.sketched(share(shared, sketch(body)), index, n -> share(shared, n));
    }

    private static final int SHARED_MAX = 1 << 14;

    private static String share(Map<String, String> shared, String s) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    /**
     * A data statement's words, names and operators, one space apart, each run of literals (with the parentheses,
     * commas and signs between them) written as one {@code ...}: {@code INSERT INTO t ( a , b ) VALUES ...} for a
     * statement of a million rows. What the checks read (the table written, the columns named, {@code SELECT … FROM}
     * tables) stays; it is not SQL that runs ({@code ...} is a syntax error to SQLite).
     */
    static String sketch(List<Token> body) {
        StringBuilder sb = new StringBuilder();
        int runStart = -1;     // first token of the current run of literals and row punctuation
        boolean runHasLiteral = false;
        for (int i = 0; i <= body.size(); i++) {
            Token t = i < body.size() ? body.get(i) : null;
            boolean literal = t != null && isLiteral(t);
            if (t != null && (literal || isRowPunct(t))) {
                if (runStart < 0) {
                    runStart = i;
                }
                runHasLiteral |= literal;
                continue;
            }
            if (runStart >= 0) {
                if (runHasLiteral) {
                    append(sb, "...");
                } else {
                    for (int j = runStart; j < i; j++) {
                        append(sb, body.get(j).text());
                    }
                }
                runStart = -1;
                runHasLiteral = false;
            }
            if (t != null) {
                append(sb, t.text());
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(s);
    }

    private static boolean isLiteral(Token t) {
        return switch (t.type()) {
            case STRING, NUMBER, BLOB -> true;
            case WORD -> t.is("NULL") || t.is("TRUE") || t.is("FALSE");
            default -> false;
        };
    }

    private static boolean isRowPunct(Token t) {
        return t.isPunct("(") || t.isPunct(")") || t.isPunct(",") || t.isPunct("-") || t.isPunct("+");
    }
}
