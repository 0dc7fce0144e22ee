package dev.converge.sql;

import java.util.List;
import java.util.Locale;

/**
 * Normalized SQL text, for comparing views, triggers and expressions by their tokens rather than their spelling:
 * comments, whitespace and trailing {@code ;} dropped, words folded to lower case (SQLite's keywords and names are
 * case-insensitive), optional identifier quotes removed (SQLite adds them when it rewrites a name on RENAME), tokens
 * joined by one space. String literals keep their case and quotes.
 *
 * <p>Quotes are optional on a plain name that is not a keyword, or is one of the keywords SQLite also takes as a bare
 * name with the same meaning ({@code key}, {@code replace}, {@code temp}, …), but never on {@code true} or
 * {@code false}: {@code "null"} is a name (or a string) where {@code null} is NULL, so those keep their quotes,
 * written as {@code "…"} whichever quote character the source used.
 */
public final class SqlText {
    private SqlText() {
    }

    /**
     * The normalized form of {@code sql}; two texts that normalize equal compare equal.
     *
     * @throws dev.converge.error.ConvergeException with {@link dev.converge.error.ErrorCode#BAD_SQL} for an
     *                                              unterminated string, identifier or block comment
     */
    public static String normalize(String sql) {
        return normalize(Tokenizer.tokenize(sql, "<sql>"));
    }

    /** The normalized form of a token sequence (comments and trailing {@code ;} are skipped). */
    public static String normalize(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && (tokens.get(end - 1).type() == TokenType.COMMENT
                || tokens.get(end - 1).type() == TokenType.SEMICOLON)) {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            Token t = tokens.get(i);
            if (t.type() == TokenType.COMMENT) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            appendNormalized(sb, t);
        }
        return sb.toString();
    }

    static void appendNormalized(StringBuilder sb, Token t) {
        switch (t.type()) {
            case WORD -> sb.append(Identifiers.key(t.text()));
            case QUOTED_IDENTIFIER -> {
                String name = t.unquoted();
                if (quotesAreOptional(name)) {
                    sb.append(Identifiers.key(name));
                } else {
                    sb.append(Identifiers.quote(Identifiers.key(name)));
                }
            }
            case BLOB -> sb.append(t.text().toLowerCase(Locale.ROOT));
            default -> sb.append(t.text());
        }
    }

    private static boolean quotesAreOptional(String name) {
        if (!Identifiers.isPlainWord(name) || name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return !Keywords.isKeyword(upper) || Keywords.isAlsoAName(upper);
    }
}
