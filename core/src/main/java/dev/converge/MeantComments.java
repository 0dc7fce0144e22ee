package dev.converge;

import dev.converge.source.Migration;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which lines of a migration have, right above them, comment lines saying a loss is meant ("on purpose",
 * "intentional(ly)", "deliberate(ly)"), so that {@code lint} does not warn about it. One pass over the text (read again
 * from the file when it is too large to hold) keeps only the numbers of such lines.
 */
final class MeantComments {
    private MeantComments() {
    }

    /** Whether the comment lines right above (1-based) line {@code n} of {@code m} say the loss is meant. */
    static IntPredicate of(Migration m) {
        Lines lines = new Lines();
        try (Reader r = m.reader()) {
            char[] block = new char[1 << 13];
            for (int got = r.read(block); got >= 0; got = r.read(block)) {
                for (int i = 0; i < got; i++) {
                    lines.accept(block[i]);
                }
            }
            lines.accept('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + m.origin() + " again: " + e.getMessage(), e);
        }
        return lines.meant::contains;
    }

    /** The text character by character; lines end at LF, as the statements' line numbers count them. */
    private static final class Lines {
        final Set<Integer> meant = new HashSet<>();
        private final StringBuilder line = new StringBuilder();
        private boolean meantRun; // the comment lines right above the current line say so
        private int n = 1;

        void accept(char c) {
            if (c != '\n') {
                if (line.length() < 4096) {
                    line.append(c); // a line of a data statement can be megabytes: its start is enough
                }
                return;
            }
            if (meantRun) {
                meant.add(n);
            }
            String l = line.toString().strip().toLowerCase(Locale.ROOT);
            meantRun = l.startsWith("--") && (meantRun || says(l));
            line.setLength(0);
            n++;
        }
    }

    private static boolean says(String comment) {
        return comment.contains("on purpose") || comment.contains("intentional") || comment.contains("deliberate");
    }
}
