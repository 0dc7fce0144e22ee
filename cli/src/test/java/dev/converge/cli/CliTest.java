package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The converge command end to end, in-process, on real SQLite files. */
class CliTest {
    private static final List<String> INCIDENT_SQL = List.of(
            "CREATE INDEX idx_tokens_hash ON tokens(token_hash);",
            "CREATE INDEX idx_tokens_me ON tokens(me);",
            "CREATE INDEX idx_tokens_expires ON tokens(expires_at);",
            "CREATE INDEX idx_auth_codes_hash ON authorization_codes(code_hash);",
            "CREATE INDEX idx_auth_codes_expires ON authorization_codes(expires_at);");

    @TempDir
    Path dir;

    private String[] args(String command, Path db, String... more) {
        String[] head = {command, "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString()};
        String[] all = new String[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }

    @Test
    void migrateCreatesAMissingFileAndTheSecondRunTakesTheFastPath() throws Exception {
        Path db = dir.resolve("demo.db");

        Cli first = Cli.run(args("migrate", db, "--baseline", Starpunk.BASELINE.toString()));
        Cli second = Cli.run(args("migrate", db));

        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(db).exists();
        assertThat(first.out()).contains("000_initial.sql  baseline", "schema.sql  baseline", "migrated ");
        assertThat(Starpunk.history(db)).hasSize(6).allMatch(r -> r.contains(" baseline "));
        assertThat(second.status()).as(second.toString()).isZero();
        assertThat(second.out()).contains("up to date (fast path)");
        assertThat(second.err()).isEmpty();
    }

    @Test
    void migrateWithoutBaselineRunsEveryMigrationAndSaysHow() {
        Path db = dir.resolve("fresh.db");

        Cli r = Cli.run(args("migrate", db));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0  000_initial.sql  executed", "5  005_seed_welcome_note.sql  executed  1 statement");
    }

    @Test
    void planOnTheIncidentDatabaseShowsMigration002PartialWithItsFiveIndexes() throws Exception {
        Path db = Starpunk.incident(dir);

        Cli r = Cli.run(args("plan", db));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("002_secure_tokens_and_authorization_codes.sql  PARTIAL: run 5 statements,"
                + " record as completed", "missing: index idx_tokens_hash");
        String partial = r.out().substring(r.out().indexOf("PARTIAL"), r.out().indexOf("003_media"));
        for (String sql : INCIDENT_SQL) {
            assertThat(partial).contains("      " + sql);
        }
        assertThat(partial).doesNotContain("CREATE TABLE tokens");
    }

    @Test
    void planSqlPrintsExactlyTheStatementsThatWouldRun() throws Exception {
        // the incident release shipped migrations 000..002: all that runs is 002's five missing indexes
        Path db = Starpunk.incident(dir);
        Path migrations = Starpunk.copyOfMigrations(dir);
        for (String later : List.of("003_media_and_published_view.sql", "004_notes_visibility.sql",
                "005_seed_welcome_note.sql")) {
            Files.delete(migrations.resolve(later));
        }

        Cli r = Cli.run("plan", "--sql", "--db", db.toString(), "--migrations", migrations.toString());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).isEqualTo(INCIDENT_SQL);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void planSqlWithTheWholeSetStartsWithTheIndexesThenRunsTheLaterMigrations() throws Exception {
        Path db = Starpunk.incident(dir);

        Cli r = Cli.run(args("plan", db, "--sql"));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines().limit(5).toList()).isEqualTo(INCIDENT_SQL);
        assertThat(r.out()).contains("CREATE TABLE media (", "ALTER TABLE notes_new RENAME TO notes;", "END;");
    }

    @Test
    void planAndStatusChangeNothing() throws Exception {
        Path db = Starpunk.incident(dir);
        byte[] before = Files.readAllBytes(db);

        Cli.run(args("plan", db));
        Cli.run(args("status", db));

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void jsonCarriesTheFormatAndTheStates() throws Exception {
        Path db = Starpunk.incident(dir);

        Cli plan = Cli.run(args("plan", db, "--json"));
        Cli status = Cli.run(args("status", db, "--json"));

        assertThat(plan.status()).as(plan.toString()).isZero();
        assertThat(plan.out()).startsWith("{\n  \"format\": 1,\n  \"command\": \"plan\",")
                .contains("\"state\": \"PARTIAL\"", "\"state\": \"PRESENT\"", "\"state\": \"APPLIED\"",
                        "\"how\": \"completed\"", "\"CREATE INDEX idx_tokens_hash ON tokens(token_hash)\"")
                .endsWith("}\n");
        assertThat(status.status()).as(status.toString()).isZero();
        assertThat(status.out()).contains("\"format\": 1", "\"command\": \"status\"", "\"state\": \"PARTIAL\"");
    }

    @Test
    void migrateJsonReportsTheStepsAndThenTheFastPath() {
        Path db = dir.resolve("j.db");

        Cli first = Cli.run(args("migrate", db, "--json"));
        Cli second = Cli.run(args("migrate", db, "--json"));

        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.out()).contains("\"format\": 1", "\"fastPath\": false", "\"how\": \"executed\"");
        assertThat(second.out()).contains("\"format\": 1", "\"fastPath\": true", "\"done\": []");
    }

    @Test
    void statusPrintsATableOfVersionNameStateAndReason() throws Exception {
        Path db = Starpunk.incident(dir);

        Cli r = Cli.run(args("status", db));

        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("VERSION +NAME +STATE +REASON");
        assertThat(lines).anyMatch(l -> l.matches("2 +002_secure_tokens_and_authorization_codes\\.sql +PARTIAL +\\S.*"));
        assertThat(lines).anyMatch(l -> l.matches("1 +001_add_code_verifier_to_auth_state\\.sql +APPLIED +.*"));
    }

    @Test
    void migrateCompletesTheIncidentAndRecords002AsCompleted() throws Exception {
        Path db = Starpunk.incident(dir);

        Cli r = Cli.run(args("migrate", db));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2  002_secure_tokens_and_authorization_codes.sql  completed  5 statements");
        assertThat(Starpunk.history(db)).anyMatch(row -> row.startsWith("2 completed "));
    }

    @Test
    void backupIsWrittenBeforeAChange() throws Exception {
        Path db = Starpunk.incident(dir);
        Path backup = dir.resolve("before.db");

        Cli r = Cli.run(args("migrate", db, "--backup", backup.toString()));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("backup: " + backup);
        assertThat(backup).exists();
    }

    @Test
    void progressGoesToStderrOnlyWhenInteractive() {
        Cli quiet = Cli.run(false, args("migrate", dir.resolve("q.db")));
        Cli shown = Cli.run(true, args("migrate", dir.resolve("p.db")));

        assertThat(quiet.err()).isEmpty();
        assertThat(shown.status()).as(shown.toString()).isZero();
        assertThat(shown.err()).contains("[1/6] 0  000_initial.sql", "[6/6] 5  005_seed_welcome_note.sql",
                "statement 1/");
        assertThat(shown.out()).contains("migrated ").doesNotContain("[1/6]");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli r = Cli.run(args("migrate", dir.resolve("x.db"), "--no-such-option"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: Unknown option: '--no-such-option'")
                .contains("converge migrate --help");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void aMissingRequiredOptionOrCommandIsAUsageError() {
        Cli noDb = Cli.run("plan", "--migrations", Starpunk.MIGRATIONS.toString());
        Cli noCommand = Cli.run();
        Cli unknownCommand = Cli.run("migrat");

        assertThat(noDb.status()).isEqualTo(2);
        assertThat(noDb.err()).contains("Missing required option: '--db=FILE'");
        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.err()).contains("missing command", "Commands:");
        assertThat(unknownCommand.status()).isEqualTo(2);
        assertThat(unknownCommand.err()).contains("migrate");
    }

    @Test
    void aBadDurationIsAUsageErrorThatSaysWhatToWrite() {
        Cli r = Cli.run(args("migrate", dir.resolve("x.db"), "--lock-timeout", "soon"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--lock-timeout", "'soon' is not a duration", "30s", "PT30S");
    }

    @Test
    void aGoodDurationIsAccepted() {
        Cli r = Cli.run(args("migrate", dir.resolve("x.db"), "--lock-timeout", "PT2S"));

        assertThat(r.status()).as(r.toString()).isZero();
    }

    @Test
    void aMissingMigrationsFolderExits2NamingIt() {
        Path missing = dir.resolve("no-such-folder");

        Cli r = Cli.run("migrate", "--db", dir.resolve("x.db").toString(), "--migrations", missing.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("converge: error: the migration folder " + missing + " does not exist");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void planAndStatusOnAMissingDatabaseExit2AndCreateNoFile() {
        Path db = dir.resolve("absent.db");

        Cli plan = Cli.run(args("plan", db));
        Cli status = Cli.run(args("status", db));
        Cli sql = Cli.run(args("plan", db, "--sql"));

        for (Cli r : List.of(plan, status, sql)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("converge: error: cannot open the database " + db)
                    .doesNotContain("\tat ");
            assertThat(r.err().lines().count()).isLessThanOrEqualTo(3);
        }
        assertThat(db).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anEditedAppliedMigrationIsRefusedWithExit1AndRepairAcceptsIt() throws Exception {
        Path migrations = Starpunk.copyOfMigrations(dir);
        Path db = dir.resolve("app.db");
        String[] migrate = {"migrate", "--db", db.toString(), "--migrations", migrations.toString()};
        assertThat(Cli.run(migrate).status()).isZero();
        Path edited = migrations.resolve("001_add_code_verifier_to_auth_state.sql");
        Files.writeString(edited, Files.readString(edited) + "\n-- edited after it was applied\n");

        Cli refused = Cli.run(migrate);
        Cli plan = Cli.run("plan", "--db", db.toString(), "--migrations", migrations.toString());
        Cli repair = Cli.run("repair", "--db", db.toString(), "--migrations", migrations.toString());
        Cli again = Cli.run(migrate);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).startsWith("converge: error: ").contains("001").doesNotContain("\tat ");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(1);
        assertThat(repair.status()).as(repair.toString()).isZero();
        assertThat(repair.out()).startsWith("migration 1 (001_add_code_verifier_to_auth_state.sql): checksum ");
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(Cli.run("repair", "--db", db.toString(), "--migrations", migrations.toString()).out())
                .contains("nothing to repair");
    }

    @Test
    void theStackTraceIsShownOnlyWithVerbose() throws Exception {
        Path db = dir.resolve("absent.db");

        Cli plain = Cli.run(args("status", db));
        Cli verbose = Cli.run(args("status", db, "--verbose"));
        Cli verboseFirst = Cli.run(prepend("--verbose", args("status", db)));

        assertThat(plain.err()).doesNotContain("\tat ", "Exception");
        assertThat(verbose.status()).isEqualTo(2);
        assertThat(verbose.err()).contains("dev.converge.error.ConvergeException", "\tat dev.converge.");
        assertThat(verboseFirst.status()).isEqualTo(2);
        assertThat(verboseFirst.err()).contains("\tat dev.converge.");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void anErrorIsAlsoWrittenAsJsonWhenJsonWasAskedFor() {
        Path db = dir.resolve("absent.db");

        Cli r = Cli.run(args("plan", db, "--json"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("\"format\": 1", "\"code\": \"NO_DATABASE\"", "\"exitStatus\": 2");
        assertThat(r.err()).startsWith("converge: error: cannot open the database");
    }

    @Test
    void lintPassesOnStarpunk() {
        Cli r = Cli.run("lint", "--migrations", Starpunk.MIGRATIONS.toString(), "--baseline",
                Starpunk.BASELINE.toString());
        Cli json = Cli.run("lint", "--migrations", Starpunk.MIGRATIONS.toString(), "--baseline",
                Starpunk.BASELINE.toString(), "--json");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("lint: ok (0 errors");
        assertThat(json.status()).isZero();
        assertThat(json.out()).contains("\"format\": 1", "\"ok\": true");
    }

    @Test
    void lintFailsWithExit1OnABaselineThatLacksAnIndex() throws Exception {
        // the incident itself: a full-schema script with 002's tables but not all of its indexes
        String schema = Files.readString(Starpunk.BASELINE);
        String without = schema.lines().filter(l -> !l.contains("idx_tokens_hash"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(without).isNotEqualTo(schema);
        Path baseline = Files.writeString(dir.resolve("schema.sql"), without);

        Cli r = Cli.run("lint", "--migrations", Starpunk.MIGRATIONS.toString(), "--baseline", baseline.toString());
        Cli json = Cli.run("lint", "--migrations", Starpunk.MIGRATIONS.toString(), "--baseline", baseline.toString(),
                "--json");

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR", "idx_tokens_hash", "lint: failed (1 error");
        assertThat(json.status()).isEqualTo(1);
        assertThat(json.out()).contains("\"ok\": false", "\"severity\": \"ERROR\"");
    }

    @Test
    void markUnmarkRoundTrip() throws Exception {
        Path db = dir.resolve("m.db");
        assertThat(Cli.run(args("migrate", db)).status()).isZero();

        Cli unmark = Cli.run(prepend("unmark", new String[]{"4", "005", "--db", db.toString(), "--migrations",
                Starpunk.MIGRATIONS.toString()}));
        List<String> afterUnmark = Starpunk.history(db);
        Cli status = Cli.run(args("status", db));
        Cli mark = Cli.run("mark", "4", "5", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());
        List<String> afterMark = Starpunk.history(db);
        Cli markAgain = Cli.run("mark", "5", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());
        Cli unmarkNothing = Cli.run("unmark", "9", "--db", db.toString(), "--migrations",
                Starpunk.MIGRATIONS.toString());

        assertThat(unmark.status()).as(unmark.toString()).isZero();
        assertThat(unmark.out()).isEqualTo("unmarked 4\nunmarked 5\n");
        assertThat(afterUnmark).hasSize(4).noneMatch(r -> r.startsWith("4 ") || r.startsWith("5 "));
        assertThat(status.out()).containsPattern("4 +004_notes_visibility\\.sql +PRESENT");
        assertThat(mark.status()).as(mark.toString()).isZero();
        assertThat(mark.out()).isEqualTo("marked 4\nmarked 5\n");
        assertThat(afterMark).hasSize(6).anyMatch(r -> r.startsWith("4 marked ")).anyMatch(r -> r.startsWith("5 marked "));
        assertThat(markAgain.status()).as("marking a recorded version does nothing, as unmarking an unrecorded one")
                .isZero();
        assertThat(markAgain.out()).isEqualTo("already recorded: 5 (nothing to mark)\n");
        assertThat(unmarkNothing.status()).isZero();
        assertThat(unmarkNothing.out()).contains("not recorded: 9");
        assertThat(Cli.run(args("migrate", db)).out()).contains("up to date");
    }

    @Test
    void markUnmarkAndRepairReportAsJson() {
        Path db = dir.resolve("j.db");
        assertThat(Cli.run(args("migrate", db)).status()).isZero();
        Cli.run("unmark", "5", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        Cli mark = Cli.run("mark", "5", "4", "--json", "--db", db.toString(), "--migrations",
                Starpunk.MIGRATIONS.toString());
        Cli unmark = Cli.run("unmark", "5", "9", "--json", "--db", db.toString(), "--migrations",
                Starpunk.MIGRATIONS.toString());
        Cli repair = Cli.run("repair", "--json", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(mark.status()).as(mark.toString()).isZero();
        assertThat(mark.out()).contains("\"command\": \"mark\"").containsPattern("\"marked\": \\[\\s*\"5\"\\s*\\]")
                .containsPattern("\"alreadyRecorded\": \\[\\s*\"4\"\\s*\\]");
        assertThat(unmark.out()).containsPattern("\"unmarked\": \\[\\s*\"5\"\\s*\\]")
                .containsPattern("\"notRecorded\": \\[\\s*\"9\"\\s*\\]");
        assertThat(repair.status()).isZero();
        assertThat(repair.out()).contains("\"command\": \"repair\"").containsPattern("\"changes\": \\[\\s*\\]");
    }

    @Test
    void aVersionThatIsNotANumberIsAUsageError() {
        Cli r = Cli.run("mark", "four", "--db", dir.resolve("x.db").toString(), "--migrations",
                Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not a migration version: 'four'");
    }

    @Test
    void markOnAMissingDatabaseCreatesNoFile() {
        Path db = dir.resolve("none.db");

        Cli r = Cli.run("mark", "1", "--db", db.toString(), "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(db).doesNotExist();
    }

    @Test
    void helpAndVersionExit0() {
        Cli help = Cli.run("--help");
        Cli planHelp = Cli.run("plan", "--help");
        Cli version = Cli.run("--version");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("migrate", "plan", "status", "lint", "mark", "unmark", "repair", "Exit status");
        assertThat(planHelp.status()).isZero();
        assertThat(planHelp.out()).contains("--sql", "--lock-timeout=DURATION", "--allow-out-of-order");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("converge ");
    }

    /** Only the subcommand a command line names is registered; help, typos and global options must not notice. */
    @Test
    void registeringOnlyTheNamedSubcommandKeepsHelpSuggestionsAndGlobalOptions() {
        Cli help = Cli.run("--help");
        Cli typo = Cli.run("migrat", "--db", "x.db");
        Cli verbose = Cli.run("--verbose", "status", "--db", dir.resolve("missing.db").toString(),
                "--migrations", Starpunk.MIGRATIONS.toString());

        assertThat(help.out()).contains("verify", "scenario", "reproduce", "rehearse");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).contains("migrate");
        assertThat(verbose.status()).isEqualTo(2);
        assertThat(verbose.err()).contains("missing.db").contains("\tat "); // --verbose reached status: stack trace
        assertThat(ConvergeCommand.subcommandsFor(new String[]{"--verbose", "plan", "--db", "migrate"}))
                .containsExactly(PlanCommand.class);
        assertThat(ConvergeCommand.subcommandsFor(new String[]{"--help"})).isEqualTo(ConvergeCommand.SUBCOMMANDS);
    }

    @Test
    void aLegacyHistoryTableUnderAnotherNameIsReadWhenNamed() throws Exception {
        Path db = Starpunk.incident(dir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("ALTER TABLE schema_migrations RENAME TO old_migrations");
        }

        Cli unnamed = Cli.run(args("status", db));
        Cli named = Cli.run(args("status", db, "--legacy-history-table", "old_migrations"));

        assertThat(unnamed.out()).doesNotContainPattern("1 +001_add_code_verifier_to_auth_state\\.sql +APPLIED");
        assertThat(named.status()).as(named.toString()).isZero();
        assertThat(named.out()).containsPattern("1 +001_add_code_verifier_to_auth_state\\.sql +APPLIED");
    }

    @Test
    void theHistoryTableNameIsAnOption() throws Exception {
        Path db = dir.resolve("h.db");

        Cli r = Cli.run(args("migrate", db, "--history-table", "converge_history"));

        assertThat(r.status()).as(r.toString()).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM converge_history")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void aFutureVersionIsToleratedUnlessRefuseFutureIsGiven() throws Exception {
        Path migrations = Starpunk.copyOfMigrations(dir);
        Path db = dir.resolve("f.db");
        String[] migrate = {"migrate", "--db", db.toString(), "--migrations", migrations.toString()};
        assertThat(Cli.run(migrate).status()).isZero();
        Files.delete(migrations.resolve("005_seed_welcome_note.sql"));

        Cli status = Cli.run("status", "--db", db.toString(), "--migrations", migrations.toString());
        Cli tolerated = Cli.run(migrate);
        Cli refused = Cli.run("migrate", "--refuse-future", "--db", db.toString(), "--migrations",
                migrations.toString());
        Cli refusedPlan = Cli.run("plan", "--refuse-future", "--db", db.toString(), "--migrations",
                migrations.toString());

        assertThat(status.out()).containsPattern("5 +005_seed_welcome_note\\.sql +FUTURE");
        assertThat(tolerated.status()).as(tolerated.toString()).isZero();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refusedPlan.status()).as(refusedPlan.toString()).isEqualTo(1);
        assertThat(refusedPlan.out()).contains("FUTURE", "problem (FUTURE_VERSION)", "refused:");
    }
}
