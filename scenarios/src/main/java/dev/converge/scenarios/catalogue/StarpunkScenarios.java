package dev.converge.scenarios.catalogue;

import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;

import java.util.List;

import static dev.converge.history.How.ADOPTED;
import static dev.converge.history.How.BASELINE;
import static dev.converge.history.How.COMPLETED;
import static dev.converge.history.How.DETECTED;
import static dev.converge.history.How.EXECUTED;

/** The built-in regression scenarios, on the StarPunk example (examples/starpunk). Add one here in a few lines. */
final class StarpunkScenarios {
    private StarpunkScenarios() {
    }

    static List<Scenario> all() {
        Fixture sp = Fixture.starpunk();
        return List.of(
                Scenario.named("incident-partial-002")
                        .description("DESIGN.md §1: a v1.0 database that ran 001 under the old runner (legacy history lists"
                                + " only 001), then started release v1.1, whose SCHEMA_SQL created tokens and"
                                + " authorization_codes without their indexes; executing 002 failed with"
                                + " 'table tokens already exists'")
                        .on(sp).state(State.prefixPlusBaseline(1, HistoryLayout.LEGACY, sp.release("v1.1-schema")))
                        .expect(Expected.converges().with(DETECTED, 0).with(ADOPTED, 1).with(COMPLETED, 2)
                                .with(EXECUTED, 3, 4, 5))
                        .build(),
                Scenario.named("legacy-plaintext-tokens")
                        .description("a database created by v1.0's SCHEMA_SQL (access tokens in clear in auth_tokens) with"
                                + " the old runner's empty legacy history table: 002 drops the plain-text tokens on purpose")
                        .on(sp).state(State.prefix(0, HistoryLayout.LEGACY))
                        .expect(Expected.converges().with(DETECTED, 0).with(EXECUTED, 1, 2, 3, 4, 5))
                        .build(),
                Scenario.named("legacy-history-001")
                        .description("a v1.0 database that ran 001 under the old runner and never started v1.1: legacy"
                                + " history lists 001, auth_tokens still holds tokens in clear")
                        .on(sp).state(State.prefix(1, HistoryLayout.LEGACY))
                        .expect(Expected.converges().with(DETECTED, 0).with(ADOPTED, 1).with(EXECUTED, 2, 3, 4, 5))
                        .build(),
                Scenario.named("baseline-only-fresh-install")
                        .description("a new, empty database and today's schema.sql: created in one step, every migration"
                                + " recorded as baseline")
                        .on(sp).state(State.empty())
                        .expect(Expected.converges().with(BASELINE, 0, 1, 2, 3, 4, 5))
                        .build(),
                Scenario.named("history-lost-after-restore")
                        .description("a fully migrated database restored without its history table (schema S_5, no"
                                + " history): every schema migration is detected; the trailing seed migration 005 shows"
                                + " nothing in the schema, so it runs again (it is written to be safe to repeat)")
                        .on(sp).state(State.historyLost(5))
                        .expect(Expected.converges().with(DETECTED, 0, 1, 2, 3, 4).with(EXECUTED, 5))
                        .build(),
                Scenario.named("half-applied-table-rebuild")
                        .description("004's rebuild of notes killed after its 4th statement (DROP TABLE notes): notes_new"
                                + " holds the rows, notes is gone; 004 is resumed after it, then 005 (which never ran) is executed")
                        .on(sp).state(State.halfApplied(4, 4, HistoryLayout.CONVERGE))
                        .expect(Expected.converges().with(EXECUTED, 0, 1, 2, 3, 5).with(COMPLETED, 4)
                                .mentioning("interrupted after statement 4"))
                        .build(),
                Scenario.named("drift-missing-index")
                        .description("fully migrated and recorded, then idx_tokens_me dropped by hand: it is re-created")
                        .on(sp).state(State.prefix(5, HistoryLayout.CONVERGE))
                        .sql("DROP INDEX idx_tokens_me")
                        .expect(Expected.converges().with(EXECUTED, 0, 1, 2, 3, 4, 5).mentioning("idx_tokens_me"))
                        .build(),
                Scenario.named("drift-extra-index")
                        .description("fully migrated and recorded, then an index no migration names added by hand: it is"
                                + " left alone and reported")
                        .on(sp).state(State.prefix(5, HistoryLayout.CONVERGE))
                        .sql("CREATE INDEX idx_notes_slug_by_hand ON notes(slug)")
                        .expect(Expected.converges().with(EXECUTED, 0, 1, 2, 3, 4, 5).mentioning("idx_notes_slug_by_hand"))
                        .build(),
                Scenario.named("conflict-unknown-column")
                        .description("000..002 recorded, then a table media made by hand with columns 003 does not know"
                                + " (path instead of filename…): 003 creates media and does not replace it, so Converge"
                                + " refuses and names the table")
                        .on(sp).state(State.prefix(2, HistoryLayout.CONVERGE))
                        .sql("CREATE TABLE media (id INTEGER PRIMARY KEY, note_id INTEGER, path TEXT)")
                        .expect(Expected.refuses(ErrorCode.CONFLICT).mentioning("table media")
                                .mentioning("column \"path\" unexpected"))
                        .build(),
                Scenario.named("edited-applied-migration")
                        .description("fully migrated, then someone added an index to the already applied 002 instead of"
                                + " writing 006: the checksum no longer matches")
                        .on(sp).state(State.prefix(5, HistoryLayout.CONVERGE))
                        .editFile("002_secure_tokens_and_authorization_codes.sql",
                                text -> text + "CREATE INDEX idx_tokens_client ON tokens(client_id);\n")
                        .expect(Expected.refuses(ErrorCode.CHECKSUM_MISMATCH)
                                .mentioning("002_secure_tokens_and_authorization_codes.sql"))
                        .build(),
                Scenario.named("future-version-in-history")
                        .description("an older release started on a database a newer release migrated: history records"
                                + " version 99, which this set does not have; tolerated and reported")
                        .on(sp).state(State.prefix(5, HistoryLayout.CONVERGE))
                        .sql("INSERT INTO schema_migrations (version, name, checksum, how, applied_at, execution_ms,"
                                + " schema_version) VALUES (99, '099_from_the_future.sql', 'abc', 'executed',"
                                + " '2024-06-01T00:00:00Z', 0, 0)")
                        .expect(Expected.converges().with(EXECUTED, 0, 1, 2, 3, 4, 5, 99).mentioning("99"))
                        .build(),
                Scenario.named("missing-migration-file")
                        .description("fully migrated, then 001's file deleted from the application: history records a"
                                + " migration the set no longer has")
                        .on(sp).state(State.prefix(5, HistoryLayout.CONVERGE))
                        .deleteFile("001_add_code_verifier_to_auth_state.sql")
                        .expect(Expected.refuses(ErrorCode.MISSING_MIGRATION).mentioning("001"))
                        .build());
    }
}
