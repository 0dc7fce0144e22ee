package dev.converge.history;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.source.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history table on an in-memory database. */
class HistoryTableTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final MigrationSet SET = MigrationSource.memory(Map.of(
            "001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);",
            "002_t_name.sql", "ALTER TABLE t ADD COLUMN name TEXT;")).load();

    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private void exec(String... sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** Regression: adopting a legacy table failed when a user's view did not resolve yet (SQLite checks views on RENAME). */
    @Test
    void adoptingALegacyTableToleratesAViewThatDoesNotResolveYet() throws SQLException {
        exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, migration_name TEXT NOT NULL, applied_at TEXT)",
                "INSERT INTO schema_migrations (migration_name, applied_at) VALUES ('001_t.sql', '2025-01-01 10:00:00')",
                "CREATE TABLE t (id INTEGER PRIMARY KEY)",
                // a baseline created the view of a later migration before its column exists
                "CREATE VIEW t_names AS SELECT name FROM t");
        HistoryTable table = new HistoryTable("schema_migrations", null, CLOCK);
        History legacy = table.read(db);
        assertThat(legacy.layout()).isEqualTo(History.Layout.LEGACY);

        History adopted = table.adopt(db, legacy, SET);

        assertThat(adopted.layout()).isEqualTo(History.Layout.CURRENT);
        assertThat(adopted.entries()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(Version.of(1));
            assertThat(e.how()).isEqualTo(How.ADOPTED);
            assertThat(e.checksum()).isEqualTo(SET.get(Version.of(1)).orElseThrow().checksum());
            assertThat(e.appliedAt()).isEqualTo("2025-01-01 10:00:00");
        });
    }

    /** Regression: a legacy table listing the same file twice made adoption fail with an internal PRIMARY KEY error. */
    @Test
    void aLegacyTableThatRepeatsAFileIsAdoptedOnce() throws SQLException {
        exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, migration_name TEXT, applied_at TEXT, by TEXT)",
                "INSERT INTO schema_migrations (migration_name, applied_at) VALUES ('001_t.sql', '2025-01-02 10:00:00')",
                "INSERT INTO schema_migrations (migration_name, applied_at) VALUES ('001_t.sql', '2025-01-01 10:00:00')",
                "INSERT INTO schema_migrations (migration_name, applied_at) VALUES ('002_t_name.sql', NULL)",
                "INSERT INTO schema_migrations (migration_name, applied_at) VALUES ('002_t_name.sql', '2025-01-03 10:00:00')",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
        HistoryTable table = new HistoryTable("schema_migrations", null, CLOCK);
        History legacy = table.read(db);
        assertThat(legacy.entries()).extracting(HistoryEntry::version).containsExactly(Version.of(1), Version.of(2));

        History adopted = table.adopt(db, legacy, SET);

        assertThat(adopted.entries()).extracting(HistoryEntry::version).containsExactly(Version.of(1), Version.of(2));
        assertThat(adopted.entries()).extracting(HistoryEntry::appliedAt)
                .containsExactly("2025-01-01 10:00:00", "2025-01-03 10:00:00");
    }

    /** Regression: two different files with one version in a legacy table must be refused by name, not crash adoption. */
    @Test
    void aLegacyTableWithTwoFilesOfOneVersionIsRefusedNamingBoth() throws SQLException {
        exec("CREATE TABLE schema_migrations (migration_name TEXT)",
                "INSERT INTO schema_migrations VALUES ('001_t.sql'), ('001_other.sql')");
        HistoryTable table = new HistoryTable("schema_migrations", null, CLOCK);

        assertThatThrownBy(() -> table.read(db))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.version()).hasValue(1);
                })
                .hasMessageContaining("two rows for version 1")
                .hasMessageContaining("'001_t.sql'").hasMessageContaining("'001_other.sql'");
    }

    /** Regression: a legacy row whose migration_name is NULL crashed with a NullPointerException. */
    @Test
    void aLegacyRowWithoutAFileNameIsRefusedClearly() throws SQLException {
        exec("CREATE TABLE schema_migrations (migration_name TEXT)",
                "INSERT INTO schema_migrations VALUES ('001_t.sql'), (NULL)");
        HistoryTable table = new HistoryTable("schema_migrations", null, CLOCK);

        assertThatThrownBy(() -> table.read(db))
                .isInstanceOf(ConvergeException.class)
                .hasMessageContaining("migration_name NULL");
    }
}
