package dev.converge.scenarios.state;

import java.util.Objects;

/**
 * One database state of DESIGN.md §6, as a value: its kind and parameters. {@link StateBuilder#build} writes it to
 * a file; {@link #name()} reads like the design's notation, e.g. {@code prefix(1, legacy history)+baseline(v1.1-schema)}.
 *
 * @param kind       which state
 * @param version    the migration version k of {@code prefix}, {@code history-lost} and {@code half-applied}; else -1
 * @param statements the j of {@code half-applied(k, j)}: how many statements of k ran; else 0
 * @param layout     the history layout of a recorded state ({@code prefix}, {@code prefix+baseline},
 *                   {@code half-applied}, {@code drifted}); else null
 * @param baseline   the script of {@code baseline-only}, {@code prefix+baseline} and {@code legacy}; else null
 * @param drift      the change of {@code drifted}; else null
 */
public record State(Kind kind, long version, int statements, HistoryLayout layout, Baseline baseline, Drift drift) {

    /** The kinds of state; each says how it is built. */
    public enum Kind {
        /** A new file with no objects. */
        EMPTY,
        /** A baseline run on a new file, no history. */
        BASELINE_ONLY,
        /** Migrations with version ≤ k applied and recorded. */
        PREFIX,
        /** {@link #PREFIX}, then a baseline run as an application would: {@code IF NOT EXISTS}, stopping at its first failure. */
        PREFIX_PLUS_BASELINE,
        /** Migrations with version ≤ k applied, no history table. */
        HISTORY_LOST,
        /** Migrations before k recorded, the first j statements of k run, nothing recorded for k. */
        HALF_APPLIED,
        /** An older release's full schema run on a new file, no history. */
        LEGACY,
        /** Every migration applied and recorded, then changed by hand. */
        DRIFTED
    }

    public State {
        Objects.requireNonNull(kind, "kind");
        boolean recorded = kind == Kind.PREFIX || kind == Kind.PREFIX_PLUS_BASELINE || kind == Kind.HALF_APPLIED
                || kind == Kind.DRIFTED;
        boolean scripted = kind == Kind.BASELINE_ONLY || kind == Kind.PREFIX_PLUS_BASELINE || kind == Kind.LEGACY;
        if (recorded != (layout != null) || scripted != (baseline != null) || (kind == Kind.DRIFTED) != (drift != null)) {
            throw new IllegalArgumentException("parameters do not fit a " + kind + " state");
        }
        if (statements < 0) {
            throw new IllegalArgumentException("a negative statement count: " + statements);
        }
    }

    public static State empty() {
        return new State(Kind.EMPTY, -1, 0, null, null, null);
    }

    public static State baselineOnly(Baseline baseline) {
        return new State(Kind.BASELINE_ONLY, -1, 0, null, baseline, null);
    }

    public static State prefix(long version, HistoryLayout layout) {
        return new State(Kind.PREFIX, version, 0, layout, null, null);
    }

    public static State prefixPlusBaseline(long version, HistoryLayout layout, Baseline baseline) {
        return new State(Kind.PREFIX_PLUS_BASELINE, version, 0, layout, baseline, null);
    }

    public static State historyLost(long version) {
        return new State(Kind.HISTORY_LOST, version, 0, null, null, null);
    }

    public static State halfApplied(long version, int statements, HistoryLayout layout) {
        return new State(Kind.HALF_APPLIED, version, statements, layout, null, null);
    }

    public static State legacy(Baseline release) {
        return new State(Kind.LEGACY, -1, 0, null, release, null);
    }

    public static State drifted(Drift drift) {
        return new State(Kind.DRIFTED, -1, 0, HistoryLayout.CONVERGE, null, drift);
    }

    /** The state in the design's notation, e.g. {@code half-applied(4, 2)} or {@code drifted(missing index)}. */
    public String name() {
        String history = layout == HistoryLayout.LEGACY ? ", legacy history" : "";
        return switch (kind) {
            case EMPTY -> "empty";
            case BASELINE_ONLY -> "baseline-only(" + baseline.name() + ")";
            case PREFIX -> "prefix(" + version + history + ")";
            case PREFIX_PLUS_BASELINE -> "prefix(" + version + history + ")+baseline(" + baseline.name() + ")";
            case HISTORY_LOST -> "history-lost(" + version + ")";
            case HALF_APPLIED -> "half-applied(" + version + ", " + statements + history + ")";
            case LEGACY -> "legacy(" + baseline.name() + ")";
            case DRIFTED -> "drifted(" + drift.label() + ")";
        };
    }

    /** A file name for the state: its name with every character but letters, digits, {@code .} and {@code -} as {@code _}. */
    public String fileName() {
        return name().replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("_+$", "") + ".db";
    }

    @Override
    public String toString() {
        return name();
    }
}
