package dev.converge.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A database kept by another migration tool, written the way that tool writes it: the schema its migrations made,
 * and its history table with the tool's columns, types and checksums. The checksums are computed here, by this
 * test's own code from the tool's documented rule, not by Converge's.
 */
enum ToolDatabase {
    FLYWAY("flyway", "Flyway", "flyway_schema_history", "schema_migrations",
            List.of("V1__create_users.sql", "V1.1__create_posts.sql", "V2024.01.05.1__create_tags.sql"),
            List.of("1", "1.1", "2024.01.05.1")),
    GOLANG_MIGRATE("golang-migrate", "golang-migrate", "schema_migrations", "converge_history",
            List.of("1_create_users.up.sql", "2_create_posts.up.sql", "10_create_tags.up.sql"), List.of("1", "2", "10")),
    DBMATE("dbmate", "dbmate", "schema_migrations", "converge_history",
            List.of("20240105120000_create_users.sql", "20240105120100_create_posts.sql", "20240105120200_create_tags.sql"),
            List.of("20240105120000", "20240105120100", "20240105120200")),
    GOOSE("goose", "goose", "goose_db_version", "schema_migrations",
            List.of("00001_create_users.sql", "00002_create_posts.sql", "00003_create_tags.sql"), List.of("1", "2", "3")),
    SQLX("sqlx", "sqlx", "_sqlx_migrations", "schema_migrations",
            List.of("20240105120000_create_users.sql", "20240105120100_create_posts.sql", "20240105120200_create_tags.sql"),
            List.of("20240105120000", "20240105120100", "20240105120200")),
    DIESEL("diesel", "diesel", "__diesel_schema_migrations", "schema_migrations",
            List.of("2024-01-05-120000_create_users/up.sql", "2024-01-05-120100_create_posts/up.sql",
                    "2024-01-05-120200_create_tags/up.sql"),
            List.of("20240105120000", "20240105120100", "20240105120200")),
    PRISMA("prisma", "Prisma", "_prisma_migrations", "schema_migrations",
            List.of("20240105120000_init/migration.sql", "20240105120100_posts/migration.sql",
                    "20240105120200_tags/migration.sql"),
            List.of("20240105120000", "20240105120100", "20240105120200")),
    DRIZZLE("drizzle", "drizzle", "__drizzle_migrations", "schema_migrations",
            List.of("0000_init.sql", "0001_posts.sql", "0002_tags.sql"), List.of("0000", "0001", "0002")),
    LIQUIBASE("liquibase", "Liquibase", "DATABASECHANGELOG", "schema_migrations",
            List.of("changelog.sql", "changelog.sql", "changelog.sql"), List.of("alice:1", "alice:2", "bob:3"));

