package dev.converge.scenarios;

import dev.converge.scenarios.state.DataFiller;
import dev.converge.scenarios.state.MigrationFile;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Builds a state of {@link StateBuilder} with rows where a real database would hold them (issue 12): a half-applied
 * state gets its rows before the interrupted migration's first statements run, so that a rebuild stopped between its
 * {@code CREATE} and its copy holds the rows in the old table and none in the new one, and an {@code ADD COLUMN}
 * stopped before its backfill holds NULLs. Every other state is at rest and is filled after it is built, as the
 * Verifier does. The statements of the interrupted migration run one by one on one connection, which is then closed:
 * TEMP objects they made are gone, as after a crash.
 */
final class RowsFirst {
    private RowsFirst() {
    }

    /** Builds {@code state} at {@code db} (replacing any file) and fills it with plain seeded rows. */
    static void build(StateBuilder builder, State state, Path db) throws SQLException {
        build(builder, DataFiller.seeded(42).excluding(builder.historyTable()), state, db);
    }

    /** Builds {@code state} at {@code db} (replacing any file) and fills it with {@code filler}'s rows. */
    static void build(StateBuilder builder, DataFiller filler, State state, Path db) throws SQLException {
        if (state.kind() != State.Kind.HALF_APPLIED) {
            builder.build(state, db);
            filler.fill(db);
            return;
        }
        builder.prefix(db, state.version() - 1, state.layout());
        filler.fill(db);
        MigrationFile m = builder.migrations().stream().filter(f -> f.version() == state.version()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no migration " + state.version()));
        List<Statement> statements = SqlSplitter.split(m.text(), m.fileName());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            for (Statement st : statements.subList(0, state.statements())) {
                try {
                    s.execute(st.text());
                } catch (SQLException e) {
                    throw new SQLException(state.name() + ": " + m.fileName() + ":" + st.line() + " fails on the rows of"
                            + " the state before it (a data hazard of the set, not of Converge): " + e.getMessage(), e);
                }
            }
        }
    }
}
