package dev.converge.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration the way people type it: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT30S}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else if (v.startsWith("p") || v.startsWith("-p")) {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        } else {
            throw invalid(value);
        }
        if (d.isNegative()) {
            throw new TypeConversionException("'" + value + "' is negative; a duration is zero or more");
        }
        // SQLite's busy timeout is an int of milliseconds; a longer one would overflow (or, in ISO form, not even fit
        // in a long of milliseconds)
        if (d.compareTo(LONGEST) > 0) {
            throw new TypeConversionException("'" + value + "' is too long: SQLite waits at most " + LONGEST.toMillis()
                    + "ms (about 24 days)");
        }
        return d;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration; write a whole number with a unit"
                + " (500ms, 30s, 2m, 1h) or ISO-8601 (PT30S)");
    }
}
