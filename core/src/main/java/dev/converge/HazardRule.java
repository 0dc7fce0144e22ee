package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.LintReport.Severity;
import dev.converge.schema.Schema;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import dev.converge.sql.Token;
import dev.converge.sql.TokenType;
import dev.converge.sql.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/** One hazard rule: looks at one statement, with the schema before its migration and before the statement. */
interface HazardRule {
    void check(Context c, List<Finding> out);

    /**
     * @param file       the migration file
     * @param meant      whether the comment lines right above a line say a loss is meant ({@link MeantComments})
     * @param statements its statements
     * @param index      which one is checked
     * @param atStart    the schema before the migration: a table in it may hold rows on a real database
     * @param before     the schema right before the statement
     */
    record Context(String file, java.util.function.IntPredicate meant, List<Statement> statements, int index,
                   Schema atStart, Schema before) {
        Statement statement() {
            return statements.get(index);
        }

        /** True when the table existed before this migration, so a real database may hold rows in it. */
        boolean mayHoldRows(String table) {
            return table != null && atStart.table(table).isPresent();
        }

        void warn(List<Finding> out, String message) {
            out.add(new Finding(Severity.WARNING, file, statement().line(), "`" + statement().firstLine() + "` "
                    + message));
        }

        /**
         * True when the comment lines right above the statement say the loss is meant: "on purpose",
         * "intentional(ly)" or "deliberate(ly)" (see {@link MeantComments}).
         */
        boolean meantAbove() {
            return meant.test(statement().line());
        }

        /** True when an earlier statement of this migration copies rows out of {@code table} (reads it with FROM). */
        boolean copiedBefore(String table) {
            for (int i = 0; i < index; i++) {
                Statement st = statements.get(i);
                boolean copies = st.kind() == StatementKind.INSERT || st.kind() == StatementKind.REPLACE
                        || st.kind() == StatementKind.CREATE_TABLE || st.kind() == StatementKind.UPDATE;
                if (copies && st.readsFrom(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The tables a statement reads: the names right after FROM or JOIN. */
    static List<String> readTables(Statement st) {
        List<Token> tokens = words(st);
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("FROM") || tokens.get(i).is("JOIN")) {
                out.add(Identifiers.unquote(tokens.get(i + 1).text()));
            }
        }
        return out;
    }

    /** The tokens of a statement without comments. */
    static List<Token> words(Statement st) {
        List<Token> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(st.text(), "<lint>")) {
            if (t.type() != TokenType.COMMENT) {
                out.add(t);
            }
        }
        return out;
    }

    /** The column list of {@code INSERT INTO t (a, b) …}, or null for a positional INSERT. */
    static List<String> insertColumns(Statement st) {
        List<Token> tokens = words(st);
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).is("INTO")) {
            i++;
        }
        i += 2;
        if (i < tokens.size() && tokens.get(i).isPunct(".")) {
            i += 2;
        }
        if (i >= tokens.size() || !tokens.get(i).isPunct("(")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (i++; i < tokens.size() && !tokens.get(i).isPunct(")"); i++) {
            if (!tokens.get(i).isPunct(",")) {
                out.add(Identifiers.unquote(tokens.get(i).text()));
            }
        }
        return out;
    }
}