    static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)";
    static final String POSTS = "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT)";
    static final String POSTS_INDEX = "CREATE INDEX posts_user ON posts (user_id)";
    static final String GOOSE_TRIGGER = "CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN\n"
            + "  UPDATE posts SET body = trim(body) WHERE id = new.id;\nEND";
    /**
     * Liquibase's MD5SUM (checksum version 9) of the fixture's changesets alice:1, alice:2 and bob:3, computed outside
     * Converge with Python's hashlib from the rule read in Liquibase's source (CheckSum, AbstractSQLChange's
     * NormalizingStream, ChangeSet.generateCheckSum): the changeset's SQL without its --comment/--rollback/
     * --precondition lines, every space, tab, CR and LF removed, MD5 as hex h; then "9:" + MD5 hex of ("9:" + h + ":").
     * For alice:2 the SQL is "-- posts belong to users\nCREATE TABLE posts (...);\nCREATE INDEX posts_user ...;".
     */
    static final String[] LIQUIBASE_MD5SUM = {"9:f428bcb3c20e3797d1cb6f5d071fa0a2", "9:4d8fa68b3324cd4377ca46cc1bfc40a0",
            "9:0f7f996bd7f76dd1159bc40378ceb23e"};
    static final long[] DRIZZLE_WHEN = {1704456000000L, 1704456060000L, 1704456120000L};

    final String folder;
    final String tool;
    final String table;
    final String convergeTable;
    final List<String> files;
    final List<String> versions;

    ToolDatabase(String folder, String tool, String table, String convergeTable, List<String> files, List<String> versions) {
        this.folder = folder;
        this.tool = tool;
        this.table = table;
        this.convergeTable = convergeTable;
        this.files = files;
        this.versions = versions;
    }

    Path dir() {
        try {
            return Path.of(ToolDatabase.class.getResource("/switch/" + folder).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for the tools that record a failed (or dirty) migration; the others record nothing for it. */
    boolean recordsFailures() {
        return this == FLYWAY || this == SQLX || this == GOLANG_MIGRATE || this == PRISMA;
    }

    /**
     * Runs the first migration whole, and the second whole or (when {@code secondFails}) only its first statement,
     * then writes the tool's history: both applied, or the second failed (for a tool that records failures).
     */
    void write(Connection c, boolean secondFails) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(USERS);
            s.execute(POSTS);
            if (!secondFails) {
                s.execute(POSTS_INDEX);
                if (this == GOOSE) {
                    s.execute(GOOSE_TRIGGER);
                }
            }
        }
        switch (this) {
            case FLYWAY -> flyway(c, secondFails);
            case GOLANG_MIGRATE -> exec(c, "CREATE TABLE IF NOT EXISTS schema_migrations (version uint64,dirty bool)",
                    "CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON schema_migrations (version)",
                    "INSERT INTO schema_migrations (version, dirty) VALUES (2, " + (secondFails ? 1 : 0) + ")");
            case DBMATE -> exec(c, "create table if not exists schema_migrations (version varchar(128) primary key)",
                    "insert into schema_migrations (version) values ('20240105120000')",
                    secondFails ? "select 1" : "insert into schema_migrations (version) values ('20240105120100')");
            case GOOSE -> exec(c, "CREATE TABLE goose_db_version (\n\t\tid INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                            + "\t\tversion_id INTEGER NOT NULL,\n\t\tis_applied INTEGER NOT NULL,\n"
                            + "\t\ttstamp TIMESTAMP DEFAULT (datetime('now'))\n\t)",
                    "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1)",
                    "INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, 1)",
                    secondFails ? "select 1" : "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, 1)");
            case SQLX -> sqlx(c, secondFails);
            case DIESEL -> exec(c, "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\n"
                            + "       version VARCHAR(50) PRIMARY KEY NOT NULL,\n"
                            + "       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n)",
                    "INSERT INTO __diesel_schema_migrations (version) VALUES ('20240105120000')",
                    secondFails ? "select 1" : "INSERT INTO __diesel_schema_migrations (version) VALUES ('20240105120100')");
            case PRISMA -> prisma(c, secondFails);
            case DRIZZLE -> drizzle(c, secondFails);
            case LIQUIBASE -> liquibase(c, secondFails);
        }
    }

    /** Flyway's history table as Flyway creates it on SQLite. */
    static final String FLYWAY_HISTORY = "CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT NOT NULL"
            + " PRIMARY KEY, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL,"
            + " \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
            + " \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
            + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL)";

    private void flyway(Connection c, boolean secondFails) throws SQLException, IOException {
        exec(c, FLYWAY_HISTORY);
        exec(c, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (0, '0', '<< Flyway Schema Creation >>', 'SCHEMA',"
                + " '\"main\"', NULL, '', 0, 1)");
        String insert = "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (?, ?, ?, 'SQL', ?, ?, '', 3, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 0; i < 2; i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, versions.get(i));
                ps.setString(3, i == 0 ? "create users" : "create posts");
                ps.setString(4, files.get(i));
                ps.setInt(5, flywayCrc32(dir().resolve(files.get(i))));
                ps.setBoolean(6, i == 0 || !secondFails);
                ps.executeUpdate();
            }
        }
    }

    private void sqlx(Connection c, boolean secondFails) throws SQLException, IOException {
        exec(c, "CREATE TABLE IF NOT EXISTS _sqlx_migrations (\n    version BIGINT PRIMARY KEY,\n"
                + "    description TEXT NOT NULL,\n    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                + "    success BOOLEAN NOT NULL,\n    checksum BLOB NOT NULL,\n    execution_time BIGINT NOT NULL\n)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _sqlx_migrations (version, description, success,"
                + " checksum, execution_time) VALUES (?, ?, ?, ?, -1)")) {
            for (int i = 0; i < 2; i++) {
                ps.setLong(1, Long.parseLong(versions.get(i)));
                ps.setString(2, i == 0 ? "create users" : "create posts");
                ps.setBoolean(3, i == 0 || !secondFails);
                ps.setBytes(4, digest("SHA-384", Files.readAllBytes(dir().resolve(files.get(i)))));
                ps.executeUpdate();
            }
        }
    }

    private void prisma(Connection c, boolean secondFails) throws SQLException, IOException {
        exec(c, "CREATE TABLE \"_prisma_migrations\" (\n    \"id\"                    TEXT PRIMARY KEY NOT NULL,\n"
                + "    \"checksum\"              TEXT NOT NULL,\n    \"finished_at\"           DATETIME,\n"
                + "    \"migration_name\"        TEXT NOT NULL,\n    \"logs\"                  TEXT,\n"
                + "    \"rolled_back_at\"        DATETIME,\n"
                + "    \"started_at\"            DATETIME NOT NULL DEFAULT current_timestamp,\n"
                + "    \"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, finished_at,"
                + " migration_name, applied_steps_count, started_at) VALUES (?, ?, ?, ?, 1, ?)")) {
            for (int i = 0; i < 2; i++) {
                boolean failed = i == 1 && secondFails;
                ps.setString(1, "0b7f3a4e-0000-4000-8000-00000000000" + i);
                ps.setString(2, HexFormat.of().formatHex(digest("SHA-256",
                        Files.readAllBytes(dir().resolve(files.get(i))))));
                ps.setString(3, failed ? null : "2024-01-05 12:0" + i + ":01");
                ps.setString(4, files.get(i).substring(0, files.get(i).indexOf('/')));
                ps.setString(5, "2024-01-05 12:0" + i + ":00");
                ps.executeUpdate();
            }
        }
    }

    private void drizzle(Connection c, boolean secondFails) throws SQLException, IOException {
        exec(c, "CREATE TABLE IF NOT EXISTS \"__drizzle_migrations\" (\n\t\t\tid SERIAL PRIMARY KEY,\n"
                + "\t\t\thash text NOT NULL,\n\t\t\tcreated_at numeric\n\t\t)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"__drizzle_migrations\" (\"hash\", \"created_at\")"
                + " VALUES (?, ?)")) {
            for (int i = 0; i < (secondFails ? 1 : 2); i++) {
                String text = Files.readString(dir().resolve(files.get(i)), StandardCharsets.UTF_8);
                ps.setString(1, HexFormat.of().formatHex(digest("SHA-256", text.getBytes(StandardCharsets.UTF_8))));
                ps.setLong(2, DRIZZLE_WHEN[i]);
                ps.executeUpdate();
            }
        }
    }

    private void liquibase(Connection c, boolean secondFails) throws SQLException {
        exec(c, "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TEXT,"
                        + " LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
                "INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED) VALUES (1, 0)",
                "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME"
                        + " VARCHAR(255) NOT NULL, DATEEXECUTED TEXT NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE"
                        + " VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255),"
                        + " TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255),"
                        + " DEPLOYMENT_ID VARCHAR(10))",
                "INSERT INTO DATABASECHANGELOG VALUES ('1', 'alice', 'db/changelog/changelog.sql',"
                        + " '2024-01-05 12:00:00.000', 1, 'EXECUTED', '" + LIQUIBASE_MD5SUM[0] + "', 'sql', '',"
                        + " NULL, '4.29.2', NULL, NULL, '4456000001')",
                secondFails ? "select 1" : "INSERT INTO DATABASECHANGELOG VALUES ('2', 'alice', 'db/changelog/changelog.sql',"
                        + " '2024-01-05 12:00:01.000', 2, 'EXECUTED', '" + LIQUIBASE_MD5SUM[1] + "', 'sql', '',"
                        + " NULL, '4.29.2', NULL, 'blog', '4456000001')");
    }

    /** Flyway's rule: CRC32 over each line read by a BufferedReader (no line ending), BOM dropped, UTF-8. */
    static int flywayCrc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
