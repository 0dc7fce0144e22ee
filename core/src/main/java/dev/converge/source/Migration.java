package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.List;
import java.util.Objects;

/**
 * One migration file: its version, name, text and checksum. Loading a migration only reads and checksums it;
 * the SQL is split when it is needed ({@link #statements()}), because an up-to-date database never needs it.
 *
 * @param version     the number before the first {@code _} of the file name
 * @param name        the file name, e.g. {@code 002_secure_tokens.sql}
 * @param description the part of the name after the first {@code _}, without {@code .sql}: {@code secure_tokens}
 * @param text        the file's text, without a byte-order mark, line endings as in the file
 * @param checksum    {@link Checksum#of(String)} of the text
 * @param origin      where the file came from (a path or URL), for messages
 * @param fileText    the file's text as on disk, without a byte-order mark: the same as {@code text} for a Converge
 *                    file; for another tool's file, the whole file before its layout took out the part that runs
 *                    (a down section, placeholders), which is what that tool's own checksum covers
 * @param large       for a file too large to hold ({@link LargeFile#ABOVE_BYTES} and more), where it is read from as
 *                    needed, and then {@code text} and {@code fileText} are empty; null for a file held whole
 */
public record Migration(Version version, String name, String description, String text, String checksum,
                        String origin, String fileText, LargeFile large) {

    /** A Converge migration: the file's text is the text that runs. */
    public Migration(Version version, String name, String description, String text, String checksum, String origin) {
        this(version, name, description, text, checksum, origin, text);
    }

    /** A migration held whole. */
    public Migration(Version version, String name, String description, String text, String checksum, String origin,
                     String fileText) {
        this(version, name, description, text, checksum, origin, fileText, null);
    }

    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(fileText, "fileText");
    }

    /**
     * A migration from its file name and text: parses the name, drops a leading byte-order mark, and computes the
     * checksum.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} naming the file when the name is not
     *                           {@code NNN_name.sql}; {@link ErrorCode#BAD_INPUT} naming the line when the text
     *                           holds NUL bytes
     */
    public static Migration of(String fileName, String text, String origin) {
        MigrationFileName parsed = MigrationFileName.parse(fileName, origin);
        String body = SourceText.withoutBom(text);
        SourceText.refuseNul(body, origin);
        return new Migration(parsed.version(), fileName, parsed.description(), body, Checksum.of(body), origin);
    }

    /**
     * Whether {@code recorded}, a checksum read from history, stands for this file: Converge's own
     * ({@link Checksum#recordedFor}), or another tool's as adopted from its history ({@link ToolChecksum}).
     */
    public boolean hasChecksum(String recorded) {
        if (large != null) {
            return large.recordedFor(recorded);
        }
        if (ToolChecksum.isToolsChecksum(recorded)) {
            return ToolChecksum.matches(recorded, fileText);
        }
        return Checksum.recordedFor(recorded, text, checksum);
    }

    /**
     * This file's checksum of the same kind as {@code recorded}, to show beside it: another tool's when
     * {@code recorded} is that tool's ({@code crc32:…}, {@code liquibase:9:…}), else Converge's own (always for a
     * {@linkplain #large() large} file, whose text is not held).
     */
    public String checksumLike(String recorded) {
        return large == null && ToolChecksum.isToolsChecksum(recorded) ? ToolChecksum.sameKind(recorded, fileText)
                : checksum;
    }

    /**
     * The statements of the migration, split on the first call and kept while the migration is (a migration is a
     * value, asked for its statements by every pass: the checks before a run, the reference, the detector); for a
     * {@linkplain #large() large} file, read once and kept, data statements as {@linkplain Statement#isSketch()
     * sketches}: run them through {@link #texts()}. The list cannot be modified.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} naming the file and line when the text does not split
     *                           into complete statements
     */
    public List<Statement> statements() {
        if (large != null) {
            List<Statement> all = large.statements();
            return wrapsItself(all) ? all.subList(1, all.size() - 1) : all;
        }
        List<Statement> kept = SPLIT.get(this);
        if (kept == null) {
            List<Statement> all = SqlSplitter.split(text, origin);
            kept = List.copyOf(wrapsItself(all) ? all.subList(1, all.size() - 1) : all);
            SPLIT.put(this, kept);
        }
        return kept;
    }

    /**
     * The statements of the held migrations split so far, by migration (equal migrations split alike); an entry goes
     * with its migration.
     */
    private static final java.util.Map<Migration, List<Statement>> SPLIT =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * True when the file's first statement is {@code BEGIN} and its last {@code COMMIT} or {@code END}: a file written for
     * a runner that did not open a transaction. The pair asks for what Converge does anyway (the file as one
     * transaction), so {@link #statements()} leaves it out; transaction control anywhere else is still refused.
     */
    public boolean wrapsItselfInATransaction() {
        if (large != null) {
            return wrapsItself(large.statements());
        }
        // only a file whose first statement is BEGIN can: find that statement without splitting a big file whole
        int from = 0;
        for (int tries = 0; tries < 16; tries++) {
            int semi = text.indexOf(';', from);
            if (semi < 0) {
                break;
            }
            List<Statement> head;
            try {
                head = SqlSplitter.split(text.substring(0, semi + 1), origin);
            } catch (ConvergeException e) {
                head = List.of(); // the prefix ends inside a literal or a trigger: look further
            }
            if (!head.isEmpty()) {
                return head.get(0).kind() == StatementKind.BEGIN && wrapsItself(SqlSplitter.split(text, origin));
            }
            from = semi + 1;
        }
        return wrapsItself(SqlSplitter.split(text, origin));
    }

    private static boolean wrapsItself(List<Statement> all) {
        if (all.size() < 2) {
            return false;
        }
        StatementKind first = all.get(0).kind();
        StatementKind last = all.get(all.size() - 1).kind();
        return first == StatementKind.BEGIN && (last == StatementKind.COMMIT || last == StatementKind.END);
    }

    /**
     * Refuses a migration holding a statement that would break the one-transaction-per-migration guarantee:
     * transaction control, {@code VACUUM}, {@code ATTACH}, {@code DETACH}, {@code PRAGMA journal_mode}.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} naming the file, line and statement of the first one
     */
    public void checkAtomicity() {
        for (Statement s : statements()) {
            if (s.breaksAtomicity()) {
                throw ConvergeException.builder(ErrorCode.BAD_SQL,
                                origin + ":" + s.line() + ": `" + s.firstLine() + "` would break the"
                                        + " one-transaction-per-migration guarantee: Converge runs each migration"
                                        + " in a single transaction that it begins and commits itself, so that a"
                                        + " failure leaves the database as it was. Remove this statement from "
                                        + name + " (transaction control, VACUUM, ATTACH, DETACH and"
                                        + " PRAGMA journal_mode belong outside migrations).")
                        .file(origin).line(s.line()).version(version.value()).build();
            }
        }
    }

    /**
     * The runnable texts of this migration's statements, for who executes them: each sketch is read again from the
     * file. Close it (try-with-resources) before committing: that is when a file changed during the run is refused.
     */
    public StatementTexts texts() {
        return StatementTexts.of(this);
    }

    /**
     * The text that runs, from its start: {@link #text()}, or for a {@linkplain #large() large} file, the file read
     * again (its checksum compared when read to the end).
     */
    public java.io.Reader reader() {
        return large != null ? large.open() : new java.io.StringReader(text);
    }

    /** The file name: the text is too long for a log line. */
    @Override
    public String toString() {
        return name;
    }
}
