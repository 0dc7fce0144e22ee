package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a plain sequential runner — no detection, no history reading, just "run the files after the last one that
 * ran" — does with a state whose position on the timeline is known: the yardstick for "nothing lost". Where it
 * finishes, the rows it ends with are the rows the migrations themselves keep; an engine that ends with fewer lost
 * some. Used only on states the builder made, so the position is the one the state was built at.
 */
public final class PlainRunner {
    private final StateBuilder builder;

    public PlainRunner(StateBuilder builder) {
        this.builder = builder;
    }

    /**
     * The statements, in order, that continue {@code state} to the end of the set, as SQL scripts (a whole file, or
     * the rest of an interrupted one, statement by statement); empty when the state's position is not known
     * ({@code baseline-only}, {@code legacy}, {@code drifted}: a plain runner would not know where to start).
     */
    public Optional<List<String>> continuation(State state) {
        long after;
        int skip = 0;
        switch (state.kind()) {
            case EMPTY -> after = Long.MIN_VALUE;
            case PREFIX, PREFIX_PLUS_BASELINE, HISTORY_LOST -> after = state.version();
            case HALF_APPLIED -> {
                after = state.version() - 1;
                skip = state.statements();
            }
            default -> {
                return Optional.empty();
            }
        }
        List<String> out = new ArrayList<>();
        for (MigrationFile m : builder.migrations()) {
            if (m.version() <= after) {
                continue;
            }
            if (state.kind() == State.Kind.HALF_APPLIED && m.version() == state.version()) {
                List<Statement> rest = SqlSplitter.split(m.text(), m.fileName());
                rest.subList(skip, rest.size()).forEach(st -> out.add(st.text()));
            } else {
                out.add(m.text());
            }
        }
        return Optional.of(out);
    }

    /**
     * Runs {@code scripts} on the database file, each whole, as a plain runner would. Returns false, with the
     * database left where the failing script stopped, when one fails: then there is no yardstick for this state.
     */
    public static boolean run(Path database, List<String> scripts) {
        try (Connection c = RawSqlite.open(database)) {
            for (String s : scripts) {
                RawSqlite.execScript(c, s);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Deletes every row of every ordinary table but {@code keep} (the history table): the same state, no rows. */
    public static void emptyTables(Path database, String keep) {
        try (Connection c = RawSqlite.open(database)) {
            for (String t : Tables.ordinary(c, List.of(keep))) {
                RawSqlite.exec(c, "DELETE FROM " + Identifiers.quote(t));
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL,
                    "cannot empty the tables of " + database + ": " + e.getMessage(), e);
        }
    }
}
