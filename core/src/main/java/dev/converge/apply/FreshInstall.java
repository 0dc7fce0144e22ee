package dev.converge.apply;

import dev.converge.detect.Action;
import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Plan;
import dev.converge.detect.Step;
import dev.converge.sqlite.SqliteErrors;
import dev.converge.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Recognises the plan whose rehearsal would repeat the reference's own replay: a database with no objects of its own
 * (at most a history table), and a plan that executes every migration of the set, in order, each with all of its
 * statements. The rehearsal copies an empty schema into {@code :memory:} and runs those statements with the same
 * settings — exactly what building the reference did (in this process, or in the one that wrote the verified compiled
 * reference with the same SQLite), which succeeded and ended at the target by construction. Running it again proves
 * nothing new, and on a first install of n migrations it was a second replay of all n.
 *
 * <p>Such a plan also runs in one transaction: its migrations commit together, at the end. A database that held
 * nothing gains nothing from keeping the first k of n migrations when the next one fails (the application cannot start
 * on them either), and one commit instead of n saves the n − 1 syncs that made a first install slower than a plain
 * runner. A failure, or a crash, leaves the database as empty as it was.
 */
final class FreshInstall {
    /** Every object of the live catalogue but SQLite's own. */
    private static final String OBJECTS = "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    private FreshInstall() {
    }

    static boolean repeatsTheReplay(Connection live, Plan plan, Set<String> historyTables) {
        List<MigrationEffects> all = plan.reference().migrations();
        List<Step> steps = plan.steps();
        if (steps.size() != all.size()) {
            return false;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            MigrationEffects me = all.get(i);
            if (s.action() != Action.EXECUTE || s.migration() == null
                    || !s.migration().version().equals(me.migration().version())
                    || !s.statements().equals(me.statements())) {
                return false;
            }
        }
        return holdsNoObjects(live, historyTables);
    }

    private static boolean holdsNoObjects(Connection live, Set<String> historyTables) {
        try (Statement s = live.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (historyTables.stream().noneMatch(h -> Identifiers.same(h, name))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "reading the live catalogue");
        }
    }
}
