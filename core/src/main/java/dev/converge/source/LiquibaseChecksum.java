package dev.converge.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase's checksum of a formatted-SQL changeset, as {@code DATABASECHANGELOG.MD5SUM} holds it:
 * {@code <version>:<32 hex digits>}. A formatted-SQL changeset is one raw-SQL change; Liquibase hashes that change,
 * then hashes the change's checksum written {@code <version>:<hex>} and followed by {@code :}. What the change's hash
 * covers depends on the version:
 * <ul>
 *   <li>9 (Liquibase 4.23 and later): the SQL's UTF-8 bytes with every space, tab, CR and LF taken out;</li>
 *   <li>8 (Liquibase 3.8 to 4.21) and 7 (before): {@code endDelimiter:splitStatements:stripComments:} from the
 *   changeset's line ({@code null:true:true:} when it sets none), then the SQL with each run of spaces, tabs, CRs and
 *   LFs made one space.</li>
 * </ul>
 * The SQL is the changeset's SQL as Liquibase reads it ({@link LiquibaseChangelog}), trimmed. Version 9 is what
 * Converge compares; 7 and 8 can only confirm a changeset (a match), since what an older Liquibase read as a
 * changeset's settings is not known for certain.
 */
final class LiquibaseChecksum {
    /** An {@code MD5SUM} of a version computed here: the version, a colon, an MD5 in hex. */
    private static final Pattern KNOWN = Pattern.compile("([789]):[0-9a-fA-F]{32}");

    private LiquibaseChecksum() {
    }

    /** The version of {@code md5sum} (7, 8 or 9), or 0 when it is not of a form computed here. */
    static int version(String md5sum) {
        Matcher m = KNOWN.matcher(md5sum);
        return m.matches() ? m.group(1).charAt(0) - '0' : 0;
    }

    /**
     * The checksum of {@code version} of a changeset.
     *
     * @param changeset its {@code --changeset} line, a line break, then its SQL as Liquibase reads it
     */
    static String of(String changeset, int version) {
        int nl = changeset.indexOf('\n');
        String line = nl < 0 ? changeset : changeset.substring(0, nl);
        String sql = nl < 0 ? "" : changeset.substring(nl + 1).trim();
        String change = switch (version) {
            case 9 -> md5(withoutBlanks(sql));
            case 7, 8 -> md5(settings(line) + oneSpaced(sql));
            default -> throw new IllegalArgumentException("Liquibase checksum version " + version + " is not computed");
        };
        return version + ":" + md5(version + ":" + change + ":");
    }

    /** {@code endDelimiter:splitStatements:stripComments:} as Liquibase 3.x and 4.x before 4.22 read the line. */
    private static String settings(String changesetLine) {
        String lower = changesetLine.toLowerCase(Locale.ROOT);
        String end = valueAfter(changesetLine, lower, "enddelimiter:", false);
        String split = valueAfter(changesetLine, lower, "splitstatements:", true);
        String strip = valueAfter(changesetLine, lower, "stripcomments:", true);
        return (end == null ? "null" : end) + ":" + (split == null || Boolean.parseBoolean(split)) + ":"
                + (strip == null || Boolean.parseBoolean(strip)) + ":";
    }

    /**
     * The value after the last {@code key} of the line (a word, or any run of non-blanks), as a greedy
     * {@code .*key(value).*} finds it; null when there is none.
     */
    private static String valueAfter(String line, String lower, String key, boolean word) {
        for (int at = lower.lastIndexOf(key); at >= 0; at = at == 0 ? -1 : lower.lastIndexOf(key, at - 1)) {
            int from = at + key.length();
            int to = from;
            while (to < line.length() && (word ? isWordChar(line.charAt(to)) : !Character.isWhitespace(line.charAt(to)))) {
                to++;
            }
            if (!word || to > from) {
                return line.substring(from, to);
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The text without any space, tab, CR or LF. */
    private static String withoutBlanks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /** The text with each run of spaces, tabs, CRs and LFs made one space, none at either end. */
    private static String oneSpaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pending = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String md5(String text) {
        try {
            return Checksum.hex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no MD5, which every Java SE runtime must have", e);
        }
    }
}
