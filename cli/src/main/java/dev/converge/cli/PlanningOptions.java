package dev.converge.cli;

import dev.converge.Converge;
import picocli.CommandLine.Option;

/** What the planner tolerates: missing files, out-of-order migrations, and whether future versions are refused. */
final class PlanningOptions {
    @Option(names = "--allow-missing", description = "Tolerate recorded migrations whose files are gone.")
    boolean allowMissing;

    @Option(names = "--allow-out-of-order", description = "Run pending migrations older than the newest applied one.")
    boolean allowOutOfOrder;

    @Option(names = "--refuse-future", description = "Refuse a database that records versions newer than the set.")
    boolean refuseFuture;

    @Option(names = "--allow-drop-unknown-columns", description = "Let a table rebuild drop columns that no migration"
            + " knows, with their values (refused by default).")
    boolean allowDropUnknownColumns;

    Converge.Builder applyTo(Converge.Builder b) {
        return b.allowMissing(allowMissing).allowOutOfOrder(allowOutOfOrder).refuseFuture(refuseFuture)
                .allowDropUnknownColumns(allowDropUnknownColumns);
    }
}
