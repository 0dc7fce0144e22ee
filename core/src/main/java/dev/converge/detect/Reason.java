package dev.converge.detect;

import dev.converge.schema.ObjectId;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a migration has its state: which of the objects it touches already hold its effect, which are missing, which
 * stand mid-migration, and which conflict (expected against actual), plus a sentence for people.
 */
public record Reason(String summary, List<ObjectId> holding, List<ObjectId> missing, List<ObjectId> intermediate,
                     List<ObjectConflict> conflicts) {

    public Reason {
        holding = List.copyOf(holding);
        missing = List.copyOf(missing);
        intermediate = List.copyOf(intermediate);
        conflicts = List.copyOf(conflicts);
    }

    public static Reason of(String summary) {
        return new Reason(summary, List.of(), List.of(), List.of(), List.of());
    }

    /** The reason as readable lines: the summary, then one line per kind of object. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary);
        if (!holding.isEmpty()) {
            out.add("holds: " + names(holding));
        }
        if (!missing.isEmpty()) {
            out.add("missing: " + names(missing));
        }
        if (!intermediate.isEmpty()) {
            out.add("mid-migration: " + names(intermediate));
        }
        for (ObjectConflict c : conflicts) {
            out.add("conflict: " + c.describe());
        }
        return out;
    }

    private static String names(List<ObjectId> ids) {
        StringBuilder sb = new StringBuilder();
        for (ObjectId id : ids) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(id);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.join("; ", lines());
    }
}
