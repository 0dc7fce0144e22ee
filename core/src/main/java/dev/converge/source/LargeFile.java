package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A migration file too large to hold in memory ({@link #ABOVE_BYTES} and more): where to read it again, and its
 * checksums, computed while it was first read. Its statements are read from the file as they are needed: once, kept
 * as small facts ({@link #statements()}: data statements as {@linkplain Statement#isSketch() sketches}), and again,
 * statement by statement, whenever they run ({@link StatementTexts}).
 *
 * <p>The hazard: the file is read more than once, and could change in between. Every read checksums what it reads and
 * refuses a file whose checksum is not the one loaded ({@link ErrorCode#CHECKSUM_MISMATCH}); a run that reads the
 * statements it executes checks before it commits.
 */
public final class LargeFile {
    /** Files this large, or larger, are streamed; smaller ones are held whole, which is quicker to use. */
    public static final long ABOVE_BYTES = 2L << 20;

    private final Opener file;
    private final String origin;
    private final long size;
    private final String checksum;
    private final String crlfChecksum;
    private volatile List<Statement> statements;

    /** Opens the file's bytes from their start, each time anew: a path on disk, or an entry of a jar. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private LargeFile(Opener file, String origin, long size, String checksum, String crlfChecksum) {
        this.file = file;
        this.origin = origin;
        this.size = size;
        this.checksum = checksum;
        this.crlfChecksum = crlfChecksum;
    }

    /**
     * Reads {@code file} once without holding it: checks that it is UTF-8 and holds no NUL byte (the errors name the
     * line, as for a file held whole) and computes its checksums.
     */
    static LargeFile read(Path file, String origin) {
        return read(() -> Files.newInputStream(file), origin);
    }

    /** As {@link #read(Path, String)}, for the bytes {@code file} opens (an entry of a jar, say). */
    static LargeFile read(Opener file, String origin) {
        try (InputStream in = file.open()) {
            Scan scan = new Scan(origin);
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                scan.update(buf, n);
            }
            scan.finish();
            return new LargeFile(file, origin, scan.size(), scan.lf(), scan.crlf());
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot read the migration file " + origin + ": " + e
                            + ". Check that the file exists and is readable by this process.")
                    .file(origin).cause(e).build();
        }
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /** {@link Checksum#of} of the file's text. */
    String checksum() {
        return checksum;
    }

    /** Whether {@code recorded} is the checksum of this file, as {@link Checksum#recordedFor} decides for a held text. */
    boolean recordedFor(String recorded) {
        return recorded.equalsIgnoreCase(checksum) || recorded.equalsIgnoreCase(crlfChecksum);
    }

    /**
     * All statements of the file, in order, data statements as sketches; read once, then kept (a few dozen bytes a
     * statement).
     */
    List<Statement> statements() {
        List<Statement> all = statements;
        if (all == null) {
            List<Statement> read = new ArrayList<>();
            try (Reader r = open()) {
                StatementStream stream = StatementStream.sketches(r, origin);
                for (Statement st = stream.next(); st != null; st = stream.next()) {
                    read.add(st);
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
            all = Collections.unmodifiableList(read);
            statements = all;
        }
        return all;
    }

    /**
     * The file's text from its start, without a byte-order mark, strictly as UTF-8. When the text has been read to its
     * end, its checksum is compared with the one loaded: a file changed since is {@link ErrorCode#CHECKSUM_MISMATCH}.
     */
    Reader open() {
        try {
            InputStream raw = file.open();
            byte[] head = raw.readNBytes(3);
            int bom = SourceText.bomLength(head);
            InputStream rest = new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(head, bom, head.length - bom), raw);
            return new InputStreamReader(new Checked(rest), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    ConvergeException unreadable(IOException e) {
        String why = e instanceof CharacterCodingException ? "it is no longer UTF-8" : e.toString();
        return ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot read the migration file " + origin + " again: "
                        + why + ". It was read when the migrations were loaded; check that nothing changes it during a run.")
                .file(origin).cause(e).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LargeFile f && f.origin.equals(origin) && f.size == size && f.checksum.equals(checksum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, checksum);
    }

    @Override
    public String toString() {
        return origin + " (" + size + " bytes, streamed)";
    }

    /** The bytes after the byte-order mark, checksummed as they pass; compared with the loaded checksum at the end. */
    private final class Checked extends FilterInputStream {
        private final Digests digests = new Digests();
        private boolean compared;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digests.update(b, off, n);
            } else if (n < 0 && !compared) {
                compared = true;
                String now = digests.lf();
                if (!now.equals(checksum)) {
                    throw ConvergeException.builder(ErrorCode.CHECKSUM_MISMATCH, "the migration file " + origin
                                    + " changed while Converge was running: its checksum was " + checksum
                                    + " when the migrations were loaded and is " + now + " now. Nothing it read"
                                    + " since is committed; run again once the file stays put.")
                            .file(origin).build();
                }
            }
            return n;
        }
    }

    /**
     * One pass over the file's bytes: UTF-8 validity, NUL bytes and line numbers for the errors, and both checksums.
     */
    private static final class Scan {
        private final String origin;
        private final Digests digests = new Digests();
        private final java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        private java.nio.ByteBuffer carry = java.nio.ByteBuffer.allocate(0);
        private long offset;       // bytes after the byte-order mark seen so far
        private int line = 1;
        private long lineStart;    // offset of the current line's first byte
        private long firstNulLine;
        private long firstNulColumn;
        private long nuls;
        private boolean started;
        private final byte[] head = new byte[3];
        private int headLength;

        Scan(String origin) {
            this.origin = origin;
        }

        void update(byte[] buf, int n) {
            int off = 0;
            if (!started) {
                // hold the first three bytes back until it is known whether they are a byte-order mark
                while (headLength < 3 && off < n) {
                    head[headLength++] = buf[off++];
                }
                if (headLength < 3) {
                    return;
                }
                started = true;
                int bom = SourceText.bomLength(head);
                bytes(head, bom, 3 - bom, false);
            }
            bytes(buf, off, n - off, false);
        }

        void finish() {
            if (!started) {
                int bom = headLength == 3 ? SourceText.bomLength(head) : 0;
                bytes(head, bom, headLength - bom, true);
            } else {
                bytes(new byte[0], 0, 0, true);
            }
            if (nuls > 0) {
                throw SourceText.nulError(origin, (int) firstNulLine, firstNulColumn, nuls);
            }
        }

        private void bytes(byte[] b, int off, int len, boolean last) {
            digests.update(b, off, len);
            java.nio.ByteBuffer in;
            if (carry.hasRemaining()) {
                in = java.nio.ByteBuffer.allocate(carry.remaining() + len);
                in.put(carry).put(b, off, len).flip();
            } else {
                in = java.nio.ByteBuffer.wrap(b, off, len);
            }
            long inStart = offset - (in.remaining() - len) - in.position(); // file offset of the buffer's index 0
            java.nio.charset.CoderResult r;
            do {
                chars.clear();
                r = decoder.decode(in, chars, last);
                if (r.isError()) {
                    long at = inStart + in.position();
                    countLines(b, off, len, at);
                    throw SourceText.notUtf8(origin, line, at);
                }
            } while (r.isOverflow());
            if (last) {
                chars.clear();
                decoder.flush(chars);
            }
            carry = in.hasRemaining() ? java.nio.ByteBuffer.allocate(in.remaining()).put(in).flip() : carry.clear().limit(0);
            countLines(b, off, len, Long.MAX_VALUE);
        }

        /** Counts lines and NUL bytes of {@code b[off, off + len)}, which begin at {@link #offset}, up to {@code stop}. */
        private void countLines(byte[] b, int off, int len, long stop) {
            for (int i = 0; i < len && offset < stop; i++, offset++) {
                byte c = b[off + i];
                if (c == '\n') {
                    line++;
                    lineStart = offset + 1;
                } else if (c == 0) {
                    if (nuls++ == 0) {
                        firstNulLine = line;
                        firstNulColumn = offset - lineStart + 1;
                    }
                }
            }
        }

        String lf() {
            return digests.lf();
        }

        String crlf() {
            return digests.crlf();
        }

        /** The bytes read, the byte-order mark included. */
        long size() {
            return offset + (SourceText.bomLength(head) == 3 && headLength == 3 ? 3 : 0);
        }
    }

    /**
     * The two checksums of a text fed as UTF-8 bytes: {@link Checksum#of} (line endings as LF) and the one with every
     * line ending a CRLF, as {@link Checksum#recordedFor} also accepts. CR and LF are single bytes in UTF-8, never part
     * of a longer sequence, so line endings are normalized on the bytes, across the ends of blocks.
     */
    private static final class Digests {
        private static final byte[] CRLF = {'\r', '\n'};
        private final MessageDigest lf = Checksum.sha256();
        private final MessageDigest crlf = Checksum.sha256();
        private boolean afterCr;

        void update(byte[] b, int off, int len) {
            int end = off + len;
            int start = off;
            for (int i = off; i < end; i++) {
                byte c = b[i];
                if (c == '\r' || c == '\n') {
                    lf.update(b, start, i - start);
                    crlf.update(b, start, i - start);
                    if (!(c == '\n' && afterCr)) {
                        lf.update((byte) '\n');
                        crlf.update(CRLF);
                    }
                    afterCr = c == '\r';
                    start = i + 1;
                } else {
                    afterCr = false;
                }
            }
            lf.update(b, start, end - start);
            crlf.update(b, start, end - start);
            if (start < end) {
                afterCr = false;
            }
        }

        String lf() {
            return Checksum.hex(lf.digest());
        }

        String crlf() {
            return Checksum.hex(crlf.digest());
        }
    }
}
