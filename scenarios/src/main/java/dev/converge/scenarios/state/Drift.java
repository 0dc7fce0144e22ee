package dev.converge.scenarios.state;

/** A change made by hand to a fully migrated database, behind the migration runner's back. */
public enum Drift {
    /** An index no migration names, {@code drift_extra_index}, on the first column of the first table by name. */
    EXTRA_INDEX("extra index"),
    /** A table no migration names, {@code drift_extra_table}. */
    EXTRA_TABLE("extra table"),
    /** The first index (by name) that the migrations created is dropped. */
    MISSING_INDEX("missing index");

    private final String label;

    Drift(String label) {
        this.label = label;
    }

    /** Words for state names, e.g. {@code extra index}. */
    public String label() {
        return label;
    }
}
