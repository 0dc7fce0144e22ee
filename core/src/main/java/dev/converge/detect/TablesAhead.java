package dev.converge.detect;

import dev.converge.dialect.Dialect;
import dev.converge.schema.ForeignKey;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables that stand ahead of the run (a baseline created them before the migrations that make them) keep their foreign
 * keys through the renames of earlier migrations. With SQLite's default {@code legacy_alter_table=OFF},
 * {@code ALTER TABLE p RENAME TO p_old} rewrites every foreign key that points at {@code p}; when the migrations ran in
 * order no table pointed at {@code p} yet, so the reference has nothing rewritten, but a table the baseline made early
 * would be left pointing at {@code p_old}. Where no object of the reference at that point refers to the renamed table,
 * the rename runs with {@code legacy_alter_table=ON} (which leaves foreign keys alone), so the live run matches the
 * reference. Pure; the rehearsal proves the result.
 */
final class TablesAhead {
    private TablesAhead() {
    }

    static void keepForeignKeys(Reference ref, Schema live, List<Step> steps, List<String> notes) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!(step instanceof Step.Execute exec) || step.migration() == null) {
                continue;
            }
            MigrationEffects me = ref.effectsOf(step.migration());
            List<Statement> run = new ArrayList<>();
            boolean changed = false;
            for (Statement st : step.statements()) {
                if (st.kind() == StatementKind.ALTER_RENAME_TABLE && st.tableName() != null
                        && needsLegacyRename(ref, live, me, st)) {
                    Dialect.Wrap keep = Reference.DIALECT.renameKeepingReferences();
                    run.add(Repairs.synthesized(keep.before(), step.migration().origin()));
                    run.add(st);
                    run.add(Repairs.synthesized(keep.after(), step.migration().origin()));
                    notes.add(step.name() + ": tables created ahead of it (by a baseline) point at " + st.tableName()
                            + "; its rename runs with legacy_alter_table = ON so that their foreign keys stay as the"
                            + " migrations make them");
                    changed = true;
                } else {
                    run.add(st);
                }
            }
            if (changed) {
                steps.set(i, exec.withStatements(run));
            }
        }
    }

    /** Some live table points at the renamed table while no object of the reference does just before the rename. */
    private static boolean needsLegacyRename(Reference ref, Schema live, MigrationEffects me, Statement rename) {
        int index = me.statements().indexOf(rename);
        if (index < 0) {
            return false;
        }
        Schema then = ref.schemaAt(me.start() + index);
        String renamed = rename.tableName();
        int point = me.start() + index;
        boolean liveRefers = false;
        for (Table t : live.tables()) {
            liveRefers |= pointsAt(t, renamed) && !Identifiers.same(t.name(), renamed) && madeAhead(ref, t, point);
        }
        if (!liveRefers) {
            return false;
        }
        for (SchemaObject o : then.objects()) {
            if (o instanceof Table t && pointsAt(t, renamed) && !Identifiers.same(t.name(), renamed)) {
                return false;
            }
            if ((o.id().type() == ObjectType.VIEW || o.id().type() == ObjectType.TRIGGER)
                    && mentions(o.sql(), renamed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the live table's definition stands on its timeline only after {@code point}: a baseline made it ahead
     * of the migrations. A table the run itself makes or renames before that point (a rebuild's {@code t_new}), or one
     * no migration names, is not.
     */
    private static boolean madeAhead(Reference ref, Table t, int point) {
        ObjectHistory h = ref.objects().get(t.id());
        if (h == null) {
            return false;
        }
        java.util.List<Integer> m = h.matching(t);
        if (m.isEmpty()) {
            return false;
        }
        for (int idx : m) {
            if (h.start(idx) <= point) {
                return false;
            }
        }
        return true;
    }

    private static boolean pointsAt(Table t, String table) {
        for (ForeignKey fk : t.foreignKeys()) {
            if (Identifiers.same(fk.table(), table)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String sql, String name) {
        return java.util.regex.Pattern.compile("(?i)(^|[^\\w$])[\"`\\[]?" + java.util.regex.Pattern.quote(name)
                + "[\"`\\]]?($|[^\\w$])").matcher(sql).find();
    }
}
