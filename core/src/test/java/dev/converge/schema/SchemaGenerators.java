package dev.converge.schema;

import dev.converge.sql.Identifiers;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import java.util.ArrayList;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;

/**
 * QuickTheories generators of table and index definitions that SQLite accepts: awkward names (keywords, spaces,
 * mixed case), every column attribute of the model, table constraints, WITHOUT ROWID and STRICT. Shared by the
 * schema and inspect property tests.
 */
public final class SchemaGenerators {
    private SchemaGenerators() {
    }

    static final String[] COLUMN_NAMES = {"a", "b", "Col", "key", "my col", "select", "x_1", "Grp", "value", "end",
            "Mixed Case"};
    static final String[] TYPES = {"", "INT", "INTEGER", "TEXT", "VARCHAR(10)", "DECIMAL(10,2)", "UNSIGNED BIG INT",
            "REAL", "BLOB", "NUMERIC"};
    static final String[] STRICT_TYPES = {"INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"};
    static final String[] DEFAULTS = {"1", "-1", "'x'", "(1 + 2)", "CURRENT_TIMESTAMP", "NULL", "TRUE", "2.5"};
    static final String[] COLLATIONS = {"NOCASE", "RTRIM", "BINARY"};
    static final String[] ACTIONS = {"NO ACTION", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"};

    static int pick(RandomnessSource in, int n) {
        return integers().between(0, n - 1).generate(in);
    }

    static boolean chance(RandomnessSource in, int oneIn) {
        return pick(in, oneIn) == 0;
    }

    /** A table named {@code name}. */
    public static Gen<GenTable> table(String name) {
        return in -> generateTable(in, name);
    }

    /** An index named {@code name} over columns of {@code t}. */
    public static Gen<GenIndex> index(GenTable t, String name) {
        return in -> generateIndex(in, t, name);
    }

    static GenTable generateTable(RandomnessSource in, String name) {
        boolean strict = chance(in, 4);
        boolean withoutRowid = chance(in, 4);
        int n = 1 + pick(in, 5);
        List<String> names = new ArrayList<>();
        while (names.size() < n) {
            String c = COLUMN_NAMES[pick(in, COLUMN_NAMES.length)];
            if (names.stream().noneMatch(x -> Identifiers.same(x, c))) {
                names.add(c);
            }
        }
        List<GenTable.GenColumn> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String type = strict ? STRICT_TYPES[pick(in, STRICT_TYPES.length)] : TYPES[pick(in, TYPES.length)];
            boolean notNull = chance(in, 4);
            String dflt = chance(in, 3) ? DEFAULTS[pick(in, DEFAULTS.length)] : null;
            String collation = chance(in, 4) ? COLLATIONS[pick(in, COLLATIONS.length)] : null;
            String generatedRef = null;
            boolean stored = false;
            if (i > 0 && chance(in, 4)) {
                generatedRef = names.get(0);
                stored = chance(in, 2);
                dflt = null;
            }
            boolean unique = chance(in, 6);
            String checkRef = chance(in, 6) ? names.get(pick(in, i + 1)) : null;
            columns.add(new GenTable.GenColumn(names.get(i), type, notNull, dflt, collation, generatedRef, stored,
                    unique, checkRef));
        }
        List<String> plain = new ArrayList<>();
        for (GenTable.GenColumn c : columns) {
            if (!c.generated()) {
                plain.add(c.name());
            }
        }
        int pkKind = pick(in, 3); // none, on a column, table constraint
        if (withoutRowid && pkKind == 0) {
            pkKind = 2;
        }
        List<String> pk = new ArrayList<>();
        boolean autoincrement = false;
        if (pkKind == 1) {
            String c = plain.get(pick(in, plain.size()));
            pk.add(c);
            if (!withoutRowid && chance(in, 2)) { // INTEGER PRIMARY KEY AUTOINCREMENT
                int at = names.indexOf(c);
                GenTable.GenColumn col = columns.get(at);
                columns.set(at, new GenTable.GenColumn(c, "INTEGER", col.notNull(), col.dflt(), col.collation(),
                        null, false, col.unique(), col.checkRef()));
                autoincrement = true;
            }
        } else if (pkKind == 2) {
            pk.add(plain.get(pick(in, plain.size())));
            String second = plain.get(pick(in, plain.size()));
            if (!pk.contains(second)) {
                pk.add(second);
            }
        }
        if (withoutRowid) {
            // SQLite 3.4x-3.54 refuses RENAME COLUMN after DROP COLUMN ("expressions prohibited in PRIMARY KEY and
            // UNIQUE constraints") when a WITHOUT ROWID table repeats its primary key as UNIQUE: not generated
            for (int i = 0; i < columns.size(); i++) {
                GenTable.GenColumn c = columns.get(i);
                if (c.unique() && pk.contains(c.name())) {
                    columns.set(i, new GenTable.GenColumn(c.name(), c.type(), c.notNull(), c.dflt(), c.collation(),
                            c.generatedRef(), c.stored(), false, c.checkRef()));
                }
            }
        }
        List<List<String>> uniques = new ArrayList<>();
        if (chance(in, 4)) {
            List<String> u = new ArrayList<>();
            u.add(plain.get(pick(in, plain.size())));
            String second = plain.get(pick(in, plain.size()));
            if (!u.contains(second)) {
                u.add(second);
            }
            if (!withoutRowid || !pk.containsAll(u)) {
                uniques.add(u);
            }
        }
        List<String> checkRefs = chance(in, 4) ? List.of(names.get(pick(in, n))) : List.of();
        List<GenTable.GenForeignKey> fks = new ArrayList<>();
        if (chance(in, 3)) {
            fks.add(new GenTable.GenForeignKey(List.of(plain.get(pick(in, plain.size()))), "parent_t",
                    chance(in, 2) ? List.of("id") : List.of(), ACTIONS[pick(in, ACTIONS.length)],
                    ACTIONS[pick(in, ACTIONS.length)], chance(in, 3)));
        }
        return new GenTable(name, columns, pk, pkKind == 1, autoincrement, uniques, checkRefs, fks, withoutRowid,
                strict);
    }

    static GenIndex generateIndex(RandomnessSource in, GenTable t, String name) {
        int n = 1 + pick(in, 3);
        List<GenIndex.Key> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = t.columns().get(pick(in, t.columns().size())).name();
            keys.add(new GenIndex.Key(c, chance(in, 4), chance(in, 4) ? COLLATIONS[pick(in, 2)] : null,
                    chance(in, 3)));
        }
        String where = chance(in, 4) ? t.columns().get(pick(in, t.columns().size())).name() : null;
        return new GenIndex(name, t.name(), chance(in, 4), keys, where);
    }
}
