package dev.converge.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX i ON t(a)|CREATE INDEX i ON t(a);",
            "CREATE INDEX i ON t(a)  |CREATE INDEX i ON t(a);",
            "CREATE INDEX i ON t(a) -- why|CREATE INDEX i ON t(a) -- why\\n;",
            "CREATE TABLE t (\\n  a -- first\\n)|CREATE TABLE t (\\n  a -- first\\n);"
    })
    void terminatesAStatementSoThatATrailingCommentCannotSwallowTheSemicolon(String sql, String expected) {
        assertThat(PlanText.terminated(sql.replace("\\n", "\n"))).isEqualTo(expected.replace("\\n", "\n"));
    }
}
