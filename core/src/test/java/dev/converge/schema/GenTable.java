package dev.converge.schema;

import dev.converge.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A generated table definition that SQLite accepts, rendered as CREATE text in a plain or a scrambled
 * {@link Style} (keyword case, identifier quotes, whitespace and comments differ; the structure does not).
 * Expressions are templates over column names so that a column rename can be followed. Its {@code toString} is the
 * plain SQL, so a shrunk failure reads as a script.
 */
public record GenTable(String name, List<GenColumn> columns, List<String> primaryKey, boolean pkInColumn,
                       boolean autoincrement, List<List<String>> uniques, List<String> checkRefs,
                       List<GenForeignKey> foreignKeys, boolean withoutRowid, boolean strict) {

    /** How to spell the SQL. */
    public record Style(boolean lowerKeywords, int quotes, String space) {
        public static final Style PLAIN = new Style(false, 0, " ");
        public static final Style SCRAMBLED = new Style(true, 1, " /* c */\n  ");
        public static final Style BACKTICKS = new Style(true, 2, "\t ");

        String kw(String words) {
            return lowerKeywords ? words.toLowerCase(Locale.ROOT) : words;
        }

        String name(String n) {
            return switch (quotes) {
                case 1 -> "[" + n + "]";
                case 2 -> "`" + n.replace("`", "``") + "`";
                default -> Identifiers.quote(n);
            };
        }

        String type(String t) {
            if (!lowerKeywords) {
                return t;
            }
            return t.toLowerCase(Locale.ROOT).replace("(", " ( ").replace(",", " , ").replace(")", " )");
        }
    }

    /**
     * A column; {@code generatedRef} names the column a generated expression reads ({@code ref * 2}),
     * {@code checkRef} the one a column CHECK reads ({@code length(ref) < 100}).
     */
    public record GenColumn(String name, String type, boolean notNull, String dflt, String collation,
                            String generatedRef, boolean stored, boolean unique, String checkRef) {
        public boolean generated() {
            return generatedRef != null;
        }

        GenColumn renamed(UnaryOperator<String> r) {
            return new GenColumn(r.apply(name), type, notNull, dflt, collation,
                    generatedRef == null ? null : r.apply(generatedRef), stored, unique,
                    checkRef == null ? null : r.apply(checkRef));
        }
    }

    /** A foreign key to a parent that need not exist (enforcement is off). */
    public record GenForeignKey(List<String> columns, String parent, List<String> refColumns, String onDelete,
                                String onUpdate, boolean deferred) {
        GenForeignKey renamed(UnaryOperator<String> r) {
            return new GenForeignKey(columns.stream().map(r).toList(), parent, refColumns, onDelete, onUpdate,
                    deferred);
        }
    }

    public String sql() {
        return sql(Style.PLAIN);
    }

    public String sql(Style s) {
        return sql(s, columns);
    }

    /** The CREATE text with only these columns (the others are to be added later by ALTER TABLE ADD COLUMN). */
    public String sql(Style s, List<GenColumn> cols) {
        String sp = s.space();
        StringBuilder sb = new StringBuilder(s.kw("CREATE TABLE ")).append(s.name(name)).append('(');
        List<String> parts = new ArrayList<>();
        for (GenColumn c : cols) {
            parts.add(column(s, c));
        }
        if (!primaryKey.isEmpty() && !pkInColumn) {
            parts.add(s.kw("PRIMARY KEY") + " (" + names(s, primaryKey) + ")");
        }
        for (List<String> u : uniques) {
            parts.add(s.kw("CONSTRAINT") + " " + s.name("u_" + parts.size()) + " " + s.kw("UNIQUE") + sp + "("
                    + names(s, u) + ")");
        }
        for (String ref : checkRefs) {
            parts.add(s.kw("CHECK") + "(" + s.name(ref) + sp + s.kw("IS NOT NULL OR 1") + ")");
        }
        for (GenForeignKey fk : foreignKeys) {
            parts.add(s.kw("FOREIGN KEY") + "(" + names(s, fk.columns()) + ")" + sp + references(s, fk));
        }
        sb.append(sp).append(String.join("," + sp, parts)).append(sp).append(')');
        List<String> options = new ArrayList<>();
        if (withoutRowid) {
            options.add(s.kw("WITHOUT ROWID"));
        }
        if (strict) {
            options.add(s.kw("STRICT"));
        }
        if (!options.isEmpty()) {
            sb.append(' ').append(String.join(", ", options));
        }
        return sb.toString();
    }

    /** One column definition, as in CREATE TABLE or ALTER TABLE ADD COLUMN. */
    public String column(Style s, GenColumn c) {
        String sp = s.space();
        StringBuilder sb = new StringBuilder(s.name(c.name()));
        if (!c.type().isEmpty()) {
            sb.append(' ').append(s.type(c.type()));
        }
        if (pkInColumn && !primaryKey.isEmpty() && Identifiers.same(primaryKey.get(0), c.name())) {
            sb.append(sp).append(s.kw("PRIMARY KEY"));
            if (autoincrement) {
                sb.append(' ').append(s.kw("AUTOINCREMENT"));
            }
        }
        if (c.notNull()) {
            sb.append(sp).append(s.kw("NOT NULL"));
        }
        if (c.dflt() != null) {
            sb.append(sp).append(s.kw("DEFAULT")).append(' ').append(isWord(c.dflt()) ? s.kw(c.dflt()) : c.dflt());
        }
        if (c.collation() != null) {
            sb.append(sp).append(s.kw("COLLATE ")).append(s.kw(c.collation()));
        }
        if (c.unique()) {
            sb.append(sp).append(s.kw("UNIQUE"));
        }
        if (c.checkRef() != null) {
            sb.append(sp).append(s.kw("CHECK")).append(" (length(").append(s.name(c.checkRef())).append(") < 100)");
        }
        if (c.generated()) {
            sb.append(sp).append(s.lowerKeywords() ? "AS" : "GENERATED ALWAYS AS")
                    .append(" (").append(s.name(c.generatedRef())).append(" * 2)")
                    .append(c.stored() ? " " + s.kw("STORED") : s.lowerKeywords() ? "" : " VIRTUAL");
        }
        return sb.toString();
    }

    private static boolean isWord(String v) {
        return Character.isLetter(v.charAt(0)) && v.indexOf('\'') < 0;
    }

    private static String references(Style s, GenForeignKey fk) {
        StringBuilder sb = new StringBuilder(s.kw("REFERENCES ")).append(s.name(fk.parent()));
        if (!fk.refColumns().isEmpty()) {
            sb.append('(').append(names(s, fk.refColumns())).append(')');
        }
        if (!fk.onDelete().equals("NO ACTION") || s.lowerKeywords()) {
            sb.append(' ').append(s.kw("ON DELETE ")).append(s.kw(fk.onDelete()));
        }
        if (!fk.onUpdate().equals("NO ACTION")) {
            sb.append(' ').append(s.kw("ON UPDATE ")).append(s.kw(fk.onUpdate()));
        }
        if (fk.deferred()) {
            sb.append(' ').append(s.kw("DEFERRABLE INITIALLY DEFERRED"));
        }
        return sb.toString();
    }

    private static String names(Style s, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(s.name(n));
        }
        return String.join(", ", out);
    }

    /** This table with a column renamed everywhere it is mentioned, as SQLite's RENAME COLUMN does. */
    public GenTable renameColumn(String from, String to) {
        UnaryOperator<String> r = n -> Identifiers.same(n, from) ? to : n;
        return new GenTable(name, columns.stream().map(c -> c.renamed(r)).toList(),
                primaryKey.stream().map(r).toList(), pkInColumn, autoincrement,
                uniques.stream().map(u -> u.stream().map(r).toList()).toList(), checkRefs.stream().map(r).toList(),
                foreignKeys.stream().map(f -> f.renamed(r)).toList(), withoutRowid, strict);
    }

    /** This table without a column (which nothing else mentions). */
    public GenTable dropColumn(String column) {
        return new GenTable(name, columns.stream().filter(c -> !Identifiers.same(c.name(), column)).toList(),
                primaryKey, pkInColumn, autoincrement, uniques, checkRefs, foreignKeys, withoutRowid, strict);
    }

    public GenTable renamed(String newName) {
        return new GenTable(newName, columns, primaryKey, pkInColumn, autoincrement, uniques, checkRefs,
                foreignKeys, withoutRowid, strict);
    }

    /** True when some constraint, expression or key of the table mentions this column. */
    public boolean mentions(String column) {
        for (String n : primaryKey) {
            if (Identifiers.same(n, column)) {
                return true;
            }
        }
        for (List<String> u : uniques) {
            for (String n : u) {
                if (Identifiers.same(n, column)) {
                    return true;
                }
            }
        }
        for (String n : checkRefs) {
            if (Identifiers.same(n, column)) {
                return true;
            }
        }
        for (GenForeignKey fk : foreignKeys) {
            for (String n : fk.columns()) {
                if (Identifiers.same(n, column)) {
                    return true;
                }
            }
        }
        for (GenColumn c : columns) {
            if (c.generatedRef() != null && Identifiers.same(c.generatedRef(), column)
                    || c.checkRef() != null && Identifiers.same(c.checkRef(), column)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return sql();
    }
}
