package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's lexical rules in one pass: quotes {@code '…'} (doubled quotes inside), {@code "…"}, {@code `…`},
 * {@code […]}, {@code --} and {@code /* *}{@code /} comments, numbers, blobs, parameters and operators.
 * Whitespace is dropped; comments are kept as tokens so the splitter can read directives from them.
 * An unterminated quote or block comment is a {@link ErrorCode#BAD_SQL} error naming the origin and the line
 * where it began.
 */
public final class Tokenizer {
    private final String text;
    private final String origin;
    private int pos;
    private int line;

    private Tokenizer(String text, String origin, int firstLine) {
        this.text = text;
        this.origin = origin;
        this.line = firstLine;
    }

    /** All tokens of {@code text}, comments included. {@code origin} names the source in error messages. */
    public static List<Token> tokenize(String text, String origin) {
        return new Tokenizer(text, origin, 1).run();
    }

    /** A tokenizer over {@code text} that hands out one token at a time ({@link #next()}): no list of the whole text. */
    static Tokenizer over(String text, String origin) {
        return new Tokenizer(text, origin, 1);
    }

    /** As {@link #over(String, String)}, for a part of a file that starts at line {@code firstLine}. */
    static Tokenizer over(String text, String origin, int firstLine) {
        return new Tokenizer(text, origin, firstLine);
    }

    /** The line the tokenizer has read up to. */
    int line() {
        return line;
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
        for (Token t = next(); t != null; t = next()) {
            out.add(t);
        }
        return out;
    }

    /** The next token, comments included; null at the end of the text. */
    Token next() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                continue;
            }
            // SQLite's whitespace; a vertical tab is an illegal token to SQLite, so it is one here too
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                if (c == '\r' && peek(1) != '\n') {
                    line++; // a lone CR ends a line too (old Mac files), for line numbers in messages
                }
                pos++;
                continue;
            }
            int start = pos;
            int startLine = line;
            TokenType type;
            if (c == '-' && peek(1) == '-') {
                while (pos < n && text.charAt(pos) != '\n') {
                    pos++;
                }
                type = TokenType.COMMENT;
            } else if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw unterminated("comment", startLine);
                }
                advanceTo(close + 2);
                type = TokenType.COMMENT;
            } else if (c == '\'') {
                quoted('\'', "string", startLine);
                type = TokenType.STRING;
            } else if (c == '"' || c == '`') {
                quoted(c, "quoted identifier", startLine);
                type = TokenType.QUOTED_IDENTIFIER;
            } else if (c == '[') {
                int close = text.indexOf(']', pos + 1);
                if (close < 0) {
                    throw unterminated("[bracketed] identifier", startLine);
                }
                advanceTo(close + 1);
                type = TokenType.QUOTED_IDENTIFIER;
            } else if ((c == 'x' || c == 'X') && peek(1) == '\'') {
                pos++;
                quoted('\'', "blob literal", startLine);
                type = TokenType.BLOB;
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
                type = TokenType.NUMBER;
            } else if (isIdentStart(c)) {
                pos++;
                while (pos < n && isIdentPart(text.charAt(pos))) {
                    pos++;
                }
                type = TokenType.WORD;
            } else if (c == '?') {
                pos++;
                while (pos < n && isDigit(text.charAt(pos))) {
                    pos++;
                }
                type = TokenType.VARIABLE;
            } else if ((c == ':' || c == '@' || c == '$' || c == '#') && pos + 1 < n
                    && isIdentPart(text.charAt(pos + 1))) {
                namedVariable();
                type = TokenType.VARIABLE;
            } else if (c == ';') {
                pos++;
                type = TokenType.SEMICOLON;
            } else {
                pos += operatorLength(c);
                type = TokenType.PUNCT;
            }
            return new Token(type, text.substring(start, pos), start, startLine);
        }
        return null;
    }

    /**
     * A named parameter, read as SQLite reads it: identifier characters, {@code ::} inside, and a Tcl-style
     * suffix {@code (…)} that runs to the next {@code )} or whitespace, so {@code $a(;')} is one token.
     */
    private void namedVariable() {
        int n = text.length();
        pos++;
        while (pos < n) {
            char c = text.charAt(pos);
            if (isIdentPart(c)) {
                pos++;
            } else if (c == '(') {
                pos++;
                while (pos < n && text.charAt(pos) != ')' && !isSqliteSpace(text.charAt(pos))) {
                    pos++;
                }
                if (pos < n && text.charAt(pos) == ')') {
                    pos++;
                }
                return;
            } else if (c == ':' && peek(1) == ':') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private static boolean isSqliteSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void advanceTo(int end) {
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        pos = end;
    }

    private void quoted(char q, String what, int startLine) {
        int i = pos + 1;
        int n = text.length();
        while (true) {
            int close = text.indexOf(q, i);
            if (close < 0) {
                throw unterminated(what, startLine);
            }
            if (close + 1 < n && text.charAt(close + 1) == q) {
                i = close + 2;
                continue;
            }
            advanceTo(close + 1);
            return;
        }
    }

    private void number() {
        int n = text.length();
        if (text.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHex(peek(2))) {
            pos += 2;
            while (pos < n && (isHex(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return;
        }
        while (pos < n && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < n && text.charAt(pos) == '.') {
            pos++;
            while (pos < n && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (pos < n && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            char next = peek(1);
            if (isDigit(next) || ((next == '+' || next == '-') && isDigit(peek(2)))) {
                pos += 2;
                while (pos < n && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        // SQLite rejects an identifier character glued to a number; keep it in the token so the error is SQLite's
        while (pos < n && isIdentPart(text.charAt(pos))) {
            pos++;
        }
    }

    private int operatorLength(char c) {
        char d = peek(1);
        switch (c) {
            case '|':
                return d == '|' ? 2 : 1;
            case '<':
                return (d == '=' || d == '>' || d == '<') ? 2 : 1;
            case '>':
                return (d == '=' || d == '>') ? 2 : 1;
            case '!':
            case '=':
                return d == '=' ? 2 : 1;
            case '-':
                if (d == '>') {
                    return peek(2) == '>' ? 3 : 2;
                }
                return 1;
            default:
                return Character.isHighSurrogate(c) && Character.isLowSurrogate(d) ? 2 : 1;
        }
    }

    private ConvergeException unterminated(String what, int startLine) {
        return ConvergeException.builder(ErrorCode.BAD_SQL,
                        origin + ":" + startLine + ": unterminated " + what + " starting on line " + startLine
                                + "; close it, or remove it")
                .file(origin).line(startLine).build();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }
}
