package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.List;

/**
 * Converge owns exactly one table in the user's database, the history table (DESIGN.md §2): a migration or baseline
 * that creates, drops, alters or writes it is refused before anything runs, naming the file and line.
 */
public final class HistoryTableGuard {
    private HistoryTableGuard() {
    }

    /**
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} at the first statement of {@code statements} (from
     *                           {@code origin}) that names {@code historyTable}
     */
    public static void refuseTouching(List<Statement> statements, String origin, String historyTable) {
        for (Statement st : statements) {
            if (st.names(historyTable)) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, origin + ":" + st.line() + ": `" + st.firstLine()
                                + "` touches the history table " + historyTable + ", which Converge owns. Nothing was"
                                + " changed; remove the statement (or configure another history table name).")
                        .file(origin).line(st.line()).object(historyTable).build();
            }
        }
    }
}
