package dev.converge.schema;

import dev.converge.PropertySeed;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

class SchemaDiffPropertiesTest {
    static final int EXAMPLES = Boolean.getBoolean("converge.long") ? 3000 : 60;

    private final Map<String, Integer> coverage = new TreeMap<>();

    private void count(String kind, boolean seen) {
        coverage.merge(kind, seen ? 1 : 0, Integer::sum);
    }

    private void assertCoverage() {
        assertThat(coverage).as("every kind of generated case appears at least once").allSatisfy(
                (kind, n) -> assertThat(n).as(kind).isPositive());
    }

    private void countTable(GenTable t) {
        count("generated column", t.columns().stream().anyMatch(GenTable.GenColumn::generated));
        count("without rowid", t.withoutRowid());
        count("strict", t.strict());
        count("autoincrement", t.autoincrement());
        count("table primary key", !t.pkInColumn() && !t.primaryKey().isEmpty());
        count("column primary key", t.pkInColumn() && !t.primaryKey().isEmpty());
        count("foreign key", !t.foreignKeys().isEmpty());
        count("unique", !t.uniques().isEmpty() || t.columns().stream().anyMatch(GenTable.GenColumn::unique));
        count("check", !t.checkRefs().isEmpty());
        count("default", t.columns().stream().anyMatch(c -> c.dflt() != null));
    }

    private static Gen<GenTable> tables() {
        return SchemaGenerators.table("Gen Table");
    }

    private static Gen<GenIndex> indexes() {
        return in -> SchemaGenerators.generateIndex(in, SchemaGenerators.generateTable(in, "t"), "Idx");
    }

