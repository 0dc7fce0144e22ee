package dev.converge.detect;

/** What the runner does for one step of a plan. */
public enum Action {
    /** Nothing: already applied, or tolerated (a future or allowed-missing row). */
    NOTHING,
    /** Record it in history without running anything: its effects already hold. */
    RECORD,
    /** Run the planned statements, verify, record. */
    EXECUTE,
    /** Create the database from the baseline script, verify against the target, record every migration. */
    BASELINE,
    /** Re-create an index, view or trigger that a recorded migration created and someone removed. */
    REPAIR,
    /** Refuse: the plan cannot be carried out; see the plan's problems. */
    REFUSE
}
