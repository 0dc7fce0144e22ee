package dev.converge.detect;

import dev.converge.source.Version;

import java.util.Map;

/**
 * One reading of the database where the rules leave more than one: for the migrations named, the statement point the
 * interruption is placed at (0: not interrupted). The engine tries the detector's first reading, and, when its plan
 * does not prove, the alternatives {@link Detector#alternatives} lists, keeping the first that proves.
 *
 * @param interruptions forced interruption points by version
 */
public record Reading(Map<Version, Integer> interruptions) {
    /** The rules' own reading. */
    public static final Reading FIRST = new Reading(Map.of());

    public Reading {
        interruptions = Map.copyOf(interruptions);
    }

    /** The forced point for {@code v}, or null when the rules decide. */
    Integer interruptionOf(Version v) {
        return interruptions.get(v);
    }

    @Override
    public String toString() {
        if (interruptions.isEmpty()) {
            return "the first reading";
        }
        StringBuilder sb = new StringBuilder();
        interruptions.forEach((v, j) -> sb.append(sb.length() == 0 ? "" : ", ").append("migration ").append(v)
                .append(j == 0 ? " not interrupted" : " interrupted after statement " + j));
        return sb.toString();
    }
}
