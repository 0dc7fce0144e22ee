package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.SqlSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateBuilderTest {
    private static final String HISTORY = StateBuilder.DEFAULT_HISTORY_TABLE;
    private static final List<String> TOKEN_INDEXES = List.of("idx_tokens_hash", "idx_tokens_me", "idx_tokens_expires",
            "idx_auth_codes_hash", "idx_auth_codes_expires");

    @TempDir
    Path dir;

    private final StateBuilder builder = Starpunk.builder();

    @Test
    void starpunkHasSixMigrationsReadInVersionOrder() {
        assertThat(builder.migrations()).extracting(MigrationFile::version).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(builder.lastVersion()).isEqualTo(5);
        assertThat(builder.statementCount(2)).isEqualTo(8);
        assertThat(builder.statementCount(4)).isEqualTo(10);
    }

    @Test
    void everyStateBuildsIntoASoundFileAndEveryKindIsEnumerated() throws Exception {
        List<State> states = builder.allStates();
        Set<State.Kind> kinds = EnumSet.noneOf(State.Kind.class);
        Set<String> names = new HashSet<>();
        for (State state : states) {
            Path file = builder.build(state, dir.resolve(state.fileName()));
            assertThat(Db.rows(file, "PRAGMA integrity_check")).as(state.name()).containsExactly("ok");
            kinds.add(state.kind());
            assertThat(names.add(state.name())).as("unique name " + state.name()).isTrue();
        }
        assertThat(kinds).containsExactlyInAnyOrder(State.Kind.values());
        assertThat(names).contains("empty", "baseline-only(schema)", "prefix(1, legacy history)+baseline(v1.1-schema)",
                "half-applied(4, 4)", "history-lost(3)", "legacy(v1.0-schema)", "drifted(missing index)");
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".db")).count()).isEqualTo(states.size());
    }

    @Test
    void emptyHoldsNoObjects() throws Exception {
        Path file = builder.empty(dir.resolve("empty.db"));
        assertThat(Db.count(file, "SELECT count(*) FROM sqlite_schema")).isZero();
    }

    @ParameterizedTest
    @EnumSource(HistoryLayout.class)
    void prefixRecordsExactlyTheVersionsUpToK(HistoryLayout layout) throws Exception {
        for (MigrationFile m : builder.migrations()) {
            long k = m.version();
            Path file = builder.prefix(dir.resolve(layout + "-" + k + ".db"), k, layout);
            long expected = builder.migrations().stream().filter(x -> x.version() <= k).count();
            if (layout == HistoryLayout.CONVERGE) {
                assertThat(Db.rows(file, "SELECT version FROM " + HISTORY + " ORDER BY version"))
                        .as("prefix(%d)", k).hasSize((int) expected).last().isEqualTo(String.valueOf(k));
            } else {
                // legacy history starts at 001: the old runner never knew 000_initial.sql
                assertThat(Db.rows(file, "SELECT migration_name FROM " + HISTORY + " ORDER BY id"))
                        .as("prefix(%d, legacy)", k).hasSize((int) expected - 1)
                        .doesNotContain("000_initial.sql");
            }
        }
    }

    @Test
    void convergeHistoryRowsCarryNameChecksumHowTimeAndSchemaVersion() throws Exception {
        Path file = builder.withAppliedAt(Instant.parse("2025-03-04T05:06:07Z")).prefix(dir.resolve("p.db"), 1);
        assertThat(Db.rows(file, "SELECT version, name, checksum, how, applied_at, execution_ms FROM " + HISTORY
                + " ORDER BY version")).containsExactly(
                "0|000_initial.sql|" + sha256(Starpunk.folder().resolve("migrations/000_initial.sql")) + "|executed|2025-03-04T05:06:07Z|0",
                "1|001_add_code_verifier_to_auth_state.sql|"
                        + "2ce06507cde159d1ad8bdd8b1e1333225225bd01f605f10651d0bdeb528824e8|executed|2025-03-04T05:06:07Z|0");
        long schemaVersion = Db.count(file, "PRAGMA schema_version");
        assertThat(Db.rows(file, "SELECT schema_version FROM " + HISTORY + " WHERE version = 1"))
                .containsExactly(String.valueOf(schemaVersion));
        assertThat(Db.count(file, "SELECT schema_version FROM " + HISTORY + " WHERE version = 0"))
                .isLessThan(schemaVersion);
    }

    @Test
    void checksumNormalizesLineEndingsBeforeHashing() {
        // sha256 of "a\nb\nc\n", computed with sha256sum
        String lf = "880553fca8fcea94e325ee2cfb48e5a985cc797f39a14cc6d3cedecfeb2ae4d2";
        assertThat(HistoryWriter.checksum("a\nb\nc\n")).isEqualTo(lf);
        assertThat(HistoryWriter.checksum("a\r\nb\rc\n")).isEqualTo(lf);
        assertThat(HistoryWriter.checksum("a\nb\nc")).isNotEqualTo(lf);
    }

    @Test
    void legacyHistoryHasTheOldRunnersLayout() throws Exception {
        Path file = builder.prefix(dir.resolve("legacy.db"), 2, HistoryLayout.LEGACY);
        assertThat(Db.rows(file, "SELECT name, type, pk FROM pragma_table_info('" + HISTORY + "') ORDER BY cid"))
                .containsExactly("id|INTEGER|1", "migration_name|TEXT|0", "applied_at|TEXT|0");
        assertThat(Db.rows(file, "SELECT id, migration_name, applied_at FROM " + HISTORY + " ORDER BY id")).containsExactly(
                "1|001_add_code_verifier_to_auth_state.sql|2024-01-01 00:00:00",
                "2|002_secure_tokens_and_authorization_codes.sql|2024-01-01 00:00:00");
    }

    @Test
    void historyTableNameIsAnOption() throws Exception {
        Path file = builder.withHistoryTable("migrations_log").prefix(dir.resolve("p.db"), 3);
        assertThat(Db.objects(file)).contains("table migrations_log").doesNotContain("table " + HISTORY);
        assertThat(Db.count(file, "SELECT count(*) FROM migrations_log")).isEqualTo(4);
    }

    @Test
    void theSameStateBuiltTwiceGivesTheSameBytes() throws Exception {
        State incident = State.prefixPlusBaseline(1, HistoryLayout.LEGACY, Starpunk.release("v1.1-schema"));
        Path a = builder.build(incident, dir.resolve("a.db"));
        Path b = builder.build(incident, dir.resolve("b.db"));
        Path full = builder.prefix(dir.resolve("full-a.db"), 5);
        Path full2 = builder.prefix(dir.resolve("full-b.db"), 5);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        // not byte for byte: migration 005's seed row takes created_at from the clock (a DEFAULT CURRENT_TIMESTAMP),
        // so two builds a second apart differ there, and only there
        assertThat(Db.objects(full2)).isEqualTo(Db.objects(full));
        assertThat(Db.rows(full2, "SELECT * FROM " + HISTORY)).isEqualTo(Db.rows(full, "SELECT * FROM " + HISTORY));
        String notes = "SELECT id, slug, content, published, visibility FROM notes ORDER BY id";
        assertThat(Db.rows(full2, notes)).isEqualTo(Db.rows(full, notes)).isNotEmpty();
    }

    @Test
    void buildReplacesAFileThatIsThere() throws Exception {
        Path file = builder.prefix(dir.resolve("x.db"), 5);
        builder.empty(file);
        assertThat(Db.count(file, "SELECT count(*) FROM sqlite_schema")).isZero();
    }

    @Test
    void prefixHoldsTheSameSchemaAsHistoryLost() throws Exception {
        for (MigrationFile m : builder.migrations()) {
            Path recorded = builder.prefix(dir.resolve("p" + m.version() + ".db"), m.version());
            Path lost = builder.historyLost(dir.resolve("l" + m.version() + ".db"), m.version());
            assertThat(Db.objects(lost)).doesNotContain("table " + HISTORY);
            assertThat(Db.structure(recorded, HISTORY)).as("S_%d", m.version()).isEqualTo(Db.structure(lost));
        }
    }

    /** The example's own promise: schema.sql is S_n, v1.0 is S_0 and v1.2 is S_3, column order included. */
    @ParameterizedTest
    @CsvSource({"schema, 5", "v1.0-schema, 0", "v1.2-schema, 3"})
    void baselinesOfTheExampleEqualTheReplayedSchema(String baseline, long version) throws Exception {
        Baseline b = baseline.equals("schema") ? builder.baseline().orElseThrow() : Starpunk.release(baseline);
        Path script = builder.baselineOnly(dir.resolve("b.db"), b);
        Path replayed = builder.historyLost(dir.resolve("r.db"), version);
        assertThat(Db.structure(script)).isEqualTo(Db.structure(replayed));
    }

    @Test
    void theV11ReleaseLacksTheTokenIndexes() throws Exception {
        Path v11 = builder.legacy(dir.resolve("v11.db"), Starpunk.release("v1.1-schema"));
        Path s2 = builder.historyLost(dir.resolve("s2.db"), 2);
        assertThat(Db.structure(v11)).isNotEqualTo(Db.structure(s2));
        Set<String> missing = new HashSet<>(Db.objects(s2));
        missing.removeAll(Db.objects(v11));
        assertThat(missing).containsExactlyInAnyOrderElementsOf(
                TOKEN_INDEXES.stream().map(i -> "index " + i).collect(Collectors.toList()));
    }

    /** The incident of DESIGN.md §1: 001 recorded (legacy), then v1.1's SCHEMA_SQL made the tokens tables without indexes. */
    @Test
    void incidentStateHasTheTokenTablesWithoutTheirIndexesAndOnly001Recorded() throws Exception {
        State incident = State.prefixPlusBaseline(1, HistoryLayout.LEGACY, Starpunk.release("v1.1-schema"));
        assertThat(incident.name()).isEqualTo("prefix(1, legacy history)+baseline(v1.1-schema)");
        Path file = builder.build(incident, dir.resolve(incident.fileName()));

        assertThat(Db.objects(file)).contains("table tokens", "table authorization_codes", "table auth_tokens");
        assertThat(Db.objects(file)).doesNotContainAnyElementsOf(
                TOKEN_INDEXES.stream().map(i -> "index " + i).collect(Collectors.toList()));
        assertThat(Db.rows(file, "SELECT name FROM pragma_table_info('auth_state') WHERE name = 'code_verifier'"))
                .containsExactly("code_verifier");
        assertThat(Db.rows(file, "SELECT migration_name FROM " + HISTORY))
                .containsExactly("001_add_code_verifier_to_auth_state.sql");

        // and migration 002, run as the old runner ran it, fails as it did in production
        String m002 = builder.migrations().get(2).text();
        try (var c = Db.open(file)) {
            assertThatThrownBy(() -> RawSqlite.execScript(c, m002)).hasMessageContaining("table tokens already exists");
        }
    }

    @Test
    void prefixPlusBaselineStopsAtTheBaselinesFirstFailingStatement() throws Exception {
        // today's schema on S_1: notes exists without visibility, so idx_notes_visibility fails and nothing after it runs
        Path file = builder.prefixPlusBaseline(dir.resolve("p.db"), 1, HistoryLayout.CONVERGE, builder.baseline().orElseThrow());
        assertThat(Db.objects(file)).contains("index idx_notes_published")
                .doesNotContain("index idx_notes_visibility", "table media", "table tokens", "view published_notes");
        assertThat(Db.count(file, "SELECT count(*) FROM " + HISTORY)).isEqualTo(2);
    }

    @Test
    void prefixPlusBaselineRunsAPlainCreateAsIfNotExists() throws Exception {
        // v1.2 written with plain CREATE statements still runs over S_3 without failing at its first table
        Baseline plain = new Baseline("v1.2-plain", Starpunk.release("v1.2-schema").text().replace(" IF NOT EXISTS", ""));
        Path file = builder.prefixPlusBaseline(dir.resolve("p.db"), 2, HistoryLayout.CONVERGE, plain);
        assertThat(Db.objects(file)).contains("table media", "index idx_media_note_id", "view published_notes",
                "trigger notes_touch_updated_at");
    }

    @Test
    void ifNotExistsIsAddedToEveryKindOfCreate() {
        String script = """
                CREATE TABLE t (a);
                create unique index i on t(a);
                CREATE TEMP VIEW v AS SELECT 1;
                CREATE  TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
                CREATE VIRTUAL TABLE f USING fts5(x);
                CREATE TABLE IF NOT EXISTS u (b);
                INSERT INTO t VALUES (1);
                DROP TABLE t
                """;
        assertThat(SqlSplitter.split(script, "test").stream().map(StateBuilder::ifNotExists)).containsExactly(
                "CREATE TABLE IF NOT EXISTS t (a)",
                "create unique index IF NOT EXISTS i on t(a)",
                "CREATE TEMP VIEW IF NOT EXISTS v AS SELECT 1",
                "CREATE  TRIGGER IF NOT EXISTS tr AFTER INSERT ON t BEGIN SELECT 1; END",
                "CREATE VIRTUAL TABLE IF NOT EXISTS f USING fts5(x)",
                "CREATE TABLE IF NOT EXISTS u (b)",
                "INSERT INTO t VALUES (1)",
                "DROP TABLE t");
    }

    @Test
    void halfAppliedRunsTheFirstStatementsOfKAndRecordsOnlyTheVersionsBefore() throws Exception {
        Path dropped = builder.halfApplied(dir.resolve("h21.db"), 2, 1, HistoryLayout.CONVERGE);
        assertThat(Db.objects(dropped)).doesNotContain("table auth_tokens", "table tokens");
        assertThat(Db.rows(dropped, "SELECT version FROM " + HISTORY + " ORDER BY version")).containsExactly("0", "1");

        Path tables = builder.halfApplied(dir.resolve("h23.db"), 2, 3, HistoryLayout.CONVERGE);
        assertThat(Db.objects(tables)).contains("table tokens", "table authorization_codes")
                .doesNotContain("index idx_tokens_hash");

        // the rebuild, caught after DROP TABLE notes: notes_new stands alone, the view is gone
        Path rebuild = builder.halfApplied(dir.resolve("h44.db"), 4, 4, HistoryLayout.LEGACY);
        assertThat(Db.objects(rebuild)).contains("table notes_new", "table media")
                .doesNotContain("table notes", "view published_notes", "trigger notes_touch_updated_at");
        assertThat(Db.rows(rebuild, "SELECT migration_name FROM " + HISTORY + " ORDER BY id")).containsExactly(
                "001_add_code_verifier_to_auth_state.sql", "002_secure_tokens_and_authorization_codes.sql",
                "003_media_and_published_view.sql");

        Path whole = builder.halfApplied(dir.resolve("h410.db"), 4, 10, HistoryLayout.CONVERGE);
        assertThat(Db.structure(whole, HISTORY)).isEqualTo(Db.structure(builder.historyLost(dir.resolve("s4.db"), 4)));
        assertThat(Db.count(whole, "SELECT max(version) FROM " + HISTORY)).isEqualTo(3);
    }

    @Test
    void halfAppliedRefusesAStatementCountOutsideTheMigration() {
        assertThatThrownBy(() -> builder.halfApplied(dir.resolve("x.db"), 4, 11, HistoryLayout.CONVERGE))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("004_notes_visibility.sql has 10 statements")
                .extracting(e -> ((ConvergeException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
        assertThatThrownBy(() -> builder.halfApplied(dir.resolve("x.db"), 7, 1, HistoryLayout.CONVERGE))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("no migration has version 7");
    }

    @Test
    void driftedStatesChangeAFullDatabaseByHand() throws Exception {
        Set<String> full = Db.objects(builder.prefix(dir.resolve("full.db"), 5));
        Path extraIndex = builder.drifted(dir.resolve("ei.db"), Drift.EXTRA_INDEX);
        Path extraTable = builder.drifted(dir.resolve("et.db"), Drift.EXTRA_TABLE);
        Path missing = builder.drifted(dir.resolve("mi.db"), Drift.MISSING_INDEX);

        assertThat(Db.objects(extraIndex)).containsAll(full).contains("index drift_extra_index").hasSize(full.size() + 1);
        assertThat(Db.rows(extraIndex, "SELECT tbl_name FROM sqlite_schema WHERE name = 'drift_extra_index'"))
                .containsExactly("auth_state");
        assertThat(Db.objects(extraTable)).containsAll(full).contains("table drift_extra_table").hasSize(full.size() + 1);
        assertThat(full).contains("index idx_auth_codes_expires");
        assertThat(Db.objects(missing)).doesNotContain("index idx_auth_codes_expires").hasSize(full.size() - 1);
        for (Path p : List.of(extraIndex, extraTable, missing)) {
            assertThat(Db.count(p, "SELECT count(*) FROM " + HISTORY)).isEqualTo(6);
            assertThat(Db.count(p, "PRAGMA schema_version"))
                    .isGreaterThan(Db.count(p, "SELECT max(schema_version) FROM " + HISTORY));
        }
    }

    /** Regression: verify stopped with "the migrations create no index" on a set without indexes (FTS5 and triggers). */
    @Test
    void aSetWithoutIndexesHasNoMissingIndexDriftAndEveryOtherStateBuilds() throws Exception {
        StateBuilder noIndex = StateBuilder.of(List.of(
                new MigrationFile(1, "001_docs.sql", "CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT);"),
                new MigrationFile(2, "002_fts.sql", "CREATE VIRTUAL TABLE docs_fts USING fts5(body);\n"
                        + "CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN\n"
                        + "  INSERT INTO docs_fts(rowid, body) VALUES (new.id, new.body);\nEND;")));
        List<State> states = noIndex.allStates();
        assertThat(states).extracting(State::name).contains("drifted(extra index)", "drifted(extra table)")
                .doesNotContain("drifted(missing index)");
        for (State state : states) {
            noIndex.build(state, dir.resolve(state.fileName()));
        }
    }

    @Test
    void aMigrationThatDoesNotReplayIsReportedWithItsFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("001_a.sql"), "CREATE TABLE a (x);");
        Files.writeString(folder.resolve("002_b.sql"), "ALTER TABLE missing ADD COLUMN y;");
        StateBuilder bad = StateBuilder.forFolder(folder);
        assertThatThrownBy(() -> bad.prefix(dir.resolve("bad.db"), 2))
                .isInstanceOf(ConvergeException.class).hasMessageContaining("002_b.sql").hasMessageContaining("missing")
                .extracting(e -> ((ConvergeException) e).code()).isEqualTo(ErrorCode.REPLAY_FAILED);
        assertThat(Db.count(bad.prefix(dir.resolve("ok.db"), 1), "SELECT count(*) FROM " + HISTORY)).isEqualTo(1);
    }

    @Test
    void migrationFolderRefusesBadNamesAndDuplicateVersions() throws Exception {
        Path badName = Files.createDirectories(dir.resolve("names"));
        Files.writeString(badName.resolve("add_things.sql"), "SELECT 1;");
        assertThatThrownBy(() -> MigrationFile.readFolder(badName)).isInstanceOf(ConvergeException.class)
                .hasMessageContaining("add_things.sql").hasMessageContaining("NNN_some_name.sql");

        Path dup = Files.createDirectories(dir.resolve("dup"));
        Files.writeString(dup.resolve("1_a.sql"), "SELECT 1;");
        Files.writeString(dup.resolve("001_b.sql"), "SELECT 1;");
        Files.writeString(dup.resolve("README.md"), "not a migration");
        assertThatThrownBy(() -> MigrationFile.readFolder(dup)).isInstanceOf(ConvergeException.class)
                .hasMessageContaining("001_b.sql").hasMessageContaining("1_a.sql");

        Path gaps = Files.createDirectories(dir.resolve("gaps"));
        Files.writeString(gaps.resolve("10_c.sql"), "SELECT 1;");
        Files.writeString(gaps.resolve("9_b.sql"), "SELECT 1;");
        Files.writeString(gaps.resolve("README.md"), "not a migration");
        assertThat(MigrationFile.readFolder(gaps)).extracting(MigrationFile::fileName).containsExactly("9_b.sql", "10_c.sql");
    }

    private static String sha256(Path file) throws Exception {
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(sha.digest(
                Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
