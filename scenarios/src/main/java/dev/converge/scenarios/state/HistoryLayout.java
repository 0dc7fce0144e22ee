package dev.converge.scenarios.state;

/** The shape of the history table a recorded state is written with. */
public enum HistoryLayout {
    /**
     * Converge's own layout (DESIGN.md §3): {@code version, name, checksum, how, applied_at, execution_ms,
     * schema_version}; every row is written {@code how = 'executed'}.
     */
    CONVERGE,
    /**
     * The layout of an older runner: {@code id INTEGER PRIMARY KEY AUTOINCREMENT, migration_name TEXT NOT NULL
     * UNIQUE, applied_at TEXT DEFAULT CURRENT_TIMESTAMP}, one row per applied file name. Converge adopts it.
     */
    LEGACY
}
