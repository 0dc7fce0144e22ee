package dev.converge.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded in history for a migration: SHA-256, in lower-case hex, of the file's text encoded as
 * UTF-8 with every CRLF and every lone CR turned into LF. So a file checked out with Windows line endings has the
 * checksum it has on Linux, and any other edit, even of a comment, changes it.
 *
 * <p>Each call uses its own {@link MessageDigest}; the class is safe to use from any thread.
 */
public final class Checksum {
    private static final HexFormat HEX = HexFormat.of();

    private Checksum() {
    }

    /** The checksum of {@code text}. */
    public static String of(String text) {
        MessageDigest md = sha256();
        if (text.indexOf('\r') < 0) {
            md.update(text.getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder lf = new StringBuilder(text.length());
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    lf.append('\n');
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else {
                    lf.append(c);
                }
            }
            md.update(lf.toString().getBytes(StandardCharsets.UTF_8));
        }
        return hex(md.digest());
    }

    /**
     * The checksum of the text whose valid UTF-8 encoding is {@code bytes[off, off + len)}, without decoding it
     * again. Equal to {@link #of(String)} of that text: CR and LF are single bytes in UTF-8 and never part of a
     * longer sequence, so line endings can be normalized on the bytes.
     */
    static String ofUtf8(byte[] bytes, int off, int len) {
        MessageDigest md = sha256();
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (bytes[i] == '\r') {
                md.update(bytes, start, i - start);
                md.update((byte) '\n');
                if (i + 1 < end && bytes[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        md.update(bytes, start, end - start);
        return hex(md.digest());
    }

    /**
     * Whether a checksum recorded in history stands for {@code text}: its {@link #of(String)} in either hex case
     * (other tools write upper case), or the SHA-256 of the text with every line ending a CRLF (a file checksummed
     * on Windows before line endings were normalized). Both are the same file; any other edit still differs.
     */
    public static boolean recordedFor(String recorded, String text, String checksum) {
        if (recorded.equalsIgnoreCase(checksum)) {
            return true;
        }
        if (recorded.length() != checksum.length()) {
            return false;
        }
        String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return recorded.equalsIgnoreCase(hex(sha256().digest(lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java SE runtime must have", e);
        }
    }

    static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }
}
