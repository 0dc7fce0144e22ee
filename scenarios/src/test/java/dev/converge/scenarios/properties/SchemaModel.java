package dev.converge.scenarios.properties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The schema a generated chain has built so far, kept while generating so that every next step is valid on it:
 * tables (ordinary and FTS5), their columns and constraints, indexes, views and triggers. Objects refer to each other
 * by identity, not by name, so a rename is one assignment and every CREATE rendered afterwards uses the new names —
 * as SQLite rewrites them with {@code legacy_alter_table=OFF}. Mutable, and used only by one generator run.
 */
final class SchemaModel {

    /** What values a column holds; it fixes the types it may be declared with and the values inserted into it. */
    enum Domain {
        INT, REAL, TEXT, ENUM, BLOB, TIMESTAMP
    }

    /** A column-level CHECK; each holds for every value this generator and the data filler insert. */
    enum Check {
        NONE, NON_NEGATIVE, IN_LIST, SHORT
    }

    static final class Column {
        String name;
        String type;
        Domain domain;
        boolean notNull;
        String dflt;
        boolean primaryKey;
        boolean autoincrement;
        boolean unique;
        Check check = Check.NONE;
        Table references;
        /** The parent column; null with {@link #references} set means the parent's primary key. */
        Column referencesColumn;
        String onDelete;

        Column copy() {
            Column c = new Column();
            c.name = name;
            c.type = type;
            c.domain = domain;
            c.notNull = notNull;
            c.dflt = dflt;
            c.primaryKey = primaryKey;
            c.autoincrement = autoincrement;
            c.unique = unique;
            c.check = check;
            c.references = references;
            c.referencesColumn = referencesColumn;
            c.onDelete = onDelete;
            return c;
        }

        boolean isForeignKey() {
            return references != null;
        }

        /** An INTEGER PRIMARY KEY of a rowid table: an alias of the rowid, left out of inserts. */
        boolean isRowidAlias(Table owner) {
            return primaryKey && !owner.withoutRowid && "INTEGER".equals(type);
        }

        String definition() {
            StringBuilder sb = new StringBuilder(name).append(' ').append(type);
            if (primaryKey) {
                sb.append(" PRIMARY KEY");
                if (autoincrement) {
                    sb.append(" AUTOINCREMENT");
                }
            }
            if (notNull) {
                sb.append(" NOT NULL");
            }
            if (unique) {
                sb.append(" UNIQUE");
            }
            if (dflt != null) {
                sb.append(" DEFAULT ").append(dflt);
            }
            switch (check) {
                case NON_NEGATIVE -> sb.append(" CHECK (").append(name).append(" >= 0)");
                case IN_LIST -> sb.append(" CHECK (").append(name).append(" IN ('a', 'b', 'c'))");
                case SHORT -> sb.append(" CHECK (length(").append(name).append(") <= 200)");
                case NONE -> {
                }
            }
            if (references != null) {
                sb.append(" REFERENCES ").append(references.name);
                if (referencesColumn != null) {
                    sb.append('(').append(referencesColumn.name).append(')');
                }
                if (onDelete != null) {
                    sb.append(" ON DELETE ").append(onDelete);
                }
            }
            return sb.toString();
        }
    }

    static final class Table {
        String name;
        List<Column> columns = new ArrayList<>();
        boolean withoutRowid;
        boolean strict;
        boolean fts;
        /** A table-level {@code CHECK (length(c) <= 500)} on this column, or null. */
        Column tableCheck;
        /** A table-level {@code UNIQUE (a, b)}, or empty. */
        List<Column> uniqueTogether = new ArrayList<>();

        Column primaryKey() {
            return columns.stream().filter(c -> c.primaryKey).findFirst().orElse(null);
        }

        String create() {
            return create(name);
        }

        /** The CREATE text under another name (the rebuild's {@code t_new}). */
        String create(String as) {
            if (fts) {
                StringJoiner cols = new StringJoiner(", ");
                columns.forEach(c -> cols.add(c.name));
                return "CREATE VIRTUAL TABLE " + as + " USING fts5(" + cols + ")";
            }
            StringJoiner body = new StringJoiner(",\n  ", "(\n  ", "\n)");
            columns.forEach(c -> body.add(c.definition()));
            if (uniqueTogether.size() == 2) {
                body.add("UNIQUE (" + uniqueTogether.get(0).name + ", " + uniqueTogether.get(1).name + ")");
            }
            if (tableCheck != null) {
                body.add("CHECK (length(" + tableCheck.name + ") <= 500)");
            }
            StringBuilder sb = new StringBuilder("CREATE TABLE ").append(as).append(' ').append(body);
            if (withoutRowid && strict) {
                sb.append(" WITHOUT ROWID, STRICT");
            } else if (withoutRowid) {
                sb.append(" WITHOUT ROWID");
            } else if (strict) {
                sb.append(" STRICT");
            }
            return sb.toString();
        }
    }

