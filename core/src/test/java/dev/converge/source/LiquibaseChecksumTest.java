package dev.converge.source;

import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liquibase's MD5SUM of a formatted-SQL changeset. The expected values were computed outside Converge, with Python's
 * hashlib, from the rules read in Liquibase's source (CheckSum, AbstractSQLChange and its NormalizingStream,
 * ChangeSet.generateCheckSum, the formatted-SQL parser): version 9 hashes the SQL with every space, tab, CR and LF
 * taken out; versions 7 and 8 hash "endDelimiter:splitStatements:stripComments:" and the SQL with each such run made
 * one space; the changeset's checksum is v + ":" + MD5 hex of (v + ":" + change's MD5 hex + ":").
 */
class LiquibaseChecksumTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SELECT 1;                                                           | 9:0a7ed49c904abc7110aa09324b49f106",
            "CREATE TABLE t (a INT);\\n-- note\\nINSERT INTO t VALUES ('é');     | 9:e869410e283d754c26e3faa81a82eea6",
            "CREATE TABLE t (a INT);\\n-- note changed\\nINSERT INTO t VALUES ('é'); | 9:94b2749d1cf8e72f996a1b90951fc4d5",
            "\"\"                                                                  | 9:f01deb4f054d9620e0ddc9a1cfbdf6c9"})
    void theChecksumIsLiquibasesVersionNineOfTheSql(String sql, String md5sum) {
        assertThat(LiquibaseChecksum.of("--changeset a:1\n" + sql.replace("\\n", "\n"), 9)).isEqualTo(md5sum);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--changeset a:1                                       | 8 | 8:ed34a7d813f723ad78bd3287e7959863",
            "--changeset a:1 splitStatements:false endDelimiter:GO | 8 | 8:47981a6f6e318fd4da8d6873d36598e9",
            "--changeset a:1                                       | 7 | 7:9e32635feba43d61684a060235a32809"})
    void olderVersionsHashTheChangesetsSettingsAndTheSqlWithBlanksFolded(String line, int version, String md5sum) {
        String sql = "\n  CREATE TABLE t\t(a INT);\r\n-- note\n\nINSERT INTO t VALUES ('é');  \n";

        assertThat(LiquibaseChecksum.of(line + "\n" + sql, version)).isEqualTo(md5sum);
    }

    @Test
    void spacesTabsAndLineBreaksDoNotCountButAnEditedCommentDoes() {
        String sql = "--changeset a:1\nCREATE TABLE t (a INT);\n-- note\nINSERT INTO t VALUES ('é');";
        String reflowed = "--changeset a:1\n\r\n  CREATE TABLE t\t(a\r\n INT);\n--  note\n\n  INSERT INTO t VALUES('é');  \n";

        assertThat(LiquibaseChecksum.of(reflowed, 9)).isEqualTo(LiquibaseChecksum.of(sql, 9));
        assertThat(LiquibaseChecksum.of(sql.replace("note", "notes"), 9)).isNotEqualTo(LiquibaseChecksum.of(sql, 9));
    }

    @Test
    void versionsSevenEightAndNineAreKnownAndNothingElse() {
        assertThat(ToolChecksum.liquibaseVersion("9:0a7ed49c904abc7110aa09324b49f106")).isEqualTo(9);
        assertThat(ToolChecksum.liquibaseVersion("9:0A7ED49C904ABC7110AA09324B49F106")).isEqualTo(9);
        assertThat(ToolChecksum.liquibaseVersion("8:0a7ed49c904abc7110aa09324b49f106")).isEqualTo(8);
        assertThat(ToolChecksum.liquibaseVersion("7:0a7ed49c904abc7110aa09324b49f106")).isEqualTo(7);
        assertThat(ToolChecksum.liquibaseVersion("3:0a7ed49c904abc7110aa09324b49f106")).isZero();
        assertThat(ToolChecksum.liquibaseVersion("0a7ed49c904abc7110aa09324b49f106")).isZero();
        assertThat(ToolChecksum.liquibaseVersion("9:0a7e")).isZero();
        assertThatThrownBy(() -> ToolChecksum.liquibase("3:0a7ed49c904abc7110aa09324b49f106"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangesetsSqlLeavesOutLiquibasesDirectivesAndKeepsOrdinaryComments() {
        String file = String.join("\n", "--liquibase formatted sql", "", "--changeset ann:1 labels:x",
                "--comment: what it is", "--validCheckSum: 9:0a7ed49c904abc7110aa09324b49f106",
                "--preconditions onFail:MARK_RAN", "--precondition-sql-check expectedResult:0 SELECT 1",
                "-- an ordinary comment", "CREATE TABLE a (x);", "--rollback DROP TABLE a;", "/* liquibase rollback",
                "DROP TABLE a;", "*/", "  -- comment: indented, so SQL to Liquibase", "CREATE INDEX ax ON a (x);", "");

        List<LiquibaseChangelog.Changeset> sets = LiquibaseChangelog.changesets(file, "c.sql");

        assertThat(sets).hasSize(1);
        assertThat(sets.get(0).read()).isEqualTo("--changeset ann:1 labels:x\n-- an ordinary comment\nCREATE TABLE a (x);\n"
                + "  -- comment: indented, so SQL to Liquibase\nCREATE INDEX ax ON a (x);\n\n");
        assertThat(sets.get(0).text()).doesNotContain("DROP TABLE", "what it is", "precondition")
                .contains("CREATE TABLE a (x);");
        assertThat(sets.get(0).text().split("\n", -1)[8]).isEqualTo("CREATE TABLE a (x);"); // line 9 stays line 9
    }

    @Test
    void ignoreLinesIsRefusedByNameSinceConvergeWouldRunTheLines() {
        String file = "--liquibase formatted sql\n--changeset ann:1\n--ignoreLines:1\nSELECT 1;\nCREATE TABLE a (x);\n";

        assertThatThrownBy(() -> LiquibaseChangelog.changesets(file, "c.sql"))
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.getMessage())
                        .contains("c.sql:3").contains("--ignoreLines:1"));
    }

    @Test
    void aMigrationOfAChangesetMatchesItsRecordedLiquibaseChecksumOnly() {
        String file = "--liquibase formatted sql\n--changeset ann:1\n--comment: x\nSELECT   1;\n--rollback SELECT 2;\n";
        LiquibaseChangelog.Changeset cs = LiquibaseChangelog.changesets(file, "c.sql").get(0);
        Migration m = new Migration(Version.of(1, "ann:1"), "c.sql::1::ann", "1", cs.text(), Checksum.of(cs.text()),
                "c.sql", cs.read());

        assertThat(m.hasChecksum(ToolChecksum.liquibase("9:0a7ed49c904abc7110aa09324b49f106"))).isTrue();
        assertThat(m.hasChecksum(ToolChecksum.liquibase("9:f01deb4f054d9620e0ddc9a1cfbdf6c9"))).isFalse();
    }
}
