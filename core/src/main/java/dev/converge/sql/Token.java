package dev.converge.sql;

/**
 * One token of SQLite SQL, with where it starts in the text. {@link #text()} is the raw source text, quotes included.
 *
 * @param type   what kind of token
 * @param text   the exact source text
 * @param start  offset of the first character in the source
 * @param line   1-based line of the first character
 */
public record Token(TokenType type, String text, int start, int line) {

    /** Offset just after the last character. */
    public int end() {
        return start + text.length();
    }

    /** True for a bare word equal, ignoring ASCII case, to {@code word}. Quoted identifiers never match. */
    public boolean is(String word) {
        return type == TokenType.WORD && text.equalsIgnoreCase(word);
    }

    /** True for punctuation or an operator with exactly this text. */
    public boolean isPunct(String p) {
        return type == TokenType.PUNCT && text.equals(p);
    }

    /** True for a bare word or a quoted identifier: something that can name an object. */
    public boolean isName() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER || type == TokenType.STRING;
    }

    /** The name this token denotes: quotes removed, doubled quote characters undone, case preserved. */
    public String unquoted() {
        return Identifiers.unquote(text);
    }
}
