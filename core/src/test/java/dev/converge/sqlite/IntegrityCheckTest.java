package dev.converge.sqlite;

import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integrity check refuses damage, and only damage. */
class IntegrityCheckTest {
    @TempDir
    Path dir;

    private static String quickCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Regression (room-habits, half-applied in a content table's rebuild): an FTS table whose external content table
     * is gone makes quick_check say it is "unable to validate" the FTS index; no page is damaged, and a plain runner
     * goes on from there, so the run must not be refused as a damaged database.
     */
    @Test
    void aFullTextTableWhoseContentTableIsGoneIsNotDamage() throws SQLException {
        for (String fts : new String[] {"fts4(note, content=checkin)"}) { // FTS5 says ok here
            Path db = dir.resolve(fts.substring(0, 4) + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE checkin (id INTEGER PRIMARY KEY, note TEXT)");
                s.execute("CREATE VIRTUAL TABLE checkin_fts USING " + fts);
                s.execute("INSERT INTO checkin (note) VALUES ('walked the dog')");
                s.execute("INSERT INTO checkin_fts (checkin_fts) VALUES ('rebuild')");
                s.execute("DROP TABLE checkin"); // a rebuild of the content table, stopped before its rename
                assertThat(quickCheck(c)).as(fts).startsWith("unable to validate the inverted index for FTS");
                assertThatCode(() -> IntegrityCheck.refuseIfDamaged(c, db.toString())).as(fts).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aFindingOfDamageIsStillRefused() {
        assertThat(IntegrityCheck.couldNotRun("malformed inverted index for FTS5 table main.notes_fts")).isFalse();
        assertThat(IntegrityCheck.couldNotRun("*** in database main ***\nPage 7: btreeInitPage() returns error code 11")).isFalse();
        assertThat(IntegrityCheck.couldNotRun("ok")).isFalse();
        assertThat(IntegrityCheck.couldNotRun("unable to validate the inverted index for FTS4 table main.CheckinFts: SQL logic error")).isTrue();
    }
}
