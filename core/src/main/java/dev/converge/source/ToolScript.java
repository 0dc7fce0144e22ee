package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of another tool's migration file that runs: dbmate's and goose's up section (every other line left
 * blank, so that line numbers in errors are the file's), and Flyway's text with its placeholders filled in. What
 * the text runs is checksummed by {@link #checksummed}: the same, except that Flyway's {@code ${flyway:timestamp}}
 * stays unfilled, so that a file whose only change is the clock keeps its checksum.
 */
final class ToolScript {
    private static final String TIMESTAMP = "flyway:timestamp";

    private final String run;
    private final String checksummed;

    private ToolScript(String run, String checksummed) {
        this.run = run;
        this.checksummed = checksummed;
    }

    String run() {
        return run;
    }

    String checksummed() {
        return checksummed;
    }

    /**
     * The runnable part of {@code text}, a file named {@code fileName} in {@code layout}.
     *
     * @param placeholders Flyway placeholder values by name (names compared in any case)
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} naming the file and line for a missing section, an option
     *                           Converge cannot honour, or a placeholder with no value
     */
    static ToolScript of(Layout layout, String text, String fileName, String origin, Map<String, String> placeholders,
                         Clock clock) {
        switch (layout) {
            case FLYWAY:
                return flyway(text, fileName, origin, placeholders, clock);
            case DBMATE:
                return same(section(text, origin, "-- migrate:up", "-- migrate:down", "transaction:false",
                        "dbmate's transaction:false option (Converge runs every migration in one transaction that it"
                                + " commits itself); remove the option, or run that migration outside Converge"));
            case GOOSE:
                return same(section(text, origin, "-- +goose up", "-- +goose down", null, null));
            default:
                return same(text);
        }
    }

    private static ToolScript same(String text) {
        return new ToolScript(text, text);
    }

    /**
     * The lines after the {@code up} marker line and before the {@code down} marker line; every other line blank.
     * Markers are compared in any case. A {@code -- +goose NO TRANSACTION} line is refused like dbmate's option.
     */
    private static String section(String text, String origin, String up, String down, String refusedOption,
                                  String refusal) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean inUp = false;
        boolean sawUp = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String marker = line.strip().toLowerCase(Locale.ROOT);
            if (marker.startsWith("-- +goose no transaction")) {
                throw badSql(origin, i + 1, "`" + line.strip() + "` asks goose to run the migration outside a"
                        + " transaction, which Converge does not do (it runs every migration in one transaction that"
                        + " it commits itself); remove the line, or run that migration outside Converge");
            }
            if (marker.startsWith(up)) {
                if (refusedOption != null && marker.contains(refusedOption)) {
                    throw badSql(origin, i + 1, "`" + line.strip() + "` uses " + refusal);
                }
                inUp = true;
                sawUp = true;
            } else if (marker.startsWith(down)) {
                inUp = false;
            } else if (inUp) {
                out.append(line);
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (!sawUp) {
            throw badSql(origin, 1, "no `" + up + "` line: the file does not say which part migrates up. Add the"
                    + " line above the statements that migrate up.");
        }
        return out.toString();
    }

    private static ToolScript flyway(String text, String fileName, String origin, Map<String, String> placeholders,
                                     Clock clock) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.put("flyway:defaultSchema", "main");
        values.put("flyway:database", "main");
        values.put("flyway:user", "");
        values.put("flyway:table", "flyway_schema_history");
        values.put("flyway:filename", fileName);
        values.put(TIMESTAMP, LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        values.putAll(placeholders);
        if (text.indexOf("${") < 0) {
            return same(text);
        }
        StringBuilder run = new StringBuilder(text.length());
        StringBuilder sum = new StringBuilder(text.length());
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{' ? text.indexOf('}', i + 2) : -1;
            if (end < 0) {
                if (c == '\n') {
                    line++;
                }
                run.append(c);
                sum.append(c);
                i++;
                continue;
            }
            String name = text.substring(i + 2, end);
            String value = values.get(name);
            if (value == null) {
                throw badSql(origin, line, "no value for the Flyway placeholder ${" + name + "}. Give one with"
                        + " --placeholder " + name + "=VALUE (or placeholders(...) in the Java API)");
            }
            run.append(value);
            sum.append(name.equalsIgnoreCase(TIMESTAMP) ? "${" + name + "}" : value);
            i = end + 1;
        }
        return new ToolScript(run.toString(), sum.toString());
    }

    private static ConvergeException badSql(String origin, int line, String what) {
        return ConvergeException.builder(ErrorCode.BAD_SQL, origin + ":" + line + ": " + what + ".")
                .file(origin).line(line).build();
    }
}
