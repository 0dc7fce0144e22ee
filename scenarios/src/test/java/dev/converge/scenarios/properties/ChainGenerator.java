package dev.converge.scenarios.properties;

import dev.converge.scenarios.properties.SchemaModel.Check;
import dev.converge.scenarios.properties.SchemaModel.Column;
import dev.converge.scenarios.properties.SchemaModel.Domain;
import dev.converge.scenarios.properties.SchemaModel.Index;
import dev.converge.scenarios.properties.SchemaModel.Table;
import dev.converge.scenarios.properties.SchemaModel.Term;
import dev.converge.scenarios.properties.SchemaModel.Trigger;
import dev.converge.scenarios.properties.SchemaModel.View;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Generates migration chains that are valid by construction: a {@link SchemaModel} evolves with every step, and a
 * step is only drawn where SQLite accepts it (DROP COLUMN never of a key, UNIQUE, indexed, foreign-key, CHECK- or
 * view-referenced column; ADD COLUMN never UNIQUE, PRIMARY KEY or NOT NULL without a default; …) and where it keeps
 * holding on the rows the data filler and earlier steps put in (a UNIQUE index only on columns whose values are
 * distinct, CHECKs that every inserted value meets, INSERTs that are safe to repeat). Every choice is one draw from
 * QuickTheories' randomness, shrinking towards 0: fewer migrations and statements, simpler steps, optional features off.
 */
final class ChainGenerator {
    private static final int MIN_MIGRATIONS = 2;
    private static final int MAX_MIGRATIONS = 8;
    private static final int MAX_STATEMENTS = 4;

    private final RandomnessSource in;
    private final SchemaModel m = new SchemaModel();

    private ChainGenerator(RandomnessSource in) {
        this.in = in;
    }

    /** Chains of 2–8 migrations, each step's kinds counted in {@code coverage}. */
    static Gen<Chain> chains(Coverage coverage) {
        return in -> {
            Chain chain = new ChainGenerator(in).chain();
            for (Chain.Migration mig : chain.migrations()) {
                for (ChainStep s : mig.steps()) {
                    s.kinds().forEach(k -> coverage.count("step " + k));
                }
            }
            return chain;
        };
    }