    @Test
    void spellingCaseQuotesWhitespaceAndCommentsNeverChangeATable() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(tables()).checkAssert(t -> {
            countTable(t);
            Table plain = (Table) SchemaParser.parse(ObjectType.TABLE, t.sql());
            for (GenTable.Style style : List.of(GenTable.Style.SCRAMBLED, GenTable.Style.BACKTICKS)) {
                Table other = (Table) SchemaParser.parse(ObjectType.TABLE, t.sql(style));
                assertThat(SchemaDiff.between(plain, other)).as(t.sql(style)).isEmpty();
                assertThat(SchemaDiff.sameDefinition(plain, other)).isTrue();
            }
        });
        assertCoverage();
    }

    @Test
    void spellingNeverChangesAnIndex() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(indexes()).checkAssert(i -> {
            count("expression key", i.keys().stream().anyMatch(GenIndex.Key::expression));
            count("partial", i.whereRef() != null);
            count("unique index", i.unique());
            Index plain = (Index) SchemaParser.parse(ObjectType.INDEX, i.sql());
            Index other = (Index) SchemaParser.parse(ObjectType.INDEX, i.sql(GenTable.Style.SCRAMBLED));
            assertThat(SchemaDiff.between(plain, other)).as(i.sql(GenTable.Style.SCRAMBLED)).isEmpty();
            assertThat(SchemaDiff.sameDefinition(plain, other)).isTrue();
        });
        assertCoverage();
    }

    @Test
    void everySingleAttributeMutationOfATableIsDetected() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(tables()).checkAssert(t -> {
            Table table = (Table) SchemaParser.parse(ObjectType.TABLE, t.sql());
            for (Mutation<Table> m : tableMutations(table)) {
                Table mutant = m.apply(table);
                assertThat(SchemaDiff.sameDefinition(table, mutant)).as(m.name).isFalse();
                assertThat(SchemaDiff.sameDefinition(mutant, table)).as(m.name).isFalse();
                assertThat(SchemaDiff.between(table, mutant)).as(m.name).isNotEmpty();
                assertThat(SchemaDiff.between(mutant, table)).as(m.name).isNotEmpty();
                count(m.kind, true);
            }
        });
        assertThat(coverage.keySet()).contains("type", "not null", "default", "collation", "generated", "drop column",
                "add column", "primary key", "foreign key", "unique", "check", "strict", "without rowid");
    }

    @Test
    void everySingleAttributeMutationOfAnIndexIsDetected() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(indexes()).checkAssert(i -> {
            Index index = (Index) SchemaParser.parse(ObjectType.INDEX, i.sql());
            for (Mutation<Index> m : indexMutations(index)) {
                Index mutant = m.apply(index);
                assertThat(SchemaDiff.sameDefinition(index, mutant)).as(m.name).isFalse();
                assertThat(SchemaDiff.between(index, mutant)).as(m.name).isNotEmpty();
                assertThat(SchemaDiff.between(mutant, index)).as(m.name).isNotEmpty();
            }
        });
    }

    @Test
    void sameDefinitionAgreesWithAnEmptyDiff() {
        Gen<GenTable> small = in -> SchemaGenerators.generateTable(in, "t");
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES * 3).forAll(small, small).checkAssert((x, y) -> {
            Table a = (Table) SchemaParser.parse(ObjectType.TABLE, x.sql());
            Table b = (Table) SchemaParser.parse(ObjectType.TABLE, y.sql());
            assertThat(SchemaDiff.sameDefinition(a, b)).isEqualTo(SchemaDiff.between(a, b).isEmpty());
            assertThat(SchemaDiff.sameDefinition(a, b)).isEqualTo(SchemaDiff.sameDefinition(b, a));
            assertThat(SchemaDiff.sameDefinition(a, a)).isTrue();
        });
    }

    record Mutation<T>(String kind, String name, Function<T, T> f) {
        T apply(T t) {
            return f.apply(t);
        }
    }

    static List<Mutation<Table>> tableMutations(Table t) {
        List<Mutation<Table>> out = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            int at = i;
            Column c = t.columns().get(i);
            String n = c.name();
            out.add(col("type", n, t, at, new Column(n, c.type() + "X", c.notNull(), c.defaultValue(),
                    c.primaryKeyPosition(), c.collation(), c.generated(), c.stored())));
            out.add(col("not null", n, t, at, new Column(n, c.type(), !c.notNull(), c.defaultValue(),
                    c.primaryKeyPosition(), c.collation(), c.generated(), c.stored())));
            out.add(col("default", n, t, at, new Column(n, c.type(), c.notNull(),
                    c.defaultValue() == null ? "0" : null, c.primaryKeyPosition(), c.collation(), c.generated(),
                    c.stored())));
            out.add(col("collation", n, t, at, new Column(n, c.type(), c.notNull(), c.defaultValue(),
                    c.primaryKeyPosition(), c.collation() == null ? "NOCASE" : null, c.generated(), c.stored())));
            out.add(col("generated", n, t, at, new Column(n, c.type(), c.notNull(), c.defaultValue(),
                    c.primaryKeyPosition(), c.collation(), c.generated() == null ? "1" : null, c.stored())));
            if (c.isGenerated()) {
                out.add(col("generated", n + " stored", t, at, new Column(n, c.type(), c.notNull(),
                        c.defaultValue(), c.primaryKeyPosition(), c.collation(), c.generated(), !c.stored())));
            }
            out.add(col("rename column", n, t, at, new Column(n + "_2", c.type(), c.notNull(), c.defaultValue(),
                    c.primaryKeyPosition(), c.collation(), c.generated(), c.stored())));
            out.add(new Mutation<>("drop column", "drop " + n, x -> {
                List<Column> cols = new ArrayList<>(x.columns());
                cols.remove(at);
                return copy(x, cols, x.primaryKey(), x.uniques(), x.checks(), x.foreignKeys());
            }));
        }
        out.add(new Mutation<>("add column", "add column", x -> {
            List<Column> cols = new ArrayList<>(x.columns());
            cols.add(new Column("added", "", false, null, 0, null, null, false));
            return copy(x, cols, x.primaryKey(), x.uniques(), x.checks(), x.foreignKeys());
        }));
        out.add(new Mutation<>("primary key", "primary key", x -> {
            List<String> pk = new ArrayList<>(x.primaryKey());
            if (pk.isEmpty()) {
                pk.add(x.columns().get(0).name());
            } else {
                pk.remove(pk.size() - 1);
            }
            return copy(x, x.columns(), pk, x.uniques(), x.checks(), x.foreignKeys());
        }));
        out.add(new Mutation<>("unique", "unique added", x -> copy(x, x.columns(), x.primaryKey(),
                plus(x.uniques(), List.of("zz")), x.checks(), x.foreignKeys())));
        for (int i = 0; i < t.uniques().size(); i++) {
            int at = i;
            out.add(new Mutation<>("unique", "unique removed", x -> copy(x, x.columns(), x.primaryKey(),
                    minus(x.uniques(), at), x.checks(), x.foreignKeys())));
        }
        out.add(new Mutation<>("check", "check added", x -> copy(x, x.columns(), x.primaryKey(), x.uniques(),
                plus(x.checks(), "zz > 0"), x.foreignKeys())));
        for (int i = 0; i < t.checks().size(); i++) {
            int at = i;
            out.add(new Mutation<>("check", "check removed", x -> copy(x, x.columns(), x.primaryKey(), x.uniques(),
                    minus(x.checks(), at), x.foreignKeys())));
        }
        ForeignKey base = t.foreignKeys().isEmpty()
                ? new ForeignKey(List.of("a"), "p", List.of(), "NO ACTION", "NO ACTION", null, false)
                : t.foreignKeys().get(0);
        List<ForeignKey> variants = List.of(
                new ForeignKey(List.of("zz"), base.table(), base.refColumns(), base.onDelete(), base.onUpdate(),
                        base.match(), base.deferred()),
                new ForeignKey(base.columns(), "other", base.refColumns(), base.onDelete(), base.onUpdate(),
                        base.match(), base.deferred()),
                new ForeignKey(base.columns(), base.table(), List.of("zz"), base.onDelete(), base.onUpdate(),
                        base.match(), base.deferred()),
                new ForeignKey(base.columns(), base.table(), base.refColumns(),
                        base.onDelete().equals("CASCADE") ? "RESTRICT" : "CASCADE", base.onUpdate(), base.match(),
                        base.deferred()),
                new ForeignKey(base.columns(), base.table(), base.refColumns(), base.onDelete(),
                        base.onUpdate().equals("CASCADE") ? "RESTRICT" : "CASCADE", base.match(), base.deferred()),
                new ForeignKey(base.columns(), base.table(), base.refColumns(), base.onDelete(), base.onUpdate(),
                        base.match() == null ? "FULL" : null, base.deferred()),
                new ForeignKey(base.columns(), base.table(), base.refColumns(), base.onDelete(), base.onUpdate(),
                        base.match(), !base.deferred()));
        for (ForeignKey v : variants) {
            out.add(new Mutation<>("foreign key", "foreign key " + v, x -> {
                List<ForeignKey> fks = new ArrayList<>(x.foreignKeys());
                if (fks.isEmpty()) {
                    fks.add(v);
                } else {
                    fks.set(0, v);
                }
                return copy(x, x.columns(), x.primaryKey(), x.uniques(), x.checks(), fks);
            }));
        }
        out.add(new Mutation<>("autoincrement", "autoincrement", x -> new Table(x.name(), x.columns(),
                x.primaryKey(), !x.autoincrement(), x.uniques(), x.checks(), x.foreignKeys(), x.withoutRowid(),
                x.strict(), x.module(), x.moduleArgs(), x.sql())));
        out.add(new Mutation<>("without rowid", "without rowid", x -> new Table(x.name(), x.columns(),
                x.primaryKey(), x.autoincrement(), x.uniques(), x.checks(), x.foreignKeys(), !x.withoutRowid(),
                x.strict(), x.module(), x.moduleArgs(), x.sql())));
        out.add(new Mutation<>("strict", "strict", x -> new Table(x.name(), x.columns(), x.primaryKey(),
                x.autoincrement(), x.uniques(), x.checks(), x.foreignKeys(), x.withoutRowid(), !x.strict(),
                x.module(), x.moduleArgs(), x.sql())));
        out.add(new Mutation<>("module", "module", x -> new Table(x.name(), x.columns(), x.primaryKey(),
                x.autoincrement(), x.uniques(), x.checks(), x.foreignKeys(), x.withoutRowid(), x.strict(),
                "fts5", x.moduleArgs(), x.sql())));
        out.add(new Mutation<>("module", "module arguments", x -> new Table(x.name(), x.columns(), x.primaryKey(),
                x.autoincrement(), x.uniques(), x.checks(), x.foreignKeys(), x.withoutRowid(), x.strict(),
                x.module(), "a , b", x.sql())));
        return out;
    }

    private static Mutation<Table> col(String kind, String column, Table t, int at, Column replacement) {
        return new Mutation<>(kind, kind + " of " + column, x -> {
            List<Column> cols = new ArrayList<>(x.columns());
            cols.set(at, replacement);
            return copy(x, cols, x.primaryKey(), x.uniques(), x.checks(), x.foreignKeys());
        });
    }

    private static Table copy(Table x, List<Column> cols, List<String> pk, List<List<String>> uniques,
                              List<String> checks, List<ForeignKey> fks) {
        return new Table(x.name(), cols, pk, x.autoincrement(), uniques, checks, fks, x.withoutRowid(), x.strict(),
                x.module(), x.moduleArgs(), x.sql());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static <T> List<T> minus(List<T> list, int at) {
        List<T> out = new ArrayList<>(list);
        out.remove(at);
        return out;
    }

    static List<Mutation<Index>> indexMutations(Index i) {
        List<Mutation<Index>> out = new ArrayList<>();
        out.add(new Mutation<>("table", "table", x -> new Index(x.name(), x.table() + "2", x.keys(), x.unique(),
                x.where(), x.sql())));
        out.add(new Mutation<>("unique", "unique", x -> new Index(x.name(), x.table(), x.keys(), !x.unique(),
                x.where(), x.sql())));
        out.add(new Mutation<>("where", "where", x -> new Index(x.name(), x.table(), x.keys(), x.unique(),
                x.where() == null ? "a > 0" : null, x.sql())));
        out.add(new Mutation<>("keys", "key added", x -> new Index(x.name(), x.table(),
                plus(x.keys(), new IndexKey("zz", null, null, false)), x.unique(), x.where(), x.sql())));
        for (int k = 0; k < i.keys().size(); k++) {
            int at = k;
            IndexKey key = i.keys().get(k);
            List<IndexKey> variants = List.of(
                    key.column() != null ? new IndexKey(null, key.column(), key.collation(), key.descending())
                            : new IndexKey("zz", null, key.collation(), key.descending()),
                    new IndexKey(key.column(), key.expression(), key.collation() == null ? "NOCASE" : null,
                            key.descending()),
                    new IndexKey(key.column(), key.expression(), key.collation(), !key.descending()));
            for (IndexKey v : variants) {
                out.add(new Mutation<>("keys", "key " + at + " -> " + v, x -> {
                    List<IndexKey> keys = new ArrayList<>(x.keys());
                    keys.set(at, v);
                    return new Index(x.name(), x.table(), keys, x.unique(), x.where(), x.sql());
                }));
            }
            out.add(new Mutation<>("keys", "key removed " + at, x -> new Index(x.name(), x.table(),
                    minus(x.keys(), at), x.unique(), x.where(), x.sql())));
        }
        return out;
    }
}
