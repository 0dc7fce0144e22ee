package dev.converge.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression: a file saved with lone CR line endings reported every statement on line 1. */
class LineEndingsTest {
    @Test
    void lineNumbersCountLfCrlfAndLoneCr() {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            List<Statement> st = SqlSplitter.split("CREATE TABLE a (x);" + eol + eol + "CREATE TABLE b ('q" + eol + "r');"
                    + eol + "CREATE TABLE c (y);", "f.sql");
            assertThat(st).extracting(Statement::line).as("line endings %s", eol.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(1, 3, 5);
        }
    }
}
