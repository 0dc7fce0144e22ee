package dev.converge.detect;

import dev.converge.error.ErrorCode;

/**
 * A reason the plan cannot be carried out: a refusal found while planning, which changes nothing.
 *
 * @param code    the error code it is reported under
 * @param version the migration's version, or -1
 * @param file    the migration file, or null
 * @param object  the object concerned, or null
 * @param message what is wrong, expected against actual, and what to do
 */
public record Problem(ErrorCode code, long version, String file, String object, String message) {
}
