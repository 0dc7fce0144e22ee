package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns the bytes of a migration or baseline file into its text: strict UTF-8 (a malformed byte is an error
 * naming the file and line, never a silent replacement character), with a leading byte-order mark dropped.
 */
final class SourceText {
    private static final String BOM = "\uFEFF";

    private SourceText() {
    }

    /** The number of leading bytes that are a UTF-8 byte-order mark: 3 or 0. */
    static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
    }

    /** {@code text} without a leading byte-order mark. */
    static String withoutBom(String text) {
        return text.startsWith(BOM) ? text.substring(1) : text;
    }

    /**
     * Decodes {@code bytes[off…]} as UTF-8.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming {@code origin} when the bytes are not UTF-8
     */
    static String decode(byte[] bytes, int off, String origin) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // validated through a small buffer, then decoded in one go: no second copy of the text as UTF-16 chars
        ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length - off, 1 << 16)));
        CoderResult result;
        while (true) {
            result = decoder.decode(in, out, true);
            if (!result.isOverflow()) {
                break;
            }
            out.clear();
        }
        if (!result.isError()) {
            out.clear();
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = off; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw notUtf8(origin, line, at - off);
        }
        return new String(bytes, off, bytes.length - off, StandardCharsets.UTF_8);
    }

    /** The error for a file that is not UTF-8 at {@code byteOffset} (after a byte-order mark), on {@code line}. */
    static ConvergeException notUtf8(String origin, int line, long byteOffset) {
        return ConvergeException.builder(ErrorCode.BAD_INPUT,
                        origin + ":" + line + ": the file is not valid UTF-8 (byte " + byteOffset + " of line "
                                + line + " is not part of a UTF-8 character). Save the file as UTF-8.")
                .file(origin).line(line).build();
    }

    /**
     * Refuses a text holding NUL characters: SQLite ends a statement at a NUL byte, so such a file cannot run as
     * written, and echoing its statements would put raw bytes on a terminal. The message says where, and nothing raw.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming {@code origin} and the first NUL's line
     */
    static void refuseNul(String text, String origin) {
        int at = text.indexOf('\0');
        if (at < 0) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        long count = text.chars().filter(ch -> ch == 0).count();
        throw nulError(origin, line, at - lineStart + 1, count);
    }

    /** The error for a file holding {@code count} NUL bytes, the first on {@code line} at {@code column}. */
    static ConvergeException nulError(String origin, int line, long column, long count) {
        return ConvergeException.builder(ErrorCode.BAD_INPUT, origin + ":" + line + ": the file holds NUL bytes at line "
                        + line + " (first at column " + column + ", " + count + " in all). SQLite ends a"
                        + " statement at a NUL byte, so the file cannot run as written; it may be binary, or saved as"
                        + " UTF-16. Remove the NUL bytes, or save the file as UTF-8 text.")
                .file(origin).line(line).build();
    }

    /**
     * Reads a whole file in one call.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming the file when it is missing or cannot be read
     */
    static byte[] read(Path file, String what) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a named pipe or a device would block the read forever, or never end
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the " + what + " " + file + " is not a regular file ("
                            + (Files.isDirectory(file) ? "a folder" : "a pipe, socket or device")
                            + "). Point at a file, or move it out of the migration folder.")
                    .file(file.toString()).build();
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT,
                    "the " + what + " " + file + " does not exist (or is a broken link). Check the path.")
                    .file(file.toString()).cause(e).build();
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT,
                    "cannot read the " + what + " " + file + ": " + e
                            + ". Check that the file exists and is readable by this process.")
                    .file(file.toString()).cause(e).build();
        }
    }
}
