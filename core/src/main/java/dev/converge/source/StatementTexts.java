package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementStream;

import java.io.IOException;
import java.io.Reader;

/**
 * The runnable statements of one migration, for who executes them (the replay, the runner, the rehearsal): a statement
 * that is a {@linkplain Statement#isSketch() sketch} is read again from its {@link LargeFile}, the file read forward
 * once per pass, so statements must be asked for in file order. Any other statement is its own text.
 *
 * <p>{@link #close()} reads the file to its end, which compares its checksum with the one loaded: call it (a
 * try-with-resources) before committing what the statements did, so a file changed during the run is refused and
 * rolled back.
 */
public final class StatementTexts implements AutoCloseable {
    private static final StatementTexts HELD = new StatementTexts(null);

    private final Migration migration;
    private Reader reader;
    private StatementStream stream;
    private int next;            // the index of the statement the stream reads next

    private StatementTexts(Migration migration) {
        this.migration = migration;
    }

    /**
     * The texts of {@code m}'s statements (null: a step of no migration, whose statements are their own texts);
     * nothing is read until a sketch is asked for.
     */
    public static StatementTexts of(Migration m) {
        return m == null || m.large() == null ? HELD : new StatementTexts(m);
    }

    /** {@code st} itself, or, for a sketch, the statement it stands for, read from the file. */
    public Statement of(Statement st) {
        if (!st.isSketch()) {
            return st;
        }
        if (stream == null || st.sketchOf() < next) {
            closeReader();
            reader = migration.large().open();
            stream = StatementStream.of(reader, migration.origin());
            next = 0;
        }
        Statement found = null;
        while (next <= st.sketchOf()) {
            found = stream.next();
            next++;
            if (found == null) {
                break;
            }
        }
        if (found == null || found.kind() != st.kind() || found.line() != st.line()) {
            throw ConvergeException.builder(ErrorCode.CHECKSUM_MISMATCH, migration.origin() + ":" + st.line()
                            + ": the migration file changed while Converge was running: statement " + (st.sketchOf() + 1)
                            + " is no longer the " + st.kind() + " it was when the migrations were loaded. Nothing it"
                            + " read since is committed; run again once the file stays put.")
                    .file(migration.origin()).line(st.line()).version(migration.version().value()).build();
        }
        return found;
    }

    /** Reads the rest of the file, if it was opened, so that its checksum is compared; then closes it. */
    @Override
    public void close() {
        if (reader == null) {
            return;
        }
        try {
            char[] skip = new char[1 << 16];
            while (reader.read(skip) >= 0) {
                // the checksum is compared at the end of the file
            }
        } catch (IOException e) {
            throw migration.large().unreadable(e);
        } finally {
            closeReader();
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // only read from: nothing to lose
            }
            reader = null;
            stream = null;
        }
    }
}
