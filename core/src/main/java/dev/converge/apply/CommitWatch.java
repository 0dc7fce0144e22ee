package dev.converge.apply;

import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.sqlite.SqliteErrors;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Knows whether another connection committed to the database since this one last looked, so that the runner can skip
 * reading the whole history again at every step when nobody else wrote — the re-read that makes "exactly once" hold
 * across processes stays for every step where someone else did.
 *
 * <p>SQLite's {@code PRAGMA data_version} changes when any other connection commits to the file, and never for this
 * connection's own commits. Read right after {@code BEGIN IMMEDIATE} (which holds the write lock and has already
 * looked at the file), an unchanged value means the history is exactly as this connection left it. The hazard is a
 * shared cache: connections sharing one cache share the counter, so for such URLs (and in-memory databases, which
 * only a shared cache can reach twice) the watch never vouches and every step reads the history as before.
 */
final class CommitWatch {
    private static final String DATA_VERSION = "PRAGMA data_version";

    private final boolean trusted;
    private long noted = Long.MIN_VALUE;
    private History known;

    CommitWatch(Connection c) {
        this.trusted = trusted(c);
    }

    private static boolean trusted(Connection c) {
        try {
            String url = c.getMetaData().getURL();
            if (url == null) {
                return false;
            }
            String u = url.toLowerCase(Locale.ROOT);
            return !u.contains("cache=shared") && !u.contains(":memory:") && !u.contains("mode=memory");
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The history as this connection left it, when no other connection committed since {@link #leave} noted it;
     * null when it must be read. Call right after {@code BEGIN IMMEDIATE}.
     */
    History unchangedHistory(Connection c) {
        if (!trusted || known == null) {
            return null;
        }
        return dataVersion(c) == noted ? known : null;
    }

    /**
     * Notes the history this connection leaves behind: {@code before} (as it stood when the step began) with
     * {@code recorded} appended, when that is surely what a read would return — same layout, the one new row after
     * every other; otherwise null, and the caller reads it. Call inside the step's transaction, before it commits.
     */
    History leave(Connection c, History before, List<HistoryEntry> recorded) {
        known = null;
        if (!trusted || before.layout() != History.Layout.CURRENT || recorded.size() != 1) {
            return null;
        }
        HistoryEntry e = recorded.get(0);
        List<HistoryEntry> entries = before.entries();
        if (!entries.isEmpty() && entries.get(entries.size() - 1).version().compareTo(e.version()) >= 0) {
            return null; // out of order: a read puts it elsewhere
        }
        List<HistoryEntry> after = new ArrayList<>(entries.size() + 1);
        after.addAll(entries);
        after.add(e);
        known = new History(before.table(), before.layout(), after,
                Math.max(before.lastSchemaVersion(), e.schemaVersion()));
        noted = dataVersion(c);
        return known;
    }

    /**
     * The history noted by the last {@link #leave} that could know it; null when the last step's had to be read. Inside
     * the transaction that step left open (this connection holds the write lock), it is the history as it stands.
     */
    History known() {
        return known;
    }

    /** Forgets what was noted: the next step reads the history. */
    void forget() {
        known = null;
    }

    private static long dataVersion(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DATA_VERSION)) {
            return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, "reading PRAGMA data_version");
        }
    }
}
