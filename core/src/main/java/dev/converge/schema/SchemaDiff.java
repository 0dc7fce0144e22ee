package dev.converge.schema;

import dev.converge.sql.Identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The differences between an expected and an actual schema, as a list of {@link Change}s. Structure, not text:
 * see DESIGN.md §4 "Comparing objects". Names compare ASCII case-insensitively; column order, and the order of
 * UNIQUE, CHECK and FOREIGN KEY constraints, is never a difference ({@link #columnOrderNotes} reports column order
 * separately). An object's own name is not part of its definition: callers pair objects by {@link ObjectId}.
 *
 * <p>One walk serves both uses: with a change list it records every difference; without one it stops at the first,
 * so {@link #sameDefinition} builds nothing.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** Every difference between {@code expected} and {@code actual}, ordered by object; empty when they are the same. */
    public static List<Change> between(Schema expected, Schema actual) {
        List<Change> out = new ArrayList<>();
        if (expected == actual) {
            return out; // the inspector hands back the expected schema itself when every catalogue row is unchanged
        }
        for (SchemaObject e : expected.objects()) {
            SchemaObject a = actual.get(e.id()).orElse(null);
            if (a == null) {
                out.add(new Change.ObjectMissing(e.id(), e));
            } else {
                compare(e, a, out);
            }
        }
        boolean unexpected = false;
        for (SchemaObject a : actual.objects()) {
            if (!expected.contains(a.id())) {
                out.add(new Change.ObjectUnexpected(a.id(), a));
                unexpected = true;
            }
        }
        if (unexpected) {
            out.sort(Comparator.comparing(Change::object)); // stable: each object's changes keep their order
        }
        return out;
    }

    /** The differences between two definitions of one object (same id). */
    public static List<Change> between(SchemaObject expected, SchemaObject actual) {
        List<Change> out = new ArrayList<>();
        compare(expected, actual, out);
        return out;
    }

    /** True when the two objects are the same kind with the same structure; their own names are not compared. */
    public static boolean sameDefinition(SchemaObject a, SchemaObject b) {
        return compare(a, b, null);
    }

    /**
     * For each table in both schemas whose shared columns come in a different order, a {@link Change.ColumnOrderDiffers}
     * listing each side's columns. These are notes for {@code lint}, not differences of definition.
     */
    public static List<Change.ColumnOrderDiffers> columnOrderNotes(Schema expected, Schema actual) {
        List<Change.ColumnOrderDiffers> out = new ArrayList<>();
        for (Table e : expected.tables()) {
            SchemaObject a = actual.get(e.id()).orElse(null);
            if (a instanceof Table t && !sameColumnOrder(e, t)) {
                out.add(new Change.ColumnOrderDiffers(e.id(), names(e.columns()), names(t.columns())));
            }
        }
        return out;
    }

    /** True when the columns both tables have come in the same relative order. */
    static boolean sameColumnOrder(Table e, Table a) {
        int j = 0;
        for (Column c : e.columns()) {
            if (a.column(c.name()).isEmpty()) {
                continue;
            }
            while (j < a.columns().size() && e.column(a.columns().get(j).name()).isEmpty()) {
                j++;
            }
            if (j >= a.columns().size() || !Identifiers.same(c.name(), a.columns().get(j).name())) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static List<String> names(List<Column> columns) {
        List<String> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name());
        }
        return out;
    }

    // ---------------------------------------------------------------- the walk

    /** Compares; adds changes to {@code out}, or when it is null returns false at the first difference. */
    private static boolean compare(SchemaObject e, SchemaObject a, List<Change> out) {
        if (e == a) {
            return true; // one object, taken from the reference for an unchanged catalogue row
        }
        if (e instanceof Table te && a instanceof Table ta) {
            return tables(te, ta, out);
        }
        if (e instanceof Index ie && a instanceof Index ia) {
            return indexes(ie, ia, out);
        }
        if (e instanceof View ve && a instanceof View va) {
            if (ve.definition().equals(va.definition())) {
                return true;
            }
            if (out != null) {
                out.add(new Change.ViewDiffers(ve.id(), ve.definition(), va.definition()));
            }
            return false;
        }
        if (e instanceof Trigger re && a instanceof Trigger ra) {
            return triggers(re, ra, out);
        }
        if (out != null) {
            out.add(new Change.ObjectMissing(e.id(), e));
            out.add(new Change.ObjectUnexpected(a.id(), a));
        }
        return false;
    }

    private static boolean tables(Table e, Table a, List<Change> out) {
        ObjectId id = e.id();
        if (out == null && e.columns().size() != a.columns().size()) {
            return false;
        }
        boolean same = true;
        boolean samePrimaryKey = sameNames(e.primaryKey(), a.primaryKey());
        for (Column ec : e.columns()) {
            Column ac = a.column(ec.name()).orElse(null);
            if (ac == null) {
                if (out == null) {
                    return false;
                }
                out.add(new Change.ColumnMissing(id, ec));
                same = false;
            } else if (!columns(id, ec, ac, samePrimaryKey, out)) {
                if (out == null) {
                    return false;
                }
                same = false;
            }
        }
        if (out != null) { // with no list, equal counts and every expected column found leave none unexpected
            for (Column ac : a.columns()) {
                if (e.column(ac.name()).isEmpty()) {
                    out.add(new Change.ColumnUnexpected(id, ac));
                    same = false;
                }
            }
        }
        if (!samePrimaryKey) {
            if (out == null) {
                return false;
            }
            out.add(new Change.PrimaryKeyDiffers(id, e.primaryKey(), a.primaryKey()));
            same = false;
        }
        same &= option(id, "autoincrement", e.autoincrement(), a.autoincrement(), out);
        same &= option(id, "without rowid", e.withoutRowid(), a.withoutRowid(), out);
        same &= option(id, "strict", e.strict(), a.strict(), out);
        same &= option(id, "module", e.module(), a.module(), out);
        same &= option(id, "module arguments", e.moduleArgs(), a.moduleArgs(), out);
        if (!same && out == null) {
            return false;
        }
        same &= unordered(id, e.uniques(), a.uniques(), SchemaDiff::sameNames, out,
                Change.UniqueMissing::new, Change.UniqueUnexpected::new);
        if (!same && out == null) {
            return false;
        }
        same &= unordered(id, e.checks(), a.checks(), String::equals, out,
                Change.CheckMissing::new, Change.CheckUnexpected::new);
        if (!same && out == null) {
            return false;
        }
        same &= unordered(id, e.foreignKeys(), a.foreignKeys(), SchemaDiff::sameForeignKey, out,
                Change.ForeignKeyMissing::new, Change.ForeignKeyUnexpected::new);
        return same;
    }

    private static boolean columns(ObjectId id, Column e, Column a, boolean samePrimaryKey, List<Change> out) {
        boolean same = e.type().equalsIgnoreCase(a.type())
                && e.notNull() == a.notNull()
                && Objects.equals(e.defaultValue(), a.defaultValue())
                && (!samePrimaryKey || e.primaryKeyPosition() == a.primaryKeyPosition())
                && sameIgnoringCase(e.collation(), a.collation())
                && Objects.equals(e.generated(), a.generated())
                && (e.generated() == null || e.stored() == a.stored());
        if (same || out == null) {
            return same;
        }
        List<Change.Attribute> attrs = new ArrayList<>(2);
        if (!e.type().equalsIgnoreCase(a.type())) {
            attrs.add(new Change.Attribute("type", emptyAsNull(e.type()), emptyAsNull(a.type())));
        }
        if (e.notNull() != a.notNull()) {
            attrs.add(new Change.Attribute("not null", String.valueOf(e.notNull()), String.valueOf(a.notNull())));
        }
        if (!Objects.equals(e.defaultValue(), a.defaultValue())) {
            attrs.add(new Change.Attribute("default", e.defaultValue(), a.defaultValue()));
        }
        if (samePrimaryKey && e.primaryKeyPosition() != a.primaryKeyPosition()) {
            attrs.add(new Change.Attribute("primary key", String.valueOf(e.primaryKeyPosition()),
                    String.valueOf(a.primaryKeyPosition())));
        }
        if (!sameIgnoringCase(e.collation(), a.collation())) {
            attrs.add(new Change.Attribute("collation", e.collation(), a.collation()));
        }
        String eg = generated(e);
        String ag = generated(a);
        if (!Objects.equals(eg, ag)) {
            attrs.add(new Change.Attribute("generated", eg, ag));
        }
        out.add(new Change.ColumnDiffers(id, e.name(), attrs));
        return false;
    }

    private static String generated(Column c) {
        return c.generated() == null ? null : c.generated() + (c.stored() ? " STORED" : " VIRTUAL");
    }

    private static String emptyAsNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static boolean option(ObjectId id, String name, Object e, Object a, List<Change> out) {
        if (Objects.equals(e, a)) {
            return true;
        }
        if (out != null) {
            out.add(new Change.TableOptionDiffers(id, new Change.Attribute(name,
                    e == null ? null : e.toString(), a == null ? null : a.toString())));
        }
        return false;
    }

    /** Matches two lists as multisets; records the unmatched on each side. */
    private static <T> boolean unordered(ObjectId id, List<T> e, List<T> a, BiPredicate<T, T> eq, List<Change> out,
                                         BiFunction<ObjectId, T, Change> missing,
                                         BiFunction<ObjectId, T, Change> unexpected) {
        if (e.isEmpty() && a.isEmpty()) {
            return true;
        }
        if (out == null && e.size() != a.size()) {
            return false;
        }
        boolean[] used = new boolean[a.size()];
        boolean same = true;
        for (T x : e) {
            boolean found = false;
            for (int j = 0; j < a.size(); j++) {
                if (!used[j] && eq.test(x, a.get(j))) {
                    used[j] = true;
                    found = true;
                    break;
                }
            }
            if (!found) {
                if (out == null) {
                    return false;
                }
                out.add(missing.apply(id, x));
                same = false;
            }
        }
        for (int j = 0; j < a.size(); j++) {
            if (!used[j]) {
                if (out == null) {
                    return false;
                }
                out.add(unexpected.apply(id, a.get(j)));
                same = false;
            }
        }
        return same;
    }

    static boolean sameForeignKey(ForeignKey e, ForeignKey a) {
        return sameNames(e.columns(), a.columns())
                && Identifiers.same(e.table(), a.table())
                && sameNames(e.refColumns(), a.refColumns())
                && e.onDelete().equals(a.onDelete())
                && e.onUpdate().equals(a.onUpdate())
                && sameIgnoringCase(e.match(), a.match())
                && e.deferred() == a.deferred();
    }

    private static boolean indexes(Index e, Index a, List<Change> out) {
        ObjectId id = e.id();
        boolean same = true;
        if (!Identifiers.same(e.table(), a.table())) {
            if (out == null) {
                return false;
            }
            out.add(new Change.IndexDiffers(id, new Change.Attribute("table", e.table(), a.table())));
            same = false;
        }
        if (!sameKeys(e.keys(), a.keys())) {
            if (out == null) {
                return false;
            }
            out.add(new Change.IndexDiffers(id, new Change.Attribute("keys", show(e.keys()), show(a.keys()))));
            same = false;
        }
        if (e.unique() != a.unique()) {
            if (out == null) {
                return false;
            }
            out.add(new Change.IndexDiffers(id, new Change.Attribute("unique", String.valueOf(e.unique()),
                    String.valueOf(a.unique()))));
            same = false;
        }
        if (!Objects.equals(e.where(), a.where())) {
            if (out == null) {
                return false;
            }
            out.add(new Change.IndexDiffers(id, new Change.Attribute("where", e.where(), a.where())));
            same = false;
        }
        return same;
    }

    private static boolean sameKeys(List<IndexKey> e, List<IndexKey> a) {
        if (e.size() != a.size()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            IndexKey x = e.get(i);
            IndexKey y = a.get(i);
            boolean same = (x.column() == null ? y.column() == null
                    : y.column() != null && Identifiers.same(x.column(), y.column()))
                    && Objects.equals(x.expression(), y.expression())
                    && sameIgnoringCase(x.collation(), y.collation())
                    && x.descending() == y.descending();
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** {@code (a COLLATE NOCASE DESC, lower ( b ))}. */
    static String show(List<IndexKey> keys) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            IndexKey k = keys.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(k.column() != null ? k.column() : k.expression());
            if (k.collation() != null) {
                sb.append(" COLLATE ").append(k.collation());
            }
            if (k.descending()) {
                sb.append(" DESC");
            }
        }
        return sb.append(')').toString();
    }

    private static boolean triggers(Trigger e, Trigger a, List<Change> out) {
        boolean same = true;
        if (!Identifiers.same(e.table(), a.table())) {
            if (out == null) {
                return false;
            }
            out.add(new Change.TriggerDiffers(e.id(), new Change.Attribute("table", e.table(), a.table())));
            same = false;
        }
        if (!e.definition().equals(a.definition())) {
            if (out == null) {
                return false;
            }
            out.add(new Change.TriggerDiffers(e.id(),
                    new Change.Attribute("definition", e.definition(), a.definition())));
            same = false;
        }
        return same;
    }

    static boolean sameNames(List<String> e, List<String> a) {
        if (e.size() != a.size()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            if (!Identifiers.same(e.get(i), a.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameIgnoringCase(String e, String a) {
        return e == null ? a == null : a != null && e.equalsIgnoreCase(a);
    }
}