    private Chain chain() {
        int n = draw(MIN_MIGRATIONS, MAX_MIGRATIONS);
        List<Chain.Migration> migrations = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            int budget = draw(1, MAX_STATEMENTS);
            List<ChainStep> steps = new ArrayList<>();
            int statements = 0;
            while (statements < budget) {
                ChainStep s = v == 1 && steps.isEmpty() ? createTable() : nextStep(steps.isEmpty(), budget - statements);
                steps.add(s);
                statements += s.statements().size();
                if (s.kinds().get(0) == StepKind.REBUILD_TABLE) {
                    break;
                }
            }
            migrations.add(new Chain.Migration(v, steps.get(0).kinds().get(0).name().toLowerCase(Locale.ROOT), steps));
            schemas.add(m.baseline());
        }
        int k = draw(1, n - 1);
        return new Chain(migrations, m.baseline(), k, schemas.get(k - 1));
    }

    // ---- drawing

    private int draw(int lo, int hi) {
        return (int) in.next(Constraint.between(lo, hi));
    }

    /** True with about {@code percent}% chance; shrinks to false. */
    private boolean chance(int percent) {
        return draw(0, 99) >= 100 - percent;
    }

    private <T> T pick(List<T> options) {
        return options.get(draw(0, options.size() - 1));
    }

    private record Option(int weight, Supplier<ChainStep> step) {
    }

    private ChainStep nextStep(boolean migrationEmpty, int room) {
        List<Option> options = new ArrayList<>();
        List<Table> ordinary = m.ordinaryTables();
        options.add(new Option(8, this::insertRows));
        options.add(new Option(10, this::createTable));
        options.add(new Option(3, this::createFts));
        if (!ordinary.isEmpty()) {
            options.add(new Option(12, this::addColumn));
            options.add(new Option(6, this::renameColumn));
            options.add(new Option(14, this::createIndex));
            options.add(new Option(6, this::createView));
            options.add(new Option(5, this::createTrigger));
        }
        options.add(new Option(5, this::renameTable));
        if (!droppableColumns().isEmpty()) {
            options.add(new Option(8, this::dropColumn));
        }
        if (!m.indexes.isEmpty()) {
            options.add(new Option(5, this::dropIndex));
        }
        if (!m.views.isEmpty()) {
            options.add(new Option(4, this::dropView));
        }
        if (migrationEmpty && !ordinary.isEmpty()) {
            options.add(new Option(7, this::rebuildTable));
        }
        int total = options.stream().mapToInt(Option::weight).sum();
        int x = draw(0, total - 1);
        for (Option o : options) {
            if (x < o.weight()) {
                return o.step().get();
            }
            x -= o.weight();
        }
        throw new IllegalStateException("unreachable");
    }

    // ---- names

    /** A fresh name, or with some chance a freed one of the same prefix (counted as {@link StepKind#REUSED_NAME}). */
    private String name(String prefix, Set<StepKind> kinds) {
        List<String> freed = m.freed.stream().filter(n -> n.matches(prefix + "\\d+") && !m.inUse(n)).toList();
        if (!freed.isEmpty() && chance(40)) {
            String reused = pick(freed);
            m.take(reused);
            kinds.add(StepKind.REUSED_NAME);
            return reused;
        }
        return m.fresh(prefix);
    }

    // ---- columns and values

    private static List<String> types(Domain d, boolean strict) {
        return switch (d) {
            case INT -> strict ? List.of("INTEGER", "INT") : List.of("INTEGER", "INT", "BIGINT", "NUMERIC");
            case REAL -> strict ? List.of("REAL") : List.of("REAL", "DOUBLE", "FLOAT");
            case TEXT -> strict ? List.of("TEXT") : List.of("TEXT", "VARCHAR(40)", "CLOB");
            case ENUM -> List.of("TEXT");
            case BLOB -> strict ? List.of("BLOB", "ANY") : List.of("BLOB");
            case TIMESTAMP -> strict ? List.of("TEXT") : List.of("TEXT", "DATETIME");
        };
    }

    /** Declared types with the same affinity as {@code type}, for a rebuild that only respells a type. */
    private static List<String> synonyms(String type, boolean strict) {
        List<List<String>> groups = strict
                ? List.of(List.of("INTEGER", "INT"), List.of("BLOB", "ANY"))
                : List.of(List.of("INTEGER", "INT", "BIGINT"), List.of("REAL", "DOUBLE", "FLOAT"),
                List.of("TEXT", "VARCHAR(40)", "CLOB"));
        for (List<String> g : groups) {
            if (g.contains(type)) {
                return g.stream().filter(t -> !t.equals(type)).toList();
            }
        }
        return List.of();
    }

    private String defaultFor(Column c, boolean inCreate) {
        return switch (c.domain) {
            case INT -> c.check == Check.NON_NEGATIVE ? pick(List.of("0", "7")) : pick(List.of("0", "7", "-1"));
            case REAL -> "0.5";
            case TEXT -> pick(List.of("''", "'none'"));
            case ENUM -> "'a'";
            case BLOB -> "X'00'";
            case TIMESTAMP -> inCreate && chance(60) ? "CURRENT_TIMESTAMP" : "'1970-01-01 00:00:00'";
        };
    }

    /**
     * A new non-key column. In CREATE TABLE it may be UNIQUE and default to CURRENT_TIMESTAMP; for ADD COLUMN it is
     * neither, and NOT NULL only with a default.
     */
    private Column newColumn(Table t, boolean inCreate) {
        Column c = new Column();
        c.name = m.fresh("c");
        c.domain = pick(List.of(Domain.INT, Domain.TEXT, Domain.REAL, Domain.ENUM, Domain.BLOB, Domain.TIMESTAMP));
        c.type = pick(types(c.domain, t.strict));
        c.check = switch (c.domain) {
            case ENUM -> Check.IN_LIST;
            case INT, REAL -> chance(30) ? Check.NON_NEGATIVE : Check.NONE;
            case TEXT -> chance(30) ? Check.SHORT : Check.NONE;
            default -> Check.NONE;
        };
        c.notNull = chance(30);
        if (chance(40) || (c.notNull && !inCreate)) {
            c.dflt = defaultFor(c, inCreate);
        } else if (chance(10)) {
            c.dflt = c.notNull ? null : "NULL";
        }
        boolean distinctValues = c.domain == Domain.TEXT || c.domain == Domain.REAL || c.domain == Domain.INT;
        if (inCreate && distinctValues && c.dflt == null && chance(15)) {
            c.unique = true;
        }
        return c;
    }

    /** Columns that may be the parent key of a foreign key: a primary key or a UNIQUE column of an ordinary table. */
    private List<Column> parentKeys(Table t) {
        return t.columns.stream().filter(c -> (c.primaryKey || c.unique) && (c.domain == Domain.INT || c.domain == Domain.TEXT))
                .toList();
    }

    private Column foreignKeyColumn(Table child, Table parent, Column key) {
        Column c = new Column();
        c.name = m.fresh("c");
        c.domain = key.domain;
        c.type = key.domain == Domain.INT ? "INTEGER" : "TEXT";
        c.references = parent;
        c.referencesColumn = key.primaryKey && chance(30) ? null : key;
        if (chance(30)) {
            c.onDelete = pick(List.of("CASCADE", "SET NULL", "RESTRICT"));
        }
        return c;
    }

    /** A value for an INSERT: distinct across the chain (but ENUMs), meeting every CHECK; NULL for foreign keys. */
    private String value(Column c) {
        if (c.isForeignKey()) {
            return "NULL";
        }
        int v = ++m.values;
        return switch (c.domain) {
            case INT -> String.valueOf(2_000_000_000L + v);
            case REAL -> v + ".5";
            case TEXT -> "'v" + v + "'";
            case ENUM -> pick(List.of("'a'", "'b'", "'c'"));
            case BLOB -> String.format("X'%04X'", v);
            case TIMESTAMP -> String.format("'2024-05-01 10:%02d:%02d'", (v / 60) % 60, v % 60);
        };
    }

    // ---- steps

    private ChainStep createTable() {
        Set<StepKind> kinds = EnumSet.of(StepKind.CREATE_TABLE);
        Table t = new Table();
        t.name = name("t", kinds);
        t.strict = chance(25);
        t.withoutRowid = chance(20);
        Column pk = null;
        int pkShape = t.withoutRowid ? 2 : draw(0, 3);
        if (pkShape < 3) {
            pk = new Column();
            pk.name = m.fresh("c");
            pk.primaryKey = true;
            if (pkShape == 2) {
                pk.domain = Domain.TEXT;
                pk.type = "TEXT";
                pk.notNull = true;
            } else {
                pk.domain = Domain.INT;
                pk.type = "INTEGER";
                pk.autoincrement = pkShape == 1;
            }
            t.columns.add(pk);
        }
        int others = draw(1, 4);
        for (int i = 0; i < others; i++) {
            t.columns.add(newColumn(t, true));
        }
        List<Table> parents = new ArrayList<>(m.ordinaryTables().stream().filter(p -> !parentKeys(p).isEmpty()).toList());
        if (pk != null) {
            parents.add(t); // a self reference
        }
        if (!parents.isEmpty() && chance(35)) {
            Table parent = pick(parents);
            t.columns.add(foreignKeyColumn(t, parent, pick(parentKeys(parent))));
            kinds.add(StepKind.FOREIGN_KEY);
        }
        List<Column> pairable = t.columns.stream().filter(c -> !c.primaryKey && !c.isForeignKey() && c.dflt == null
                && (c.domain == Domain.TEXT || c.domain == Domain.INT || c.domain == Domain.REAL)).toList();
        if (pairable.size() >= 2 && chance(15)) {
            t.uniqueTogether.add(pairable.get(0));
            t.uniqueTogether.add(pairable.get(1));
        }
        List<Column> texts = t.columns.stream().filter(c -> c.domain == Domain.TEXT && !c.primaryKey).toList();
        if (!texts.isEmpty() && chance(15)) {
            t.tableCheck = pick(texts);
        }
        if (t.strict) {
            kinds.add(StepKind.STRICT_TABLE);
        }
        if (t.withoutRowid) {
            kinds.add(StepKind.WITHOUT_ROWID_TABLE);
        }
        m.tables.add(t);
        return new ChainStep(List.copyOf(kinds), List.of(t.create()));
    }

    private ChainStep createFts() {
        Set<StepKind> kinds = EnumSet.of(StepKind.CREATE_FTS5);
        Table t = new Table();
        t.fts = true;
        t.name = name("f", kinds);
        int cols = draw(1, 3);
        for (int i = 0; i < cols; i++) {
            Column c = new Column();
            c.name = m.fresh("c");
            c.domain = Domain.TEXT;
            c.type = "";
            t.columns.add(c);
        }
        m.tables.add(t);
        return new ChainStep(List.copyOf(kinds), List.of(t.create()));
    }

    private ChainStep addColumn() {
        Set<StepKind> kinds = EnumSet.of(StepKind.ADD_COLUMN);
        Table t = pick(m.ordinaryTables());
        Column c;
        List<Table> parents = m.ordinaryTables().stream().filter(p -> !parentKeys(p).isEmpty()).toList();
        if (!parents.isEmpty() && chance(20)) {
            Table parent = pick(parents);
            c = foreignKeyColumn(t, parent, pick(parentKeys(parent)));
            kinds.add(StepKind.FOREIGN_KEY);
        } else {
            c = newColumn(t, false);
        }
        t.columns.add(c);
        return new ChainStep(List.copyOf(kinds), List.of("ALTER TABLE " + t.name + " ADD COLUMN " + c.definition()));
    }

    private record Owned(Table table, Column column) {
    }

    private List<Owned> droppableColumns() {
        List<Owned> out = new ArrayList<>();
        for (Table t : m.ordinaryTables()) {
            if (t.columns.size() < 2) {
                continue;
            }
            for (Column c : t.columns) {
                if (!m.referenced(t, c)) {
                    out.add(new Owned(t, c));
                }
            }
        }
        return out;
    }

    private ChainStep dropColumn() {
        Owned o = pick(droppableColumns());
        o.table().columns.remove(o.column());
        return new ChainStep(List.of(StepKind.DROP_COLUMN),
                List.of("ALTER TABLE " + o.table().name + " DROP COLUMN " + o.column().name));
    }

    private ChainStep renameColumn() {
        Table t = pick(m.ordinaryTables());
        Column c = pick(t.columns);
        String old = c.name;
        c.name = m.fresh("c");
        return new ChainStep(List.of(StepKind.RENAME_COLUMN),
                List.of("ALTER TABLE " + t.name + " RENAME COLUMN " + old + " TO " + c.name));
    }

    private ChainStep renameTable() {
        Table t = pick(m.tables);
        String old = t.name;
        Set<StepKind> kinds = EnumSet.of(StepKind.RENAME_TABLE);
        t.name = name(t.fts ? "f" : "t", kinds);
        m.freed.add(old);
        return new ChainStep(List.copyOf(kinds), List.of("ALTER TABLE " + old + " RENAME TO " + t.name));
    }

    private static boolean textLike(Column c) {
        return c.domain == Domain.TEXT || c.domain == Domain.ENUM || c.domain == Domain.TIMESTAMP;
    }

    private ChainStep createIndex() {
        Set<StepKind> kinds = EnumSet.of(StepKind.CREATE_INDEX);
        Table t = pick(m.ordinaryTables());
        Index i = new Index();
        i.table = t;
        List<Column> keys = t.columns.stream().filter(c -> !c.isRowidAlias(t)).toList();
        if (keys.isEmpty()) {
            keys = t.columns;
        }
        int shape = draw(0, 5);
        List<Column> distinct = t.columns.stream().filter(c -> !c.primaryKey && !c.isForeignKey() && c.dflt == null
                && (c.domain == Domain.TEXT || c.domain == Domain.REAL || c.domain == Domain.BLOB)).toList();
        List<Column> texts = t.columns.stream().filter(ChainGenerator::textLike).toList();
        if (shape == 2 && distinct.isEmpty() || shape == 5 && texts.isEmpty()) {
            shape = 0;
        }
        switch (shape) {
            case 1 -> {
                Column a = pick(keys);
                Column b = pick(keys);
                i.terms.add(new Term(a, null, null, false));
                if (b != a) {
                    i.terms.add(new Term(b, null, null, true));
                } else {
                    i.terms.set(0, new Term(a, null, null, true));
                }
            }
            case 2 -> {
                Column c = pick(distinct);
                i.unique = true;
                i.terms.add(new Term(c, null, null, false));
                if (chance(30)) {
                    i.where = c;
                    kinds.add(StepKind.PARTIAL_INDEX);
                }
                kinds.add(StepKind.UNIQUE_INDEX);
            }
            case 3 -> {
                i.terms.add(new Term(pick(keys), null, null, false));
                i.where = pick(t.columns);
                kinds.add(StepKind.PARTIAL_INDEX);
            }
            case 4 -> {
                Column c = pick(keys);
                i.terms.add(new Term(c, textLike(c) || c.domain == Domain.BLOB ? "lower" : "abs", null, false));
                kinds.add(StepKind.EXPRESSION_INDEX);
            }
            case 5 -> {
                i.terms.add(new Term(pick(texts), null, "NOCASE", chance(30)));
                kinds.add(StepKind.COLLATE_INDEX);
            }
            default -> i.terms.add(new Term(pick(keys), null, null, false));
        }
        i.name = name("i", kinds);
        m.indexes.add(i);
        return new ChainStep(List.copyOf(kinds), List.of(i.create()));
    }

    private ChainStep dropIndex() {
        Index i = pick(m.indexes);
        m.indexes.remove(i);
        m.freed.add(i.name);
        return new ChainStep(List.of(StepKind.DROP_INDEX), List.of("DROP INDEX " + i.name));
    }

    private ChainStep createView() {
        Set<StepKind> kinds = EnumSet.of(StepKind.CREATE_VIEW);
        Table t = pick(m.ordinaryTables());
        View v = new View();
        v.table = t;
        int cols = draw(1, Math.min(3, t.columns.size()));
        List<Column> remaining = new ArrayList<>(t.columns);
        for (int k = 0; k < cols; k++) {
            v.columns.add(remaining.remove(draw(0, remaining.size() - 1)));
        }
        if (chance(40)) {
            v.where = pick(t.columns);
        }
        v.name = name("v", kinds);
        m.views.add(v);
        return new ChainStep(List.copyOf(kinds), List.of(v.create()));
    }

    private ChainStep dropView() {
        View v = pick(m.views);
        m.views.remove(v);
        m.freed.add(v.name);
        return new ChainStep(List.of(StepKind.DROP_VIEW), List.of("DROP VIEW " + v.name));
    }

    private ChainStep createTrigger() {
        Table t = pick(m.ordinaryTables());
        List<Column> cols = t.columns.stream().filter(c -> c.domain != Domain.BLOB).toList();
        Trigger tr = new Trigger();
        tr.table = t;
        tr.column = cols.isEmpty() ? pick(t.columns) : pick(cols);
        tr.validation = tr.column.domain != Domain.BLOB && chance(50);
        tr.name = m.fresh("tr");
        m.triggers.add(tr);
        return new ChainStep(List.of(StepKind.CREATE_TRIGGER), List.of(tr.create()));
    }

    private ChainStep insertRows() {
        Table t = pick(m.tables);
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns) {
            if (c.isRowidAlias(t)) {
                continue;
            }
            if (c.primaryKey || c.notNull && c.dflt == null || !chance(25)) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            cols.add(t.columns.stream().filter(c -> !c.isRowidAlias(t)).findFirst().orElse(t.columns.get(0)));
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        Column key = null;
        String keyValue = null;
        for (Column c : cols) {
            String v = value(c);
            names.add(c.name);
            values.add(v);
            if (key == null && !c.isForeignKey() && c.domain != Domain.ENUM && !c.isRowidAlias(t)) {
                key = c;
                keyValue = v;
            }
        }
        if (key == null) {
            // only the rowid alias can tell the row apart: guard on it, so the insert stays safe to repeat
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                if (!c.isForeignKey() && c.domain != Domain.ENUM) {
                    key = c;
                    keyValue = values.toString().split(", ")[i];
                    break;
                }
            }
        }
        String sql = key == null
                ? "INSERT INTO " + t.name + " (" + names + ") VALUES (" + values + ")"
                : "INSERT INTO " + t.name + " (" + names + ") SELECT " + values + " WHERE NOT EXISTS (SELECT 1 FROM "
                + t.name + " WHERE " + key.name + " = " + keyValue + ")";
        return new ChainStep(List.of(StepKind.INSERT_ROWS), List.of(sql));
    }

    /**
     * SQLite's table rebuild (DESIGN.md §4): drop the views over the table, create {@code t_new} with the changed
     * definition, copy the shared columns, drop the table, rename {@code t_new}, re-create indexes, views and triggers.
     * The change is one of: respell a column's type (same affinity), drop a column ALTER TABLE cannot drop, insert
     * a column in the middle, or relax a constraint (NOT NULL, UNIQUE, CHECK).
     */
    private ChainStep rebuildTable() {
        Table t = pick(m.ordinaryTables());
        List<Column> before = new ArrayList<>(t.columns);
        List<Runnable> changes = new ArrayList<>();
        for (Column c : t.columns) {
            if (!c.primaryKey && !synonyms(c.type, t.strict).isEmpty()) {
                changes.add(() -> c.type = pick(synonyms(c.type, t.strict)));
            }
            if (!c.primaryKey && t.columns.size() >= 2 && !m.referencedElsewhere(c)) {
                changes.add(() -> {
                    t.columns.remove(c);
                    t.uniqueTogether.clear();
                    if (t.tableCheck == c) {
                        t.tableCheck = null;
                    }
                });
            }
            if (!c.primaryKey && c.notNull) {
                changes.add(() -> c.notNull = false);
            }
            if (c.unique && !m.referencedElsewhere(c)) {
                changes.add(() -> c.unique = false);
            }
            if (c.check != Check.NONE && c.domain != Domain.ENUM) {
                changes.add(() -> c.check = Check.NONE);
            }
        }
        if (t.tableCheck != null) {
            changes.add(() -> t.tableCheck = null);
        }
        if (!t.uniqueTogether.isEmpty()) {
            changes.add(t.uniqueTogether::clear);
        }
        changes.add(0, () -> {
            Column c = newColumn(t, true);
            if (c.unique) {
                c.notNull = false;
            } else if (c.notNull && c.dflt == null) {
                c.dflt = defaultFor(c, true); // the copied rows leave it out
            }
            t.columns.add(draw(0, t.columns.size()), c);
        });
        List<String> sql = new ArrayList<>();
        List<View> views = m.viewsOver(t);
        views.forEach(v -> sql.add("DROP VIEW " + v.name));
        pick(changes).run();
        String tmp = t.name + "_new";
        sql.add(t.create(tmp));
        StringJoiner shared = new StringJoiner(", ");
        t.columns.stream().filter(before::contains).forEach(c -> shared.add(c.name));
        sql.add("INSERT INTO " + tmp + " (" + shared + ") SELECT " + shared + " FROM " + t.name);
        sql.add("DROP TABLE " + t.name);
        sql.add("ALTER TABLE " + tmp + " RENAME TO " + t.name);
        m.indexesOn(t).forEach(i -> sql.add(i.create()));
        views.forEach(v -> sql.add(v.create()));
        m.triggersOn(t).forEach(tr -> sql.add(tr.create()));
        return new ChainStep(List.of(StepKind.REBUILD_TABLE), sql);
    }
}
