package dev.converge.scenarios.catalogue;

import dev.converge.error.ErrorCode;
import dev.converge.history.How;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a scenario must end with: it converges (every guarantee of DESIGN.md §5 holds) with the given {@code how}
 * per version in history, or it is refused with an error code and leaves the database unchanged. Both may also
 * require words in the plan's notes (converges) or the refusal message (refuses). Immutable; the {@code with…}
 * methods return changed copies.
 *
 * @param refusal   null to converge, else the error code of the refusal
 * @param hows      for convergence, version → the {@code how} history must hold afterwards; versions not named are
 *                  not checked
 * @param mentions  words that must appear in the plan's notes or step reasons (converges) or the refusal message (refuses)
 */
public record Expected(ErrorCode refusal, Map<Long, How> hows, List<String> mentions) {

    public Expected {
        hows = Collections.unmodifiableMap(new TreeMap<>(hows));
        mentions = List.copyOf(mentions);
    }

    /** Converges; nothing said yet about how each migration is recorded. */
    public static Expected converges() {
        return new Expected(null, Map.of(), List.of());
    }

    /** Refused with this code, the database unchanged. */
    public static Expected refuses(ErrorCode code) {
        return new Expected(Objects.requireNonNull(code, "code"), Map.of(), List.of());
    }

    /** History holds {@code how} for each of these versions afterwards. */
    public Expected with(How how, long... versions) {
        if (refusal != null) {
            throw new IllegalStateException("a refusal records nothing: no how to expect");
        }
        Map<Long, How> m = new TreeMap<>(hows);
        for (long v : versions) {
            m.put(v, how);
        }
        return new Expected(refusal, m, mentions);
    }

    /** The plan's notes (or the refusal message) contain this text. */
    public Expected mentioning(String text) {
        List<String> m = new ArrayList<>(mentions);
        m.add(text);
        return new Expected(refusal, hows, m);
    }

    public boolean convergence() {
        return refusal == null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(refusal == null ? "converges" : "refuses with " + refusal);
        if (!hows.isEmpty()) {
            StringBuilder h = new StringBuilder();
            hows.forEach((v, how) -> h.append(h.length() == 0 ? "" : ", ").append(v).append(':').append(how.column()));
            sb.append(" (").append(h).append(')');
        }
        for (String m : mentions) {
            sb.append(", mentioning \"").append(m).append('"');
        }
        return sb.toString();
    }
}
