package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a text read from a {@link Reader}, one at a time, split as {@link SqlSplitter#split} splits the
 * whole text (the same statements, lines and errors). Only the text not split yet is held: a few tens of kilobytes,
 * or the statement being read when it is longer. So a migration of any size is split in memory bounded by its largest
 * statement.
 *
 * <p>The text is read in blocks and split up to its last line end, so a comment that ends a line is never cut in two; a
 * statement without its {@code ;} yet, or a quote or comment that runs past the block, waits for the next block (twice
 * as much text each time, so a long statement is split once per doubling, not once per block).
 */
public final class StatementStream {
    private static final int BLOCK = 1 << 16;

    private final Reader in;
    private final String origin;
    private final java.util.Map<String, String> shared; // null: no sketches
    private final StringBuilder unsplit = new StringBuilder();
    private final ArrayDeque<Statement> ready = new ArrayDeque<>();
    private final char[] block;
    private int line = 1;
    private int index;
    private boolean end;

    private StatementStream(Reader in, String origin, boolean sketch, int blockChars) {
        this.in = in;
        this.origin = origin;
        this.shared = sketch ? new java.util.HashMap<>() : null;
        this.block = new char[blockChars];
    }

    /** For tests: blocks of {@code blockChars} characters, so that the ends of blocks fall everywhere. */
    static StatementStream of(Reader in, String origin, boolean sketch, int blockChars) {
        return new StatementStream(in, origin, sketch, blockChars);
    }

    /** The statements of {@code in}, each with its own text. {@code origin} names the file in error messages. */
    public static StatementStream of(Reader in, String origin) {
        return new StatementStream(in, origin, false, BLOCK);
    }

    /**
     * The statements of {@code in}, each data statement with a {@linkplain Statement#isSketch() sketch} for its text
     * (its index among all statements, so its text can be found again): what a migration too large to hold keeps.
     */
    public static StatementStream sketches(Reader in, String origin) {
        return new StatementStream(in, origin, true, BLOCK);
    }

    /**
     * The next statement, or null after the last one.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} as {@link SqlSplitter#split} does
     * @throws UncheckedIOException when the reader fails
     */
    public Statement next() {
        while (ready.isEmpty()) {
            if (end && unsplit.length() == 0) {
                return null;
            }
            read();
        }
        return ready.poll();
    }

    /** Reads a block (or as much as is held, when a statement is longer) and splits what it can. */
    private void read() {
        int want = Math.max(block.length, unsplit.length());
        int got = 0;
        try {
            while (got < want) {
                int n = in.read(block, 0, Math.min(block.length, want - got));
                if (n < 0) {
                    end = true;
                    break;
                }
                unsplit.append(block, 0, n);
                got += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        List<Statement> found = new ArrayList<>();
        if (end) {
            SqlSplitter.splitPart(unsplit.toString(), line, origin, true, index, shared, found);
            unsplit.setLength(0);
            ready.addAll(found);
            return;
        }
        int lastLineEnd = unsplit.lastIndexOf("\n");
        if (lastLineEnd < 0) {
            return; // no whole line yet
        }
        SqlSplitter.Cut cut;
        try {
            cut = SqlSplitter.splitPart(unsplit.substring(0, lastLineEnd + 1), line, origin, false, index, shared,
                    found);
        } catch (ConvergeException e) {
            if (e.code() != ErrorCode.BAD_SQL) {
                throw e;
            }
            return; // a quote or comment runs past this block: read on (the error stands if the text ends first)
        }
        unsplit.delete(0, cut.offset());
        line = cut.line();
        index += found.size();
        ready.addAll(found);
    }
}
