package dev.converge.sql;

import java.util.Locale;

/**
 * Identifier quoting and comparison, the one place that does it. SQLite compares names case-insensitively in ASCII,
 * and Converge never splices a name into SQL without {@link #quote(String)}.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** Wraps a name in double quotes, doubling any double quote inside it. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Wraps text in single quotes as a string literal, doubling any single quote inside it. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** The key under which a name is compared: ASCII lower case, as SQLite folds names. */
    public static String key(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(name);
                }
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? name : sb.toString();
    }

    /** True when two names denote the same object in SQLite (ASCII case-insensitive). */
    public static boolean same(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 'A' && x <= 'Z') {
                    x = (char) (x + 32);
                }
                if (y >= 'A' && y <= 'Z') {
                    y = (char) (y + 32);
                }
                if (x != y) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Removes one level of {@code "…"}, {@code `…`}, {@code […]} or {@code '…'} quoting; other text is returned as is. */
    public static String unquote(String text) {
        if (text.length() < 2) {
            return text;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (first == '[' && last == ']') {
            return text.substring(1, text.length() - 1);
        }
        if ((first == '"' || first == '`' || first == '\'') && last == first) {
            String inner = text.substring(1, text.length() - 1);
            String twice = String.valueOf(first) + first;
            return inner.indexOf(twice) >= 0 ? inner.replace(twice, String.valueOf(first)) : inner;
        }
        return text;
    }

    /** True when the name could be written without quotes: a plain word that is not a keyword. */
    public static boolean isPlain(String name) {
        return isPlainWord(name) && !Keywords.isKeyword(name.toUpperCase(Locale.ROOT));
    }

    /** True for letters, digits and underscores, not starting with a digit (keywords included). */
    public static boolean isPlainWord(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
