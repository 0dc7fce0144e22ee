package dev.converge.detect;

/**
 * Operators' choices that change what is refused.
 *
 * @param allowMissing    a recorded migration without a file is tolerated instead of refused
 * @param allowOutOfOrder a pending migration older than the newest applied one runs instead of being refused
 * @param refuseFuture    history rows above the set's highest version are refused instead of tolerated
 */
public record PlanOptions(boolean allowMissing, boolean allowOutOfOrder, boolean refuseFuture) {
    public static PlanOptions defaults() {
        return new PlanOptions(false, false, false);
    }
}
