package dev.converge.detect;

/** The state of one migration in a live database (DESIGN.md §2), and what {@code migrate} does about it. */
public enum MigrationState {
    /** Recorded in history with a matching checksum. Nothing to do. */
    APPLIED,
    /** Not recorded, but every effect already holds (e.g. the schema came from a full-schema script). It is recorded as {@code detected}. */
    PRESENT,
    /** Not recorded and none of its effects holds. It is executed. */
    ABSENT,
    /**
     * Not recorded, no schema effect (data only), and the migrations before it are in place but not all recorded (the
     * history was lost or never kept): the schema cannot show whether it ran. It runs inside a savepoint; when a
     * constraint refuses its rows they are taken as already there, rolled back to the savepoint, and it is recorded as
     * {@code detected}. Record it by hand with {@code converge mark} when you know it ran.
     */
    UNCERTAIN,
    /** Not recorded; some effects hold and the rest are simply missing. The missing part is executed and it is recorded as {@code completed}. */
    PARTIAL,
    /** Not recorded; the database stands exactly after one of its statements (an interrupted run). It is resumed, or its temporary objects dropped and it is run whole. */
    HALF_APPLIED,
    /** An object it touches matches no point of the reference. It runs only if its own statements replace that object; otherwise Converge refuses: fix the object by hand. */
    CONFLICT,
    /** Recorded, but the file changed since. Converge refuses: restore the file, or run {@code repair} to accept it. */
    CHECKSUM_MISMATCH,
    /** Recorded at or below the set's highest version, but its file is gone. Refused unless missing migrations are allowed; restore the file or {@code unmark} it. */
    MISSING,
    /** Recorded above the set's highest version: an older application on a newer database. Tolerated and reported, refused on request. */
    FUTURE,
    /** Not recorded, older than the newest applied migration, and not present. Refused unless out-of-order migrations are allowed. */
    OUT_OF_ORDER;

    /** True for the states that need nothing executed (possibly a history row). */
    public boolean isSettled() {
        return this == APPLIED || this == PRESENT || this == FUTURE;
    }
}
