package dev.converge.detect;

import dev.converge.schema.Index;
import dev.converge.schema.IndexKey;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.Table;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule "a write safe to repeat runs again" (docs/design.md §6): rows in a table do not prove that a statement writing
 * them ran — a full-schema script may have made the table ahead and the application filled it. An {@code INSERT OR
 * IGNORE} (or {@code … ON CONFLICT DO NOTHING}) into a table that has a key whose every column the statement writes
 * inserts only rows that are not there yet: running it again costs nothing when it ran and keeps the rows a plain
 * runner would have when it did not. Pure.
 */
final class SafeRepeats {
    private SafeRepeats() {
    }

    /** {@code INSERT OR IGNORE INTO t (cols)} / {@code INSERT INTO t (cols) … ON CONFLICT DO NOTHING}. */
    private static final Pattern IGNORING = Pattern.compile(
            "(?is)INSERT\\s++OR\\s++IGNORE\\s++INTO\\s++[^(\\s]++\\s*+(?:\\(([^)]*+)\\))?");
    private static final Pattern INSERT_INTO = Pattern.compile(
            "(?is)INSERT\\s++INTO\\s++[^(\\s]++\\s*+(?:\\(([^)]*+)\\))?");
    private static final Pattern DO_NOTHING = Pattern.compile("(?is)\\bON\\s++CONFLICT\\b[^;]*?\\bDO\\s++NOTHING\\b");

    /**
     * True when {@code st}, a data statement that ran at point {@code ran} of the reference, can run again at
     * {@code point}: every table it reads or writes stands there as it stood when it ran, no statement {@code after}
     * it in its migration updates or deletes rows of its target (a repeat would bring back rows they changed; whether
     * those ran is what the reading cannot tell), and
     * it inserts only rows its target lacks, judged by the target's keys.
     */
    static boolean safeToRepeat(Reference ref, Statement st, int ran, int point, List<Statement> after) {
        if (st.kind() != StatementKind.INSERT || st.tableName() == null) {
            return false;
        }
        for (Statement later : after) {
            if (later.kind().isData() && later.kind() != StatementKind.INSERT
                    && (later.tableName() == null || Identifiers.same(later.tableName(), st.tableName()))) {
                return false;
            }
        }
        Matcher m = IGNORING.matcher(st.text());
        if (!m.find()) {
            m = INSERT_INTO.matcher(st.text());
            if (!(m.find() && DO_NOTHING.matcher(st.text()).find())) {
                return false;
            }
        }
        if (!tablesAsWhenItRan(ref, st, ran, point)) {
            return false;
        }
        ObjectHistory h = ref.objects().get(ObjectId.table(st.tableName()));
        SchemaObject at = h == null ? null : h.at(point);
        if (!(at instanceof Table table)) {
            return false;
        }
        Set<String> written = new HashSet<>();
        if (m.group(1) == null) {
            table.columns().forEach(c -> written.add(Identifiers.key(c.name())));
        } else {
            for (String c : m.group(1).split(",")) {
                written.add(Identifiers.key(c.strip()));
            }
        }
        for (List<String> key : keys(ref, table, point)) {
            if (!key.isEmpty() && written.containsAll(key)) {
                return true;
            }
        }
        return false;
    }

    /** True when every table {@code st} reads or writes has the same definition at {@code point} as at {@code ran}. */
    private static boolean tablesAsWhenItRan(Reference ref, Statement st, int ran, int point) {
        for (ObjectHistory h : ref.objects().values()) {
            if (h.id().type() != ObjectType.TABLE) {
                continue;
            }
            String name = Repairs.nameOf(ref, h.id());
            if (!Identifiers.same(name, st.tableName()) && !st.readsFrom(name)) {
                continue;
            }
            SchemaObject then = h.at(ran);
            SchemaObject now = h.at(point);
            if (then == null || now == null || !then.sameDefinition(now)) {
                return false;
            }
        }
        return true;
    }

    /** The table's keys at {@code point}: its primary key, UNIQUE constraints and unique indexes on plain columns. */
    private static List<List<String>> keys(Reference ref, Table table, int point) {
        List<List<String>> out = new ArrayList<>();
        out.add(table.primaryKey().stream().map(Identifiers::key).toList());
        table.uniques().forEach(u -> out.add(u.stream().map(Identifiers::key).toList()));
        for (ObjectHistory h : ref.objects().values()) {
            if (h.id().type() == ObjectType.INDEX && h.at(point) instanceof Index ix && ix.unique() && ix.where() == null
                    && Identifiers.same(ix.table(), table.name())) {
                List<String> cols = new ArrayList<>();
                for (IndexKey k : ix.keys()) {
                    if (k.column() == null) {
                        cols = List.of();
                        break;
                    }
                    cols.add(Identifiers.key(k.column()));
                }
                out.add(cols);
            }
        }
        return out;
    }
}
