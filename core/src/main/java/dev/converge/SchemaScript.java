package dev.converge;

import dev.converge.detect.Reference;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.schema.SchemaObject;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The target schema of a migration set written as one full-schema script: every object's {@code CREATE} as the replay
 * left it (tables, indexes, views, triggers, each by name; what does not create on an empty database in that order is
 * retried after the rest), so that the script is a baseline that {@code lint} finds equal to the migrations. Data is
 * no part of it.
 */
public final class SchemaScript {
    private SchemaScript() {
    }

    /**
     * The script of {@code set}'s target schema.
     *
     * @throws ConvergeException {@link ErrorCode#REPLAY_FAILED} (or {@link ErrorCode#BAD_SQL}) when the set does not
     *                           replay, naming the file and line
     */
    public static String of(MigrationSet set) {
        List<String> creates = new ArrayList<>();
        for (SchemaObject o : Reference.replay(set).target().objects()) {
            creates.add(o.sql());
        }
        List<String> ordered = creatable(creates);
        StringBuilder sb = new StringBuilder();
        Migration last = set.migrations().isEmpty() ? null : set.migrations().get(set.size() - 1);
        sb.append("-- The schema built by the migrations")
                .append(last == null ? "" : " up to version " + last.version() + " (" + last.name() + ")")
                .append(", written by `converge schema`.\n-- Usable as the baseline (--baseline); lint checks that it"
                        + " stays equal to the migrations.\n");
        for (String sql : ordered) {
            sb.append('\n').append(sql.strip()).append(";\n");
        }
        return sb.toString();
    }

    /** {@code creates} in an order in which they run on an empty database: what fails is retried after the rest. */
    private static List<String> creatable(List<String> creates) {
        List<String> done = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            List<String> pending = creates;
            while (!pending.isEmpty()) {
                List<String> failed = new ArrayList<>();
                SQLException last = null;
                for (String sql : pending) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                        done.add(sql);
                    } catch (SQLException e) {
                        failed.add(sql);
                        last = e;
                    }
                }
                if (failed.size() == pending.size()) {
                    throw new ConvergeException(ErrorCode.INTERNAL, "the target schema's objects do not create on an"
                            + " empty database in any order: " + last.getMessage() + " (" + failed.get(0) + ")");
                }
                pending = failed;
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot open an in-memory SQLite database: " + e, e);
        }
        return done;
    }
}
