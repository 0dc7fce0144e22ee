package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Liquibase formatted-SQL changelog file ({@code --liquibase formatted sql}): its changesets, each started by a
 * {@code --changeset author:id} line and running to the next. Each changeset is one migration, its text the
 * changeset's lines (every other line left blank, so that line numbers are the file's). Attributes that Converge
 * cannot honour are refused by name: {@code runInTransaction:false}, {@code runAlways:true}, {@code runOnChange:true}.
 */
final class LiquibaseChangelog {
    static final String HEADER = "--liquibase formatted sql";

    /** One changeset. */
    record Changeset(String author, String id, String text, int line) {
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
            if (marker == null || next) {
                if (id != null) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < lines.length; k++) {
                        if (k > start && k < i && !lines[k].strip().toLowerCase(Locale.ROOT).startsWith("--rollback")) {
                            sb.append(lines[k]);
                        }
                        if (k < lines.length - 1) {
                            sb.append('\n');
                        }
                    }
                    out.add(new Changeset(author, id, sb.toString(), start + 1));
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

    private static ConvergeException bad(String origin, int line, String what) {
        return ConvergeException.builder(ErrorCode.BAD_SQL, origin + ":" + line + ": " + what + ".")
                .file(origin).line(line).build();
    }
}
