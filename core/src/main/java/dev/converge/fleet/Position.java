package dev.converge.fleet;

import dev.converge.error.ErrorCode;
import dev.converge.source.Version;

import java.nio.file.Path;

/**
 * Where one database of a fleet stands on the migrations' timeline, as {@code status} or {@code plan} sees it.
 *
 * @param path        the database file, as listed
 * @param inPlaceUpTo the highest version up to which every migration is in place (applied or present); null when the
 *                    first one is not
 * @param pending     how many steps {@code migrate} would run (0 when up to date)
 * @param code        why it cannot be planned or would be refused, or null
 * @param error       the message of that refusal or error, or null
 */
public record Position(Path path, Version inPlaceUpTo, int pending, ErrorCode code, String error) {

    /**
     * The group this database is counted in: {@code up to date}, {@code at 003, 4 steps to run},
     * {@code nothing in place, 7 steps to run}, or the refusal ({@code refused: CONFLICT}, {@code locked}).
     */
    public String group() {
        if (code != null) {
            return code == ErrorCode.LOCKED ? "locked" : (code.exitStatus() == 1 ? "refused: " : "failed: ") + code;
        }
        if (pending == 0) {
            return "up to date";
        }
        return (inPlaceUpTo == null ? "nothing in place" : "at " + inPlaceUpTo) + ", " + pending
                + (pending == 1 ? " step" : " steps") + " to run";
    }
}
