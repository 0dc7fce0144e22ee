package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A baseline: the application's full-schema script, which Converge may run on an empty database instead of
 * replaying every migration, and which {@code lint} compares with the schema the migrations end at.
 *
 * @param name   the file name
 * @param text   the file's text, without a byte-order mark
 * @param origin where it came from (a path), for messages
 */
public record Script(String name, String text, String origin) {

    public Script {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Reads a baseline script: one read, strict UTF-8, a leading byte-order mark dropped.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming the file when it is missing, unreadable, not
     *                           UTF-8, or holds NUL bytes
     */
    public static Script read(Path file) {
        String origin = file.toString();
        byte[] bytes = SourceText.read(file, "baseline script");
        String text = SourceText.decode(bytes, SourceText.bomLength(bytes), origin);
        SourceText.refuseNul(text, origin);
        Path fileName = file.getFileName();
        return new Script(fileName == null ? origin : fileName.toString(), text, origin);
    }

    /**
     * The statements of the script, split anew on every call.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} naming the file and line when it does not split
     */
    public List<Statement> statements() {
        return SqlSplitter.split(text, origin);
    }

    @Override
    public String toString() {
        return name;
    }
}
