package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drizzle's {@code meta/_journal.json}: the order of its migrations. Only what Converge needs is read, by hand: each
 * object of the {@code entries} array gives its {@code idx} and {@code tag} (the file name without {@code .sql}).
 */
final class DrizzleJournal {
    private static final Pattern IDX = Pattern.compile("\"idx\"\\s*:\\s*(\\d+)");
    private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    /** One journal entry. */
    record Entry(long idx, String tag) {
    }

    private DrizzleJournal() {
    }

    /**
     * The entries of {@code json}, ordered by {@code idx}.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming {@code origin} when there is no entries array or an
     *                           entry lacks its idx or tag
     */
    static List<Entry> entries(String json, String origin) {
        int key = json.indexOf("\"entries\"");
        int open = key < 0 ? -1 : json.indexOf('[', key);
        if (open < 0) {
            throw bad(origin, "it has no \"entries\" array");
        }
        List<Entry> out = new ArrayList<>();
        int i = open + 1;
        while (true) {
            int start = json.indexOf('{', i);
            int close = json.indexOf(']', i);
            if (start < 0 || (close >= 0 && close < start)) {
                break;
            }
            int end = json.indexOf('}', start);
            if (end < 0) {
                throw bad(origin, "an entry is not closed");
            }
            String object = json.substring(start, end + 1);
            Matcher idx = IDX.matcher(object);
            Matcher tag = TAG.matcher(object);
            if (!idx.find() || !tag.find()) {
                throw bad(origin, "the entry " + object.replaceAll("\\s+", " ") + " has no idx or tag");
            }
            out.add(new Entry(Long.parseLong(idx.group(1)), tag.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
            i = end + 1;
        }
        out.sort(Comparator.comparingLong(Entry::idx));
        return out;
    }

    private static ConvergeException bad(String origin, String why) {
        return ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot read drizzle's journal " + origin + ": " + why
                + ". Regenerate it with drizzle-kit, or name another layout with --layout.").file(origin).build();
    }
}
