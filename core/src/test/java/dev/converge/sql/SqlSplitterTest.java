package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Where statements end, by SQLite's rules: a table of scripts and the statements (line, text) they split into. */
class SqlSplitterTest {

    private static final String FILE = "003_tokens.sql";

    /** One expected statement: the line it starts on and its exact text. */
    record Piece(int line, String text) {
        @Override
        public String toString() {
            return line + ": " + text;
        }
    }

    private static Piece at(int line, String text) {
        return new Piece(line, text);
    }

    private static Arguments split(String name, String sql, Piece... expected) {
        return arguments(Named.of(name, sql), List.of(expected));
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                split("one statement without ;", "CREATE TABLE t(a)", at(1, "CREATE TABLE t(a)")),
                split("two statements on two lines", "CREATE TABLE t(a);\nCREATE INDEX i ON t(a);\n",
                        at(1, "CREATE TABLE t(a)"), at(2, "CREATE INDEX i ON t(a)")),
                split("last statement without ;", "CREATE TABLE t(a);\n\nINSERT INTO t VALUES(1)",
                        at(1, "CREATE TABLE t(a)"), at(3, "INSERT INTO t VALUES(1)")),
                split("two statements on one line", "SELECT 1;SELECT 2;", at(1, "SELECT 1"), at(1, "SELECT 2")),
                split("string with ; and doubled quotes", "INSERT INTO t VALUES('a;''b'';c');SELECT 2",
                        at(1, "INSERT INTO t VALUES('a;''b'';c')"), at(1, "SELECT 2")),
                split("string holding comment markers", "INSERT INTO t VALUES('-- x; /* y');\nSELECT '*/;'",
                        at(1, "INSERT INTO t VALUES('-- x; /* y')"), at(2, "SELECT '*/;'")),
                split("double-quoted name with ; and doubled quote", "CREATE TABLE \"a;\"\"b\"(x);SELECT 1",
                        at(1, "CREATE TABLE \"a;\"\"b\"(x)"), at(1, "SELECT 1")),
                split("backticked name with ;", "CREATE TABLE `a;``b'`(x);SELECT 1",
                        at(1, "CREATE TABLE `a;``b'`(x)"), at(1, "SELECT 1")),
                split("bracketed name with ; and quotes", "CREATE TABLE [a;'\"b](x);SELECT 1",
                        at(1, "CREATE TABLE [a;'\"b](x)"), at(1, "SELECT 1")),
                split("blob literal", "INSERT INTO t VALUES(x'3B27');SELECT 1",
                        at(1, "INSERT INTO t VALUES(x'3B27')"), at(1, "SELECT 1")),
                split("line comment with ; and quote inside a statement", "SELECT 1 -- it's; here\n, 2;\nSELECT 3",
                        at(1, "SELECT 1 -- it's; here\n, 2"), at(3, "SELECT 3")),
                split("block comment with ; inside a statement", "SELECT 1 /* ; ' \" */ + 2; SELECT 3",
                        at(1, "SELECT 1 /* ; ' \" */ + 2"), at(1, "SELECT 3")),
                split("comments between statements are not part of them",
                        "-- header; 'x\n/* a;\n b */ SELECT 1; -- trailing; \nSELECT 2 /* tail */ ;",
                        at(3, "SELECT 1"), at(4, "SELECT 2")),
                split("line comment at end of file without newline", "SELECT 1; -- done; 'x",
                        at(1, "SELECT 1")),
                split("line comment at end of file after a statement without ;", "SELECT 1\n-- done; 'x",
                        at(1, "SELECT 1")),
                split("empty and comment-only pieces are dropped", ";; \n ;/* only ; a comment */;\n-- x\n;SELECT 1;;",
                        at(4, "SELECT 1")),
                split("empty text", ""),
                split("whitespace only", " \n\t\r\n "),
                split("comments only", "-- a;\n/* b; */\n-- c"),
                split("trigger body with semicolons",
                        "CREATE TABLE t(a);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
                                + "  INSERT INTO log VALUES(1);\n  DELETE FROM log;\nEND;\nSELECT 1",
                        at(1, "CREATE TABLE t(a)"),
                        at(2, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES(1);\n"
                                + "  DELETE FROM log;\nEND"),
                        at(6, "SELECT 1")),
                split("trigger body with CASE … END",
                        "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = CASE WHEN new.a > 1 THEN 'END;' "
                                + "ELSE 0 END; SELECT CASE 1 WHEN 1 THEN 2 END; END; SELECT 9",
                        at(1, "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = CASE WHEN new.a > 1 THEN "
                                + "'END;' ELSE 0 END; SELECT CASE 1 WHEN 1 THEN 2 END; END"),
                        at(1, "SELECT 9")),
                split("temp trigger with comments between ; and END",
                        "CREATE TEMP TRIGGER tr BEFORE DELETE ON t BEGIN SELECT 1; -- x;\n /* ; */ END ; SELECT 2",
                        at(1, "CREATE TEMP TRIGGER tr BEFORE DELETE ON t BEGIN SELECT 1; -- x;\n /* ; */ END"),
                        at(2, "SELECT 2")),
                split("trigger named and quoted like keywords",
                        "CREATE TRIGGER \"END\" AFTER INSERT ON [end] BEGIN UPDATE [end] SET \"end\" = 1; END;",
                        at(1, "CREATE TRIGGER \"END\" AFTER INSERT ON [end] BEGIN UPDATE [end] SET \"end\" = 1; END")),
                // regression: SQLite ends the last statement at the end of the text, a trigger's END included
                split("trigger ending with END at end of file",
                        "SELECT 1;\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
                        at(1, "SELECT 1"), at(2, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END")),
                split("explain of a trigger is one statement",
                        "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; SELECT 2",
                        at(1, "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"), at(1, "SELECT 2")),
                split("CASE … END outside a trigger", "SELECT CASE WHEN 1 THEN 2 END; SELECT 3",
                        at(1, "SELECT CASE WHEN 1 THEN 2 END"), at(1, "SELECT 3")),
                split("multi-line string moves the line count",
                        "INSERT INTO t VALUES('a\nb;\nc');\nSELECT 1",
                        at(1, "INSERT INTO t VALUES('a\nb;\nc')"), at(4, "SELECT 1")),
                split("CRLF line endings", "SELECT 1;\r\n\r\nSELECT 2;\r\n", at(1, "SELECT 1"), at(3, "SELECT 2")),
                // regression: SQLite reads $a(…) as one Tcl-style parameter, up to ) or whitespace
                split("Tcl-style parameter swallows ; and quote", "SELECT $a(;');SELECT @b::c(';');\nSELECT 3",
                        at(1, "SELECT $a(;')"), at(1, "SELECT @b::c(';')"), at(2, "SELECT 3")),
                split("create table named trigger is not a trigger", "CREATE TABLE trigger(a); SELECT 1",
                        at(1, "CREATE TABLE trigger(a)"), at(1, "SELECT 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitsWhereSqliteEndsStatements(String sql, List<Piece> expected) {
        List<Statement> statements = SqlSplitter.split(sql, FILE);

        assertThat(statements).map(s -> at(s.line(), s.text())).containsExactlyElementsOf(expected);
    }

    /** An input SQLite cannot finish, the line where the unfinished part began, and what the message calls it. */
    static Stream<Arguments> unterminated() {
        return Stream.of(
                arguments(Named.of("string", "SELECT 1;\nINSERT INTO t VALUES('it''s;\n"), 2, "unterminated string"),
                arguments(Named.of("double-quoted identifier", "SELECT 1;\n\nSELECT \"a;"), 3,
                        "unterminated quoted identifier"),
                arguments(Named.of("backticked identifier", "SELECT `a;"), 1, "unterminated quoted identifier"),
                arguments(Named.of("bracketed identifier", "SELECT 1;\nSELECT [a;"), 2,
                        "unterminated [bracketed] identifier"),
                arguments(Named.of("block comment", "SELECT 1; /* a;\n\n"), 1, "unterminated comment"),
                arguments(Named.of("blob literal", "\n\nSELECT x'ab"), 3, "unterminated blob literal"),
                arguments(Named.of("trigger body without END",
                        "CREATE TABLE t(a);\n\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n SELECT 1;\n"), 3,
                        "unterminated trigger body"),
                arguments(Named.of("trigger body without ; before END",
                        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1 END;\nSELECT 2;"), 1,
                        "unterminated trigger body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unterminated")
    void refusesUnterminatedInputNamingFileAndLine(String sql, int line, String what) {
        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> SqlSplitter.split(sql, FILE));

        assertThat(e).as("no exception for %s", sql).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
        assertThat(e.file()).contains(FILE);
        assertThat(e.line()).hasValue(line);
        assertThat(e.getMessage()).startsWith(FILE + ":" + line + ": " + what).contains("line " + line);
    }

    @Test
    void unterminatedStringMessageSaysWhatToDo() {
        ConvergeException e = catchThrowableOfType(ConvergeException.class,
                () -> SqlSplitter.split("SELECT 'abc", "001_init.sql"));

        assertThat(e.getMessage())
                .isEqualTo("001_init.sql:1: unterminated string starting on line 1; close it, or remove it");
    }

    @Test
    void statementTextExcludesCommentsAroundItButKeepsThoseInside() {
        List<Statement> s = SqlSplitter.split("/* lead */ SELECT /* in */ 1 -- tail\n;", FILE);

        assertThat(s).singleElement().extracting(Statement::text).isEqualTo("SELECT /* in */ 1");
    }

    @Test
    void dataAlwaysCommentBeforeAStatementMarksOnlyThatStatement() {
        List<Statement> s = SqlSplitter.split("""
                INSERT INTO t VALUES(1);
                -- converge:data=always
                INSERT INTO t VALUES(2);
                INSERT INTO t VALUES(3);
                """, FILE);

        assertThat(s).extracting(Statement::dataAlways).containsExactly(false, true, false);
    }

    @Test
    void dataAlwaysCommentOnTheLineOfTheSemicolonMarksThatStatement() {
        List<Statement> s = SqlSplitter.split("""
                INSERT INTO t VALUES(1); -- converge:data=always
                INSERT INTO t VALUES(2);
                """, FILE);

        assertThat(s).extracting(Statement::dataAlways).containsExactly(true, false);
    }

    @Test
    void dataAlwaysInABlockCommentInsideTheStatement() {
        List<Statement> s = SqlSplitter.split(
                "UPDATE t SET a = 1 /* converge:data=always */ WHERE b = 2;\nDELETE FROM t", FILE);

        assertThat(s).extracting(Statement::dataAlways).containsExactly(true, false);
    }

    @Test
    void dataAlwaysInsideAStringIsNotADirective() {
        List<Statement> s = SqlSplitter.split("INSERT INTO t VALUES('-- converge:data=always')", FILE);

        assertThat(s).extracting(Statement::dataAlways).containsExactly(false);
    }
}
