package dev.converge.fleet;

/** What happened to one database of a fleet run, and what its operator can do about it. */
public enum Outcome {
    /** Migrations ran and committed: the database is now at the target schema. */
    CONVERGED,
    /** Already at the target (usually the fast path: only history was read). Nothing changed. */
    UP_TO_DATE,
    /** Refused before any change (conflict, checksum mismatch, not a database, read-only…): the error says why. */
    REFUSED,
    /** Another process held the database longer than the lock timeout. Nothing changed; run again later. */
    LOCKED,
    /** Some migrations committed, then one failed: the error names them. Fix the cause and run again to finish. */
    STOPPED_PART_WAY,
    /** Bad input about this database (no such file) or an internal error. Nothing changed. */
    FAILED,
    /** Not started, because {@code --fail-fast} stopped the run after another database failed. Run again. */
    SKIPPED;

    /** True when the database is at the target schema after the run. */
    public boolean converged() {
        return this == CONVERGED || this == UP_TO_DATE;
    }

    /** The name used in output: lower case, words separated by spaces ({@code stopped part-way}). */
    public String label() {
        return this == STOPPED_PART_WAY ? "stopped part-way"
                : name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
