package dev.converge.error;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one exception Converge throws. It carries an {@link ErrorCode} (which fixes the CLI's exit status) and the
 * structured context a person needs to act: the file, line, migration version and database object involved.
 * The message itself says what failed, where, expected against actual, and what to do next.
 */
public final class ConvergeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String file;
    private final int line;
    private final long version;
    private final String object;

    private ConvergeException(Builder b) {
        super(b.message, b.cause);
        this.code = b.code;
        this.file = b.file;
        this.line = b.line;
        this.version = b.version;
        this.object = b.object;
    }

    public ConvergeException(ErrorCode code, String message) {
        this(new Builder(code, message));
    }

    public ConvergeException(ErrorCode code, String message, Throwable cause) {
        this(new Builder(code, message).cause(cause));
    }

    public static Builder builder(ErrorCode code, String message) {
        return new Builder(code, message);
    }

    public ErrorCode code() {
        return code;
    }

    public int exitStatus() {
        return code.exitStatus();
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public OptionalLong version() {
        return version >= 0 ? OptionalLong.of(version) : OptionalLong.empty();
    }

    public Optional<String> object() {
        return Optional.ofNullable(object);
    }

    /** Builds an exception with the context fields that apply. */
    public static final class Builder {
        private final ErrorCode code;
        private final String message;
        private Throwable cause;
        private String file;
        private int line;
        private long version = -1;
        private String object;

        private Builder(ErrorCode code, String message) {
            this.code = code;
            this.message = message;
        }

        public Builder cause(Throwable t) {
            this.cause = t;
            return this;
        }

        public Builder file(String f) {
            this.file = f;
            return this;
        }

        public Builder line(int l) {
            this.line = l;
            return this;
        }

        public Builder version(long v) {
            this.version = v;
            return this;
        }

        public Builder object(String o) {
            this.object = o;
            return this;
        }

        public ConvergeException build() {
            return new ConvergeException(this);
        }
    }
}
