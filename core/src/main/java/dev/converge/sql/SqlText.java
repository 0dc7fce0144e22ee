package dev.converge.sql;

import java.util.List;
import java.util.Locale;

/**
 * Normalized SQL text, for comparing views, triggers and expressions by their tokens rather than their spelling:
 * comments and whitespace dropped, words folded to lower case (SQLite's keywords and names are case-insensitive),
 * identifier quotes removed (SQLite adds them when it rewrites a name on RENAME), tokens joined by one space.
 * String literals keep their case and quotes.
 */
public final class SqlText {
    private SqlText() {
    }

    /** The normalized form of {@code sql}; two texts that normalize equal compare equal. */
    public static String normalize(String sql) {
        return normalize(Tokenizer.tokenize(sql, "<sql>"));
    }

    /** The normalized form of a token sequence (comments are skipped). */
    public static String normalize(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.type() == TokenType.COMMENT || t.type() == TokenType.SEMICOLON) {
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
                if (Identifiers.isPlainWord(name)) {
                    sb.append(Identifiers.key(name));
                } else {
                    sb.append(Identifiers.quote(Identifiers.key(name)));
                }
            }
            case BLOB -> sb.append(t.text().toLowerCase(Locale.ROOT));
            default -> sb.append(t.text());
        }
    }
}
