package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.Arrays;

/**
 * The version of a migration: a comparable key and the text its tool writes it with. A Converge version is one
 * number ({@code 002_x.sql} is 2); another tool's may be a timestamp ({@code 20240105123456}), or a dotted version
 * ({@code 1.1}, {@code 2024.01.05.1}) that orders numerically part by part, as Flyway orders it ({@code 1.10} after
 * {@code 1.9}; a missing part counts as 0, so {@code 1} and {@code 1.0} are one version). Versions are non-negative
 * and may have gaps. Equality and order are by the key; the text is what plan, status and history show.
 */
public final class Version implements Comparable<Version> {
    private final long[] parts;
    private final String text;

    private Version(long[] parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /** A one-number version shown as that number. */
    public static Version of(long value) {
        return of(value, Long.toString(value));
    }

    /** A one-number version shown as {@code text}, e.g. a timestamp written with its tool's own separators. */
    public static Version of(long value, String text) {
        if (value < 0) {
            throw new ConvergeException(ErrorCode.BAD_INPUT,
                    "a migration version cannot be negative: " + value + "; versions are 0 or more");
        }
        return new Version(new long[] {value}, text);
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
        return of(v);
    }

    /**
     * A version of digit groups separated by {@code .} (or {@code _}, which Flyway reads as a dot), shown with dots:
     * {@code 1_1} is {@code 1.1}. One group is a one-number version whose text keeps its leading zeros.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} when a group is empty, not digits, or too large
     */
    public static Version dotted(String text) {
        String shown = text.replace('_', '.');
        String[] groups = shown.split("\\.", -1);
        long[] parts = new long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            parts[i] = parseDigits(groups[i], 0, groups[i].length());
            if (parts[i] < 0) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "not a migration version: '" + text
                        + "'; expected groups of decimal digits separated by dots, such as 1.1 or 2024.01.05.1");
            }
        }
        int n = parts.length;
        while (n > 1 && parts[n - 1] == 0) {
            n--;
        }
        return new Version(n == parts.length ? parts : Arrays.copyOf(parts, n), shown);
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

    /** True when the version is one number (every Converge version; timestamps; not {@code 1.1}). */
    public boolean isNumber() {
        return parts.length == 1;
    }

    /**
     * The number, for a one-number version; -1 for a dotted one, which has no single number (an error or report then
     * carries no version number, and names the version by its text instead).
     */
    public long value() {
        return parts.length == 1 ? parts[0] : -1;
    }

    /** The version as its tool writes it: {@code 2}, {@code 20240105123456}, {@code 1.1}. */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            long a = i < parts.length ? parts[i] : 0;
            long b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version other && Arrays.equals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return text;
    }
}