    /** One key of an index: a column, maybe under {@code lower()}/{@code abs()}, a collation, or DESC. */
    record Term(Column column, String function, String collate, boolean desc) {
        String render() {
            String s = function == null ? column.name : function + "(" + column.name + ")";
            if (collate != null) {
                s += " COLLATE " + collate;
            }
            return desc ? s + " DESC" : s;
        }
    }

    static final class Index {
        String name;
        Table table;
        boolean unique;
        List<Term> terms = new ArrayList<>();
        /** A partial index's {@code WHERE c IS NOT NULL}, or null. */
        Column where;

        String create() {
            StringJoiner keys = new StringJoiner(", ");
            terms.forEach(t -> keys.add(t.render()));
            return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + table.name + " (" + keys + ")"
                    + (where == null ? "" : " WHERE " + where.name + " IS NOT NULL");
        }

        boolean uses(Column c) {
            return c == where || terms.stream().anyMatch(t -> t.column == c);
        }
    }

    static final class View {
        String name;
        Table table;
        List<Column> columns = new ArrayList<>();
        Column where;

        String create() {
            StringJoiner cols = new StringJoiner(", ");
            columns.forEach(c -> cols.add(c.name));
            return "CREATE VIEW " + name + " AS SELECT " + cols + " FROM " + table.name
                    + (where == null ? "" : " WHERE " + where.name + " IS NOT NULL");
        }

        boolean uses(Column c) {
            return c == where || columns.contains(c);
        }
    }

    static final class Trigger {
        String name;
        Table table;
        Column column;
        /** A BEFORE INSERT trigger that refuses impossible values; else an AFTER UPDATE OF trigger that reads the new value. */
        boolean validation;

        String create() {
            if (validation) {
                String when = column.domain == Domain.INT || column.domain == Domain.REAL
                        ? "NEW." + column.name + " < -1000000000"
                        : "NEW." + column.name + " IS NOT NULL AND length(NEW." + column.name + ") > 10000";
                return "CREATE TRIGGER " + name + " BEFORE INSERT ON " + table.name + " WHEN " + when
                        + "\nBEGIN\n  SELECT RAISE(ABORT, 'value out of range');\nEND";
            }
            return "CREATE TRIGGER " + name + " AFTER UPDATE OF " + column.name + " ON " + table.name
                    + "\nBEGIN\n  SELECT NEW." + column.name + ";\nEND";
        }
    }

    final List<Table> tables = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<View> views = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    /** Names that were used and are free again (a table renamed away, an index or view dropped). */
    final Set<String> freed = new LinkedHashSet<>();
    private final Set<String> everUsed = new HashSet<>();
    private int counter;
    /** Source of distinct inserted values. */
    int values;

    /** A name never used in this chain: {@code prefix} and a number. */
    String fresh(String prefix) {
        String name;
        do {
            name = prefix + (++counter);
        } while (!everUsed.add(name));
        return name;
    }

    void take(String reused) {
        freed.remove(reused);
    }

    boolean inUse(String name) {
        return tables.stream().anyMatch(t -> t.name.equals(name)) || indexes.stream().anyMatch(i -> i.name.equals(name))
                || views.stream().anyMatch(v -> v.name.equals(name)) || triggers.stream().anyMatch(t -> t.name.equals(name));
    }

    List<Table> ordinaryTables() {
        return tables.stream().filter(t -> !t.fts).toList();
    }

    List<View> viewsOver(Table t) {
        return views.stream().filter(v -> v.table == t).toList();
    }

    List<Index> indexesOn(Table t) {
        return indexes.stream().filter(i -> i.table == t).toList();
    }

    List<Trigger> triggersOn(Table t) {
        return triggers.stream().filter(tr -> tr.table == t).toList();
    }

    /** True when some other object or constraint names the column, so that ALTER TABLE DROP COLUMN refuses it. */
    boolean referenced(Table owner, Column c) {
        if (c.primaryKey || c.unique || c.isForeignKey() || owner.tableCheck == c || owner.uniqueTogether.contains(c)) {
            return true;
        }
        return referencedElsewhere(c);
    }

    /** True when an index, view, trigger or another column's foreign key names the column. */
    boolean referencedElsewhere(Column c) {
        if (indexes.stream().anyMatch(i -> i.uses(c)) || views.stream().anyMatch(v -> v.uses(c))
                || triggers.stream().anyMatch(t -> t.column == c)) {
            return true;
        }
        for (Table t : tables) {
            for (Column other : t.columns) {
                if (other.referencesColumn == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a foreign key of any table points at this table. */
    boolean isParent(Table parent) {
        return tables.stream().flatMap(t -> t.columns.stream()).anyMatch(c -> c.references == parent);
    }

    /** The full-schema script of the model now: tables, then indexes, views and triggers, each in creation order. */
    String baseline() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append(t.create()).append(";\n\n");
        }
        for (Index i : indexes) {
            sb.append(i.create()).append(";\n");
        }
        for (View v : views) {
            sb.append(v.create()).append(";\n");
        }
        for (Trigger t : triggers) {
            sb.append(t.create()).append(";\n");
        }
        return sb.toString();
    }
}
