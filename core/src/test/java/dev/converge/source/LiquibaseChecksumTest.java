package dev.converge.source;

import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liquibase's MD5SUM of a formatted-SQL changeset, version 9. The expected values were computed outside Converge, with
 * Python's hashlib, from the rule read in Liquibase's source: the changeset's SQL with every space, tab, CR and LF taken
 * out, MD5 as hex h; the changeset's checksum is "9:" + MD5 hex of ("9:" + h + ":").
 */
class LiquibaseChecksumTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SELECT 1;                                                           | 9:0a7ed49c904abc7110aa09324b49f106",
            "CREATE TABLE t (a INT);\\n-- note\\nINSERT INTO t VALUES ('é');     | 9:e869410e283d754c26e3faa81a82eea6",
            "CREATE TABLE t (a INT);\\n-- note changed\\nINSERT INTO t VALUES ('é'); | 9:94b2749d1cf8e72f996a1b90951fc4d5",
            "\"\"                                                                  | 9:f01deb4f054d9620e0ddc9a1cfbdf6c9"})
    void theChecksumIsLiquibasesVersionNineOfTheSql(String sql, String md5sum) {
        assertThat(ToolChecksum.liquibaseV9(sql.replace("\\n", "\n"))).isEqualTo(md5sum);
    }

    @Test
    void spacesTabsAndLineBreaksDoNotCountButAnEditedCommentDoes() {
        String sql = "CREATE TABLE t (a INT);\n-- note\nINSERT INTO t VALUES ('é');";
        String reflowed = "\r\n  CREATE TABLE t\t(a\r\n INT);\n--  note\n\n  INSERT INTO t VALUES('é');  \n";

        assertThat(ToolChecksum.liquibaseV9(reflowed)).isEqualTo(ToolChecksum.liquibaseV9(sql));
        assertThat(ToolChecksum.liquibaseV9(sql.replace("note", "notes"))).isNotEqualTo(ToolChecksum.liquibaseV9(sql));
    }

    @Test
    void onlyVersionNineIsRecognisedAsComparable() {
        assertThat(ToolChecksum.isLiquibaseV9("9:0a7ed49c904abc7110aa09324b49f106")).isTrue();
        assertThat(ToolChecksum.isLiquibaseV9("9:0A7ED49C904ABC7110AA09324B49F106")).isTrue();
        assertThat(ToolChecksum.isLiquibaseV9("8:0a7ed49c904abc7110aa09324b49f106")).isFalse();
        assertThat(ToolChecksum.isLiquibaseV9("7:0a7ed49c904abc7110aa09324b49f106")).isFalse();
        assertThat(ToolChecksum.isLiquibaseV9("0a7ed49c904abc7110aa09324b49f106")).isFalse();
        assertThat(ToolChecksum.isLiquibaseV9("9:0a7e")).isFalse();
        assertThatThrownBy(() -> ToolChecksum.liquibase("8:0a7ed49c904abc7110aa09324b49f106"))
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
        assertThat(sets.get(0).sql()).isEqualTo("-- an ordinary comment\nCREATE TABLE a (x);\n"
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
                "c.sql", cs.sql());

        assertThat(m.hasChecksum(ToolChecksum.liquibase("9:0a7ed49c904abc7110aa09324b49f106"))).isTrue();
        assertThat(m.hasChecksum(ToolChecksum.liquibase("9:f01deb4f054d9620e0ddc9a1cfbdf6c9"))).isFalse();
    }
}
