package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

/**
 * The version of a migration: the number before the first {@code _} of its file name. Versions are
 * non-negative, compare numerically ({@code 10} after {@code 2}), and may have gaps. {@code 002} and {@code 2}
 * are the same version, which is why a set refuses both.
 *
 * @param value the number, at least 0
 */
public record Version(long value) implements Comparable<Version> {

    public Version {
        if (value < 0) {
            throw new ConvergeException(ErrorCode.BAD_INPUT,
                    "a migration version cannot be negative: " + value + "; versions are 0 or more");
        }
    }

    public static Version of(long value) {
        return new Version(value);
    }

    /**
     * The version written as decimal digits, leading zeros allowed ({@code "002"} is 2).
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} when {@code digits} is empty, holds anything but
     *                           ASCII digits, or does not fit in a {@code long}
     */
    public static Version parse(String digits) {
        long v = parseDigits(digits, 0, digits.length());
        if (v < 0) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "not a migration version: '" + digits
                    + "'; expected decimal digits such as 002, at most " + Long.MAX_VALUE);
        }
        return new Version(v);
    }

    /** The value of the ASCII digits in {@code s[from, to)}, or -1 when empty, not all digits, or too large. */
    static long parseDigits(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public int compareTo(Version other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
