package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.LintReport.Severity;
import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Reference;
import dev.converge.error.ConvergeException;
import dev.converge.schema.Change;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.Table;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.Script;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Static checks of a migration set and its baseline (DESIGN.md §2): the baseline builds exactly S_n, in the same
 * column order; no positional copies that a column-order difference would corrupt; the seed rows a baseline install
 * never runs; no migration touches the history table; no statement breaks atomicity.
 */
final class Lint {
    private Lint() {
    }

    /** The message of {@code e} without its leading "file:line: ", which the finding already shows. */
    private static String withoutLocation(ConvergeException e) {
        return e.line().isPresent() ? e.getMessage().replaceFirst("^\\S+:" + e.line().getAsInt() + ": ", "")
                : e.getMessage();
    }

    static LintReport run(MigrationSet set, Script baseline, String historyTable) {
        List<Finding> out = new ArrayList<>();
        boolean splitOk = true;
        for (Migration m : set) {
            try {
                for (Statement st : m.statements()) {
                    if (st.breaksAtomicity()) {
                        out.add(new Finding(Severity.ERROR, m.origin(), st.line(), "`" + st.firstLine()
                                + "` would break the one-transaction-per-migration guarantee; remove it"));
                    }
                    touchesHistory(out, m.origin(), st, historyTable);
                }
            } catch (ConvergeException e) {
                splitOk = false;
                out.add(new Finding(Severity.ERROR, m.origin(), e.line().orElse(0), withoutLocation(e)));
            }
        }
        if (!splitOk) {
            return sorted(out);
        }
        Reference ref;
        try {
            ref = Reference.replay(set);
        } catch (ConvergeException e) {
            out.add(new Finding(Severity.ERROR, e.file().orElse(null), e.line().orElse(0), withoutLocation(e)));
            return sorted(out);
        }
        Schema target = ref.target();
        Schema base = null;
        if (baseline != null) {
            for (Statement st : baseline.statements()) {
                touchesHistory(out, baseline.origin(), st, historyTable);
                if (st.breaksAtomicity()) {
                    out.add(new Finding(Severity.ERROR, baseline.origin(), st.line(), "`" + st.firstLine()
                            + "` would break atomicity; remove it"));
                }
            }
            try {
                base = Reference.replayScript(baseline);
            } catch (ConvergeException e) {
                out.add(new Finding(Severity.ERROR, baseline.origin(), e.line().orElse(0), withoutLocation(e)));
            }
        }
        if (base != null) {
            for (Change c : SchemaDiff.between(target, base)) {
                out.add(new Finding(Severity.ERROR, baseline.origin(), 0, "baseline differs from the schema the "
                        + "migrations build (expected = migrations, actual = baseline): " + c.describe()));
            }
            for (Change c : SchemaDiff.columnOrderNotes(target, base)) {
                out.add(new Finding(Severity.WARNING, baseline.origin(), 0, c.describe()
                        + " (a database built by the baseline orders columns differently from one built by the migrations)"));
            }
        }
        out.addAll(HazardLint.check(ref));
        for (MigrationEffects me : ref.migrations()) {
            Migration m = me.migration();
            for (Statement st : me.statements()) {
                if (st.kind() == StatementKind.INSERT || st.kind() == StatementKind.REPLACE) {
                    if (isPositionalCopy(st)) {
                        boolean orderDiffers = base != null && st.tableName() != null
                                && orderDiffers(target, base, st.tableName());
                        out.add(new Finding(orderDiffers ? Severity.ERROR : Severity.WARNING, m.origin(), st.line(),
                                "`" + st.firstLine() + "` copies rows by column position"
                                        + (orderDiffers ? ", and table " + st.tableName()
                                        + " has a different column order in the baseline: rows would be corrupted" : "")
                                        + "; name the columns: INSERT INTO t (a, b) SELECT a, b …"));
                    }
                }
                if (st.kind().isData() && baseline != null) {
                    out.add(new Finding(Severity.NOTE, m.origin(), st.line(), "a baseline install never runs `"
                            + st.firstLine() + "` (data statements are not part of a schema)"));
                }
            }
        }
        return sorted(out);
    }

    private static void touchesHistory(List<Finding> out, String file, Statement st, String historyTable) {
        if (st.names(historyTable)) {
            out.add(new Finding(Severity.ERROR, file, st.line(), "`" + st.firstLine() + "` touches the history table "
                    + historyTable + ", which Converge owns; remove it"));
        }
    }

    /** {@code INSERT INTO t SELECT …} or {@code INSERT INTO t VALUES …} from a SELECT without a column list. */
    private static boolean isPositionalCopy(Statement st) {
        List<Token> tokens = Tokenizer.tokenize(st.text(), "<lint>");
        int i = 0;
        while (i < tokens.size() && !(tokens.get(i).is("INTO"))) {
            i++;
        }
        i++; // table name
        if (i + 2 < tokens.size() && tokens.get(i + 1).isPunct(".")) {
            i += 2;
        }
        i++;
        while (i < tokens.size() && tokens.get(i).type() == TokenType.COMMENT) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).is("AS")) {
            i += 2;
        }
        return i < tokens.size() && (tokens.get(i).is("SELECT") || tokens.get(i).is("WITH"));
    }

    private static boolean orderDiffers(Schema target, Schema base, String table) {
        Table a = target.table(table).orElse(null);
        Table b = base.table(table).orElse(null);
        if (a == null || b == null || a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            if (!Identifiers.same(a.columns().get(i).name(), b.columns().get(i).name())) {
                return true;
            }
        }
        return false;
    }

    private static LintReport sorted(List<Finding> out) {
        out.sort(Comparator.comparing(Finding::severity));
        return new LintReport(out);
    }
}
