package dev.converge.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * Other tools' checksums of a migration file, as adopted from their history tables, written with the algorithm as a
 * prefix so that a recorded checksum says how to check it: {@code crc32:-1234} (Flyway: CRC32 over the file's lines
 * without their line endings, byte-order mark removed, UTF-8, as a signed 32-bit number), {@code sha384:hex} (sqlx:
 * SHA-384 of the file), {@code sha256:hex} (Prisma and drizzle: SHA-256 of the file), {@code liquibase:9:hex}
 * (Liquibase's {@code MD5SUM} of a formatted-SQL changeset, checksum version 9: {@link #liquibaseV9}). Converge's own
 * checksum has no prefix ({@link Checksum}).
 */
public final class ToolChecksum {
    private static final String CRC32 = "crc32:";
    private static final String SHA384 = "sha384:";
    private static final String SHA256 = "sha256:";
    private static final String LIQUIBASE = "liquibase:";
    /** A checksum of Liquibase's version 9 as it stands in {@code MD5SUM}: {@code 9:} and an MD5 in hex. */
    private static final java.util.regex.Pattern LIQUIBASE_V9 = java.util.regex.Pattern.compile("9:[0-9a-fA-F]{32}");

    private ToolChecksum() {
    }

    /** True when {@code recorded} is another tool's checksum rather than Converge's. */
    static boolean isToolsChecksum(String recorded) {
        return recorded.startsWith(CRC32) || recorded.startsWith(SHA384) || recorded.startsWith(SHA256)
                || recorded.startsWith(LIQUIBASE);
    }

    /** Flyway's checksum of {@code fileText}, recorded as {@code crc32:N}. */
    public static String flyway(int crc) {
        return CRC32 + crc;
    }

    /** sqlx's checksum, the SHA-384 bytes read from its history, recorded as {@code sha384:hex}. */
    public static String sqlx(byte[] sha384) {
        return SHA384 + Checksum.hex(sha384);
    }

    /** A SHA-256 read as hex from a tool's history (Prisma, drizzle), recorded as {@code sha256:hex}. */
    public static String sha256(String hex) {
        return SHA256 + hex.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether {@code md5sum}, read from Liquibase's {@code MD5SUM}, is of checksum version 9 (written by Liquibase
     * 4.23 and later), the one version Converge recomputes. Version 8 (Liquibase 3.8 to 4.21), 7 and older put the
     * statement-splitting settings into the hash and fold whitespace differently; they are not compared.
     */
    public static boolean isLiquibaseV9(String md5sum) {
        return LIQUIBASE_V9.matcher(md5sum).matches();
    }

    /** Liquibase's {@code MD5SUM} of version 9 ({@link #isLiquibaseV9}), recorded as {@code liquibase:9:hex}. */
    public static String liquibase(String md5sum) {
        if (!isLiquibaseV9(md5sum)) {
            throw new IllegalArgumentException("not a Liquibase checksum of version 9: " + md5sum);
        }
        return LIQUIBASE + md5sum.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the tool's checksum {@code recorded} is the checksum of {@code fileText}. */
    static boolean matches(String recorded, String fileText) {
        if (recorded.startsWith(LIQUIBASE)) {
            return recorded.substring(LIQUIBASE.length()).equalsIgnoreCase(liquibaseV9(fileText));
        }
        if (recorded.startsWith(CRC32)) {
            return recorded.equals(flyway(flywayCrc32(fileText)));
        }
        if (recorded.startsWith(SHA384)) {
            return recorded.equalsIgnoreCase(SHA384 + Checksum.hex(digest("SHA-384", fileText)));
        }
        return recorded.equalsIgnoreCase(SHA256 + Checksum.hex(digest("SHA-256", fileText)));
    }

    /**
     * Flyway's CRC32: its lines, read without their line endings ({@code \n}, {@code \r\n} or {@code \r}) and fed one
     * after another as UTF-8; an empty line adds nothing, so this is the CRC32 of the text without any CR or LF.
     */
    static int flywayCrc32(String fileText) {
        CRC32 crc = new CRC32();
        StringBuilder line = new StringBuilder(fileText.length());
        for (int i = 0; i < fileText.length(); i++) {
            char ch = fileText.charAt(i);
            if (ch != '\r' && ch != '\n') {
                line.append(ch);
            }
        }
        crc.update(line.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /**
     * Liquibase's checksum (version 9) of a formatted-SQL changeset whose SQL, as Liquibase reads it, is {@code sql}
     * ({@link LiquibaseChangelog}): the changeset holds one raw-SQL change, whose checksum is the MD5 of the SQL's
     * UTF-8 bytes with every space, tab, CR and LF taken out (so re-indenting or re-wrapping changes nothing, while an
     * edited comment does); the changeset's checksum is the MD5 of that change checksum written {@code 9:hex} and
     * followed by {@code :}. Both MD5s are written as 32 lower-case hex digits, the result as {@code 9:hex}.
     */
    static String liquibaseV9(String sql) {
        String trimmed = sql.trim();
        StringBuilder kept = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char ch = trimmed.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
                kept.append(ch);
            }
        }
        String change = "9:" + Checksum.hex(digest("MD5", kept.toString()));
        return "9:" + Checksum.hex(digest("MD5", change + ":"));
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm + ", which every Java SE runtime must have", e);
        }
    }
}
