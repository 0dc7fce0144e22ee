package dev.converge.scenarios.properties;

/**
 * The kinds of step the chain generator makes. A step may carry several (a CREATE TABLE that is STRICT and has a
 * foreign key counts as {@link #CREATE_TABLE}, {@link #STRICT_TABLE} and {@link #FOREIGN_KEY}); coverage counts each.
 */
enum StepKind {
    /** CREATE TABLE with mixed types, defaults, NOT NULL, UNIQUE and CHECK. */
    CREATE_TABLE,
    /** A CREATE TABLE … WITHOUT ROWID. */
    WITHOUT_ROWID_TABLE,
    /** A CREATE TABLE … STRICT. */
    STRICT_TABLE,
    /** A column REFERENCES an existing table (in CREATE TABLE or ADD COLUMN). */
    FOREIGN_KEY,
    /** A CREATE (or ADD) whose table or index takes a name an earlier step freed (renamed away or dropped). */
    REUSED_NAME,
    /** CREATE VIRTUAL TABLE … USING fts5. */
    CREATE_FTS5,
    /** ALTER TABLE … ADD COLUMN. */
    ADD_COLUMN,
    /** ALTER TABLE … DROP COLUMN. */
    DROP_COLUMN,
    /** ALTER TABLE … RENAME COLUMN. */
    RENAME_COLUMN,
    /** ALTER TABLE … RENAME TO. */
    RENAME_TABLE,
    /** CREATE INDEX on columns, maybe DESC. */
    CREATE_INDEX,
    /** CREATE UNIQUE INDEX. */
    UNIQUE_INDEX,
    /** CREATE INDEX … WHERE. */
    PARTIAL_INDEX,
    /** CREATE INDEX on an expression. */
    EXPRESSION_INDEX,
    /** CREATE INDEX with a COLLATE key. */
    COLLATE_INDEX,
    /** DROP INDEX. */
    DROP_INDEX,
    /** CREATE VIEW. */
    CREATE_VIEW,
    /** DROP VIEW. */
    DROP_VIEW,
    /** CREATE TRIGGER. */
    CREATE_TRIGGER,
    /** The twelve-step rebuild of DESIGN.md §4: drop views, t_new, copy, drop, rename, re-create the rest. */
    REBUILD_TABLE,
    /** INSERT with explicit columns, written to be safe to repeat. */
    INSERT_ROWS
}
