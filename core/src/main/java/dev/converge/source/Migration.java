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
 */
public record Migration(Version version, String name, String description, String text, String checksum,
                        String origin) {

    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A migration from its file name and text: parses the name, drops a leading byte-order mark, and computes the
     * checksum.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} naming the file when the name is not
     *                           {@code NNN_name.sql}
     */
    public static Migration of(String fileName, String text, String origin) {
        MigrationFileName parsed = MigrationFileName.parse(fileName, origin);
        String body = SourceText.withoutBom(text);
        return new Migration(parsed.version(), fileName, parsed.description(), body, Checksum.of(body), origin);
    }

    /** Whether {@code recorded}, a checksum read from history, stands for this file ({@link Checksum#recordedFor}). */
    public boolean hasChecksum(String recorded) {
        return Checksum.recordedFor(recorded, text, checksum);
    }

    /**
     * The statements of the migration, split anew on every call.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} naming the file and line when the text does not split
     *                           into complete statements
     */
    public List<Statement> statements() {
        List<Statement> all = SqlSplitter.split(text, origin);
        return wrapsItself(all) ? all.subList(1, all.size() - 1) : all;
    }

    /**
     * True when the file's first statement is {@code BEGIN} and its last {@code COMMIT} or {@code END}: a file written for
     * a runner that did not open a transaction. The pair asks for what Converge does anyway (the file as one
     * transaction), so {@link #statements()} leaves it out; transaction control anywhere else is still refused.
     */
    public boolean wrapsItselfInATransaction() {
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

    /** The file name: the text is too long for a log line. */
    @Override
    public String toString() {
        return name;
    }
}
