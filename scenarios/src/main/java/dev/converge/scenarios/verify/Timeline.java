package dev.converge.scenarios.verify;

import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Reference;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.scenarios.state.State;

import java.util.List;

/**
 * Places a built state on or off its migration set's timeline ({@link Placement}). By kind: {@code empty},
 * {@code baseline-only} (a fresh install), {@code prefix}, {@code history-lost}, {@code half-applied} and
 * {@code legacy} (an older release the user named) are on it by construction; {@code drifted} is off it; a
 * {@code prefix(k)+baseline(B)} is on it when the schema it holds is the schema after some migration at or after k
 * (the history lags the schema, as in the incident), and off it otherwise (the baseline made objects beside the
 * prefix's that no run of the migrations makes together).
 */
final class Timeline {
    private final Reference reference;

    Timeline(Reference reference) {
        this.reference = reference;
    }

    /** The placement of {@code state}, whose schema as built (before the engine ran) is {@code built}. */
    Placement place(State state, Schema built) {
        return switch (state.kind()) {
            case EMPTY -> Placement.on("a new database: the fresh install every new user makes");
            case BASELINE_ONLY -> Placement.on("the baseline run on a new file: a fresh install from today's schema");
            case PREFIX -> Placement.on("migrations up to " + state.version() + " applied and recorded");
            case HISTORY_LOST -> Placement.on("the schema after migration " + state.version() + " with its history lost");
            case HALF_APPLIED -> Placement.on("migration " + state.version() + " interrupted after statement "
                    + state.statements() + " by a runner without transactions");
            case LEGACY -> Placement.on("an older release you named with --old, without history: the migrations must"
                    + " upgrade it");
            case DRIFTED -> Placement.off("changed by hand after every migration ran (" + state.drift().label()
                    + "): no migration made this change, so refusing it before any change is a right answer");
            case PREFIX_PLUS_BASELINE -> placeBaselineOverPrefix(state, built);
        };
    }

    private Placement placeBaselineOverPrefix(State state, Schema built) {
        List<Change> nearest = null;
        for (MigrationEffects me : reference.migrations()) {
            List<Change> diff = SchemaDiff.between(reference.schemaAt(me.end()), built);
            if (diff.isEmpty() && me.migration().version().value() >= state.version()) {
                return Placement.on("the schema after migration " + me.migration().version() + " with history up to "
                        + state.version() + ": the history lags the schema, as after an install from an older"
                        + " release's schema");
            }
            if (nearest == null || diff.size() < nearest.size()) {
                nearest = diff;
            }
        }
        String what = nearest == null || nearest.isEmpty() ? "objects of two points of the timeline"
                : nearest.stream().limit(3).map(Change::describe).reduce((a, b) -> a + "; " + b).orElse("")
                + (nearest.size() > 3 ? "; and " + (nearest.size() - 3) + " more" : "");
        return Placement.off("the baseline ran beside prefix(" + state.version() + ") and left a schema that no run"
                + " of the migrations builds (" + what + "): Converge cannot tell which objects are the migrations'"
                + ", so refusing before any change is a right answer");
    }
}
