package dev.converge.history;

import java.util.Locale;

/** How a migration came to be recorded, stored in the history table's {@code how} column. */
public enum How {
    /** Its statements were run by Converge. */
    EXECUTED,
    /** Its effects were found already in place and it was recorded without running anything. */
    DETECTED,
    /** Part of it was found in place; the missing part (or the rest of an interrupted run) was run. */
    COMPLETED,
    /** The database was created by the baseline script, which detection confirmed to contain it. */
    BASELINE,
    /** Taken over from a legacy history table. */
    ADOPTED,
    /** Recorded by hand with {@code converge mark}. */
    MARKED;

    /** The value stored in the {@code how} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static How of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
