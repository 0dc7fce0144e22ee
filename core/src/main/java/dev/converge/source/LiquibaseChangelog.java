package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Liquibase formatted-SQL changelog file ({@code --liquibase formatted sql}): its changesets, each started by a
 * {@code --changeset author:id} line and running to the next. Each changeset is one migration, its text the
 * changeset's SQL as Liquibase reads it: its lines without Liquibase's own directives ({@code --comment},
 * {@code --validCheckSum}, {@code --rollback …}, a {@code /* liquibase rollback … *}{@code /} block,
 * {@code --preconditions}, {@code --precondition-…}, {@code --property}), every other line of the file left blank so
 * that line numbers are the file's. The same lines, after the {@code --changeset} line, are what Liquibase's
 * {@code MD5SUM} covers ({@link LiquibaseChecksum}). Attributes that Converge cannot honour are refused by name:
 * {@code runInTransaction:false}, {@code runAlways:true}, {@code runOnChange:true}, and {@code --ignoreLines}.
 */
final class LiquibaseChangelog {
    static final String HEADER = "--liquibase formatted sql";

    /**
     * One changeset.
     *
     * @param text the text Converge runs: the changeset's lines, every other line of the file blank
     * @param read the changeset as Liquibase reads it, what its checksum covers ({@link LiquibaseChecksum}): its
     *             {@code --changeset} line, then its SQL lines, each ended by {@code \n}
     */
    record Changeset(String author, String id, String text, int line, String read) {
    }

    private LiquibaseChangelog() {
    }

    /** True when {@code head}, the start of a file, is a formatted-SQL changelog's. */
    static boolean isChangelog(String head) {
        return head.stripLeading().toLowerCase(Locale.ROOT).startsWith(HEADER);
    }

    static List<Changeset> changesets(String text, String origin) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Changeset> out = new ArrayList<>();
        String author = null;
        String id = null;
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String marker = i < lines.length ? lines[i].strip() : null;
            boolean next = marker != null && marker.toLowerCase(Locale.ROOT).startsWith("--changeset");
            if (marker != null && directive(marker).startsWith("ignorelines:")) {
                throw bad(origin, i + 1, "`" + marker + "` asks Liquibase to skip lines, which Converge does not do (it"
                        + " would run them); remove the lines instead, or run this changelog with Liquibase");
            }
            if (marker == null || next) {
                if (id != null) {
                    boolean[] sql = sqlLines(lines, start + 1, i);
                    StringBuilder run = new StringBuilder();
                    StringBuilder read = new StringBuilder(lines[start]).append('\n');
                    for (int k = 0; k < lines.length; k++) {
                        if (sql[k]) {
                            run.append(lines[k]);
                            read.append(lines[k]).append('\n');
                        }
                        if (k < lines.length - 1) {
                            run.append('\n');
                        }
                    }
                    out.add(new Changeset(author, id, run.toString(), start + 1, read.toString()));
                }
                if (next) {
                    String[] words = marker.substring("--changeset".length()).strip().split("\\s+");
                    int colon = words[0].indexOf(':');
                    if (colon <= 0 || colon == words[0].length() - 1) {
                        throw bad(origin, i + 1, "`" + marker + "` does not name its changeset as author:id");
                    }
                    for (int w = 1; w < words.length; w++) {
                        String a = words[w].toLowerCase(Locale.ROOT);
                        if (a.equals("runintransaction:false") || a.equals("runalways:true") || a.equals("runonchange:true")) {
                            throw bad(origin, i + 1, "the changeset " + words[0] + " uses " + words[w] + ", which Converge"
                                    + " does not support (each migration runs once, in one transaction); remove it,"
                                    + " or run that changeset with Liquibase");
                        }
                    }
                    author = words[0].substring(0, colon);
                    id = words[0].substring(colon + 1);
                    start = i;
                }
            }
        }
        if (out.isEmpty()) {
            throw bad(origin, 1, "the changelog has no --changeset line");
        }
        return out;
    }

    /**
     * Which lines of {@code [from, to)} Liquibase keeps as a changeset's SQL: all but its directive lines and
     * multi-line rollback blocks (an ordinary {@code --} comment is SQL, and counts in the checksum).
     */
    private static boolean[] sqlLines(String[] lines, int from, int to) {
        boolean[] sql = new boolean[lines.length];
        for (int k = from; k < to; k++) {
            if (isRollbackBlockStart(lines[k])) {
                while (k + 1 < to && !lines[k].stripTrailing().endsWith("*/")) {
                    k++;
                }
            } else {
                sql[k] = !isDirective(lines[k]);
            }
        }
        return sql;
    }

    /** True for a line Liquibase reads as an instruction to itself rather than as SQL of the changeset. */
    private static boolean isDirective(String line) {
        String d = directive(line);
        boolean atStart = line.startsWith("--"); // Liquibase reads --comment and --validCheckSum only at a line's start
        return (atStart && (isWordThenSpace(d, "comment") || isWordThenSpace(d, "validchecksum")))
                || d.startsWith("rollback ")
                || d.startsWith("preconditions")
                || d.matches("precondition-[a-z0-9-]+( .*)?")
                || d.matches("property\\s.*");
    }

    /** {@code word}, an optional colon and a space: {@code comment: x} or {@code comment x}. */
    private static boolean isWordThenSpace(String d, String word) {
        return d.startsWith(word + " ") || d.startsWith(word + ": ");
    }

    /** What follows a line's leading {@code --} and the blanks after it, lower-cased; "" for a line that is not one. */
    private static String directive(String line) {
        String s = line.stripLeading();
        if (!s.startsWith("--")) {
            return "";
        }
        return s.substring(2).stripLeading().toLowerCase(Locale.ROOT);
    }

    /** {@code /* liquibase rollback} alone on its line: a rollback block running to the line ending {@code *}{@code /}. */
    private static boolean isRollbackBlockStart(String line) {
        String s = line.strip();
        if (!s.startsWith("/*")) {
            return false;
        }
        String rest = s.substring(2).strip().toLowerCase(Locale.ROOT);
        if (!rest.startsWith("liquibase")) {
            return false;
        }
        return rest.substring("liquibase".length()).strip().equals("rollback");
    }

    private static ConvergeException bad(String origin, int line, String what) {
        return ConvergeException.builder(ErrorCode.BAD_SQL, origin + ":" + line + ": " + what + ".")
                .file(origin).line(line).build();
    }
}
