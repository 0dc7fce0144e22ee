package dev.converge.sql;

/** What a statement does, as far as Converge cares: its schema effect, whether it writes data, whether it is allowed. */
public enum StatementKind {
    CREATE_TABLE, CREATE_VIRTUAL_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_TRIGGER,
    DROP_TABLE, DROP_INDEX, DROP_VIEW, DROP_TRIGGER,
    ALTER_ADD_COLUMN, ALTER_DROP_COLUMN, ALTER_RENAME_COLUMN, ALTER_RENAME_TABLE,
    INSERT, UPDATE, DELETE, REPLACE, SELECT,
    PRAGMA,
    BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE,
    VACUUM, ATTACH, DETACH,
    ANALYZE, REINDEX,
    OTHER;

    /** INSERT, UPDATE, DELETE or REPLACE: writes rows, changes no schema. */
    public boolean isData() {
        return this == INSERT || this == UPDATE || this == DELETE || this == REPLACE;
    }

    /** A CREATE, DROP or ALTER: changes the schema. */
    public boolean isSchemaChange() {
        return ordinal() <= ALTER_RENAME_TABLE.ordinal();
    }

    /** Transaction control, VACUUM, ATTACH or DETACH: would break the one-transaction-per-migration guarantee. */
    public boolean breaksAtomicity() {
        return switch (this) {
            case BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE, VACUUM, ATTACH, DETACH -> true;
            default -> false;
        };
    }
}
