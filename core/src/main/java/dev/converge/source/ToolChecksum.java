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
 * (Liquibase's {@code MD5SUM} of a formatted-SQL changeset, its version first: {@link LiquibaseChecksum}). Converge's
 * own checksum has no prefix ({@link Checksum}).
 */
public final class ToolChecksum {
    private static final String CRC32 = "crc32:";
    private static final String SHA384 = "sha384:";
    private static final String SHA256 = "sha256:";
    private static final String LIQUIBASE = "liquibase:";

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
     * The version of a checksum read from Liquibase's {@code MD5SUM} when Converge computes that version: 9 (written
     * by Liquibase 4.23 and later), 8 (3.8 to 4.21) or 7 (older); 0 for any other value ({@link LiquibaseChecksum}).
     */
    public static int liquibaseVersion(String md5sum) {
        return LiquibaseChecksum.version(md5sum);
    }

    /** Liquibase's {@code MD5SUM} of a version Converge computes ({@link #liquibaseVersion}), recorded as {@code liquibase:9:hex}. */
    public static String liquibase(String md5sum) {
        if (liquibaseVersion(md5sum) == 0) {
            throw new IllegalArgumentException("not a Liquibase checksum of version 7, 8 or 9: " + md5sum);
        }
        return LIQUIBASE + md5sum.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the tool's checksum {@code recorded} is the checksum of {@code fileText}. */
    static boolean matches(String recorded, String fileText) {
        return recorded.equalsIgnoreCase(sameKind(recorded, fileText));
    }

    /**
     * The checksum of {@code fileText} by the algorithm (and, for Liquibase, the version) of the tool's checksum
     * {@code recorded}, written as it is: what to show beside it when they differ. "" when {@code recorded} is a
     * Liquibase checksum of a version Converge does not compute.
     */
    static String sameKind(String recorded, String fileText) {
        if (recorded.startsWith(LIQUIBASE)) {
            int version = LiquibaseChecksum.version(recorded.substring(LIQUIBASE.length()));
            return version == 0 ? "" : LIQUIBASE + LiquibaseChecksum.of(fileText, version);
        }
        if (recorded.startsWith(CRC32)) {
            return flyway(flywayCrc32(fileText));
        }
        if (recorded.startsWith(SHA384)) {
            return SHA384 + Checksum.hex(digest("SHA-384", fileText));
        }
        return SHA256 + Checksum.hex(digest("SHA-256", fileText));
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

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm + ", which every Java SE runtime must have", e);
        }
    }
}
