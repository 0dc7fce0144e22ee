package dev.converge.fleet;

import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.nio.file.Path;

/**
 * The result of one database in a fleet run.
 *
 * @param path       the database file, as listed
 * @param outcome    what happened
 * @param steps      how many steps changed the database (0 unless {@link Outcome#CONVERGED}, or part-way)
 * @param exitStatus what {@code converge migrate} on this database alone would have exited with
 * @param code       the error code, or null when it converged
 * @param error      the error's message, or null when it converged
 * @param millis     wall time spent on this database
 */
public record DatabaseOutcome(Path path, Outcome outcome, int steps, int exitStatus, ErrorCode code, String error,
                              long millis) {

    static DatabaseOutcome of(Path path, RunResult r) {
        return new DatabaseOutcome(path, r.done().isEmpty() ? Outcome.UP_TO_DATE : Outcome.CONVERGED, r.done().size(),
                0, null, null, r.millis());
    }

    static DatabaseOutcome of(Path path, ConvergeException e, long millis) {
        Outcome o = switch (e.code()) {
            case LOCKED -> Outcome.LOCKED;
            case STOPPED_PART_WAY -> Outcome.STOPPED_PART_WAY;
            default -> e.exitStatus() == 1 ? Outcome.REFUSED : Outcome.FAILED;
        };
        return new DatabaseOutcome(path, o, 0, e.exitStatus(), e.code(), messageNaming(path, e.getMessage()), millis);
    }

    static DatabaseOutcome internal(Path path, RuntimeException e, long millis) {
        return new DatabaseOutcome(path, Outcome.FAILED, 0, ErrorCode.INTERNAL.exitStatus(), ErrorCode.INTERNAL,
                path + ": internal error: " + e + ". This is a bug in Converge; please report it.", millis);
    }

    static DatabaseOutcome skipped(Path path) {
        return new DatabaseOutcome(path, Outcome.SKIPPED, 0, 0, null, null, 0);
    }

    /** A message that does not say which file ("database is locked") gets the path in front: a fleet has many. */
    private static String messageNaming(Path path, String message) {
        return message.contains(path.toString()) ? message : path + ": " + message;
    }
}
