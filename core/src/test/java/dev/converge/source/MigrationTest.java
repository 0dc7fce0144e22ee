package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @Test
    void ofParsesVersionAndDescriptionFromTheFileName() {
        Migration m = Migration.of("002_secure_tokens.sql", "CREATE TABLE tokens (id INTEGER);", "db/002_secure_tokens.sql");
        assertThat(m.version()).isEqualTo(Version.of(2));
        assertThat(m.name()).isEqualTo("002_secure_tokens.sql");
        assertThat(m.description()).isEqualTo("secure_tokens");
        assertThat(m.origin()).isEqualTo("db/002_secure_tokens.sql");
        assertThat(m.checksum()).isEqualTo(Checksum.of("CREATE TABLE tokens (id INTEGER);"));
        assertThat(m).hasToString("002_secure_tokens.sql");
    }

    @ParameterizedTest
    @CsvSource({
            "0_initial.sql, 0, initial",
            "10_a.SQL, 10, a",
            "7__leading_underscore.Sql, 7, _leading_underscore",
            "0000123_with.dots.sql, 123, with.dots",
            "5_name with spaces.sql, 5, name with spaces"})
    void fileNamesThatParse(String fileName, long version, String description) {
        Migration m = Migration.of(fileName, "SELECT 1;", fileName);
        assertThat(m.version().value()).isEqualTo(version);
        assertThat(m.description()).isEqualTo(description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc.sql", "1.sql", "01-x.sql", "_x.sql", "1_.sql", "1_ .sql", "x1_a.sql",
            "99999999999999999999_big.sql", "1_a.sql.txt", ".sql"})
    void badFileNamesAreRefusedNamingTheFileAndThePattern(String fileName) {
        assertThatThrownBy(() -> Migration.of(fileName, "SELECT 1;", "migrations/" + fileName))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_NAME);
                    assertThat(e.file()).contains("migrations/" + fileName);
                    assertThat(e.getMessage()).contains("migrations/" + fileName).contains("NNN_name.sql");
                });
    }

    @Test
    void aByteOrderMarkIsDropped() {
        Migration withBom = Migration.of("1_a.sql", "\uFEFFSELECT 1;", "1_a.sql");
        assertThat(withBom.text()).isEqualTo("SELECT 1;");
        assertThat(withBom.checksum()).isEqualTo(Checksum.of("SELECT 1;"));
    }

    @Test
    void statementsAreSplitOnTheFirstCallNotWhenLoadedAndKept() {
        Migration m = Migration.of("1_a.sql", "CREATE TABLE a (x);\nCREATE INDEX a_x ON a (x);\n", "1_a.sql");
        List<Statement> first = m.statements();
        assertThat(first).extracting(Statement::kind)
                .containsExactly(StatementKind.CREATE_TABLE, StatementKind.CREATE_INDEX);
        assertThat(first).extracting(Statement::line).containsExactly(1, 2);
        // every pass asks for them (the checks before a run, the reference, the detector): split once, not five times
        assertThat(m.statements()).isSameAs(first);
        assertThat(Migration.of("1_a.sql", "CREATE TABLE a (x);\nCREATE INDEX a_x ON a (x);\n", "1_a.sql").statements())
                .isEqualTo(first);
        assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sqlThatDoesNotSplitFailsOnlyWhenSplit() {
        Migration m = Migration.of("3_broken.sql", "SELECT 1;\nSELECT 'unterminated;\n", "db/3_broken.sql");
        assertThatThrownBy(m::statements)
                .isInstanceOfSatisfying(ConvergeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL))
                .hasMessageContaining("db/3_broken.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "BEGIN IMMEDIATE TRANSACTION", "COMMIT", "END", "ROLLBACK", "SAVEPOINT s",
            "RELEASE s", "VACUUM", "ATTACH DATABASE 'x.db' AS x", "DETACH x", "PRAGMA journal_mode = WAL",
            "pragma JOURNAL_MODE=delete"})
    void checkAtomicityRefusesNamingFileLineAndStatement(String statement) {
        String text = "CREATE TABLE a (x);\n\n" + statement + ";\nCREATE TABLE b (y);\n";
        Migration m = Migration.of("004_bad_tx.sql", text, "db/migrations/004_bad_tx.sql");
        assertThatThrownBy(m::checkAtomicity)
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                    assertThat(e.file()).contains("db/migrations/004_bad_tx.sql");
                    assertThat(e.line()).hasValue(3);
                    assertThat(e.version()).hasValue(4);
                    assertThat(e.getMessage())
                            .contains("db/migrations/004_bad_tx.sql:3")
                            .contains(statement)
                            .contains("one-transaction-per-migration")
                            .contains("Remove this statement");
                });
    }

    @Test
    void checkAtomicityNamesTheFirstOffendingStatement() {
        Migration m = Migration.of("5_two.sql", "VACUUM;\nBEGIN;\n", "5_two.sql");
        assertThatThrownBy(m::checkAtomicity)
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.line()).hasValue(1))
                .hasMessageContaining("VACUUM");
    }

    @Test
    void checkAtomicityAcceptsTriggerBodiesAndOtherPragmas() {
        String text = """
                CREATE TABLE a (x);
                CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN
                  UPDATE a SET x = CASE WHEN new.x IS NULL THEN 0 ELSE new.x END WHERE rowid = new.rowid;
                END;
                PRAGMA foreign_keys = ON;
                PRAGMA user_version = 3;
                """;
        Migration m = Migration.of("6_trigger.sql", text, "6_trigger.sql");
        assertThatCode(m::checkAtomicity).doesNotThrowAnyException();
        assertThat(m.statements()).hasSize(4);
    }
}
