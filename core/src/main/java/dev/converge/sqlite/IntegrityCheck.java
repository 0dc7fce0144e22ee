package dev.converge.sqlite;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's {@code PRAGMA quick_check} before a run that will change the database: migrating a database whose pages are
 * damaged writes more pages on top of the damage and ends "converged" on a file that is still corrupt, so such a
 * database is refused before any change, naming the file and what SQLite found. The check reads every page (it is
 * {@code integrity_check} without the index-content comparison), so its cost grows with the file: the engine runs it
 * only off the fast path, and callers may skip it for very large files (see {@code benchmarks/results/integrity-check.md}).
 */
public final class IntegrityCheck {
    /** At most this many of SQLite's findings are read and shown. */
    private static final int MAX_FINDINGS = 5;
    /** Checks the structure of every b-tree and the free list; one row {@code ok}, or up to N rows of findings. */
    private static final String QUICK_CHECK = "PRAGMA quick_check(" + MAX_FINDINGS + ")";

    private IntegrityCheck() {
    }

    /**
     * True for a finding that says a full-text table's own check could not run ("unable to validate the inverted
     * index for FTS4 table …: SQL logic error"), as when its external content table is gone mid-rebuild or lacks a
     * column a baseline made the FTS table with: no page is damaged (damage reads "malformed inverted index").
     */
    static boolean couldNotRun(String finding) {
        return finding.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("*** in database"))
                .allMatch(l -> l.startsWith("unable to validate the inverted index for FTS"));
    }

    /**
     * Runs {@code quick_check} on {@code c} (in autocommit mode, outside any transaction).
     *
     * @param where the database file, for messages
     * @throws ConvergeException {@link ErrorCode#NOT_A_DATABASE} naming {@code where} and SQLite's findings
     */
    public static void refuseIfDamaged(Connection c, String where) {
        List<String> findings = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUICK_CHECK)) {
            while (rs.next()) {
                findings.add(rs.getString(1));
            }
        } catch (SQLException e) {
            int code = SqliteErrors.primaryCode(e);
            if (code != 11 && code != 26) { // SQLITE_CORRUPT, SQLITE_NOTADB: the check itself met the damage
                throw SqliteErrors.translate(e, "checking the database's integrity (PRAGMA quick_check)");
            }
            findings.clear();
            findings.add(e.getMessage());
        }
        findings.removeIf(IntegrityCheck::couldNotRun);
        if (findings.isEmpty() || findings.size() == 1 && findings.get(0).equals("ok")) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String f : findings) {
            for (String line : f.split("\n")) {
                if (!line.isBlank() && !line.startsWith("*** in database") && lines.size() < MAX_FINDINGS) {
                    lines.add(line.strip());
                }
            }
        }
        throw ConvergeException.builder(ErrorCode.NOT_A_DATABASE, where + ": the database is damaged: SQLite's"
                        + " PRAGMA quick_check found:\n    " + String.join("\n    ", lines)
                        + "\n  Nothing was changed: migrating would write on top of the damage. Restore a backup, or"
                        + " recover the data (sqlite3 " + where + " .recover), then run again. To migrate without this"
                        + " check (it reads the whole file), use --skip-integrity-check (integrityCheck(false)).")
                .file(where).build();
    }
}
