package dev.converge.scenarios;

import dev.converge.detect.Action;
import dev.converge.detect.MigrationState;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 11's rule that a plan may not drop a table holding rows unless the same run copied them out first, or the
 * migration run whole would drop them too. The harness's "nothing lost" cannot see this loss when the dropped table
 * is a rebuild's old copy ({@code t_old}, {@code a<t>}): its rows are gone from the target by design, so they are
 * only judged here, on the plan, against the rows the database holds before the run.
 */
final class UncopiedDrops {
    private UncopiedDrops() {
    }

    /**
     * The drops of {@code plan} that take rows nobody copied: for each, which step, which table (and the name it had
     * before the run) and how many rows. Steps that run their migration whole (ABSENT) are exempt: a plain runner
     * would drop the same rows. So is a rebuild's copy ({@code new_t}) that the step drops and then fills again from
     * tables that still stand: its rows were copies and are made again.
     *
     * @param rows rows per table before the run, keyed by {@link Identifiers#key}
     */
    static List<String> of(Plan plan, Map<String, Long> rows) {
        Map<String, String> origin = new HashMap<>(); // current name -> name before the run
        rows.keySet().forEach(t -> origin.put(t, t));
        Set<String> copiedOut = new HashSet<>();      // names before the run whose rows a copy read
        List<String> out = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.action() != Action.EXECUTE) {
                continue;
            }
            Map<String, String> pending = new LinkedHashMap<>(); // dropped name -> why it is a loss, unless re-made
            for (Statement st : step.statements()) {
                if (st.copiesRows() || createsFromQuery(st)) {
                    boolean sourcesStand = true;
                    for (String source : sources(st)) {
                        String o = origin.get(Identifiers.key(source));
                        sourcesStand &= o != null;
                        if (o != null) {
                            copiedOut.add(o);
                        }
                    }
                    if (sourcesStand && st.tableName() != null) {
                        // a rebuild's copy dropped to rerun its migration, filled again from tables that still stand
                        pending.remove(Identifiers.key(st.tableName()));
                    }
                } else if (st.kind() == StatementKind.ALTER_RENAME_TABLE && st.tableName() != null && st.newName() != null) {
                    String o = origin.remove(Identifiers.key(st.tableName()));
                    if (o != null) {
                        origin.put(Identifiers.key(st.newName()), o);
                    }
                } else if (st.kind() == StatementKind.DROP_TABLE && st.objectName() != null) {
                    String o = origin.remove(Identifiers.key(st.objectName()));
                    long n = o == null ? 0 : rows.getOrDefault(o, 0L);
                    if (n > 0 && !copiedOut.contains(o) && step.state() != MigrationState.ABSENT) {
                        pending.put(Identifiers.key(st.objectName()), step.name() + " (" + step.state() + ") drops table "
                                + st.objectName() + (Identifiers.same(o, st.objectName()) ? "" : " (" + o + " before the run)")
                                + " holding " + n + " row(s) that no statement of the run copied out (" + st + ")");
                    }
                }
            }
            out.addAll(pending.values());
        }
        return out;
    }

    /** True for {@code CREATE [TEMP] TABLE t AS SELECT …}: a copy into a new table (Doctrine's {@code __temp__t}). */
    static boolean createsFromQuery(Statement st) {
        if (st.kind() != StatementKind.CREATE_TABLE) {
            return false;
        }
        Token previous = null;
        for (Token t : Tokenizer.tokenize(st.text(), "copy")) {
            if (t.type() == TokenType.COMMENT) {
                continue;
            }
            if (t.isPunct("(")) {
                return false;
            }
            if (previous != null && previous.is("AS") && t.is("SELECT")) {
                return true;
            }
            previous = t;
        }
        return false;
    }

    /** The tables an {@code INSERT … SELECT} reads: every name right after a {@code FROM} or {@code JOIN}. */
    static List<String> sources(Statement st) {
        List<String> out = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(st.text(), "copy")) {
            if (t.type() != TokenType.COMMENT) {
                tokens.add(t);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if ((tokens.get(i).is("FROM") || tokens.get(i).is("JOIN")) && tokens.get(i + 1).isName()) {
                out.add(tokens.get(i + 1).unquoted());
            }
        }
        return out;
    }
}
