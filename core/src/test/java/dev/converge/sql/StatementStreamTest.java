package dev.converge.sql;

import dev.converge.PropertySeed;
import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The splitter over a reader ({@link StatementStream}) gives what {@link SqlSplitter#split} gives for the whole text:
 * the same statements at the same lines, the same errors, wherever the ends of its blocks fall; and the sketches it
 * keeps of data statements keep what the checks read.
 */
class StatementStreamTest {
    private static final int[] BLOCKS = {1, 2, 3, 5, 8, 13, 64};

    private static List<Statement> stream(String text, int block, boolean sketch) {
        StatementStream s = StatementStream.of(new StringReader(text), "003_tokens.sql", sketch, block);
        List<Statement> out = new ArrayList<>();
        for (Statement st = s.next(); st != null; st = s.next()) {
            out.add(st);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dev.converge.sql.SqlSplitterTest#scripts")
    void splitsTheTableOfScriptsAsTheWholeTextSplits(String sql, List<?> pieces) {
        List<Statement> whole = SqlSplitter.split(sql, "003_tokens.sql");
        for (int block : BLOCKS) {
            assertThat(stream(sql, block, false)).as("blocks of %d", block).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.converge.sql.SqlSplitterTest#unterminated")
    void refusesUnterminatedInputWithTheWholeTextsMessage(String sql, int line, String what) {
        String expected = catchThrowableOfType(ConvergeException.class,
                () -> SqlSplitter.split(sql, "003_tokens.sql")).getMessage();
        for (int block : BLOCKS) {
            ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> stream(sql, block, false));
            assertThat(e).as("blocks of %d", block).isNotNull();
            assertThat(e.getMessage()).isEqualTo(expected);
        }
    }

    @Test
    void awkwardScriptsSplitTheSameWhereverTheBlocksEnd() {
        qt().withFixedSeed(PropertySeed.seed()).withExamples(300)
                .forAll(AwkwardScripts.scripts(), integers().between(1, 40)).checkAssert((script, block) ->
                        assertThat(stream(script.text(), block, false)).as("%s in blocks of %d", script, block)
                                .isEqualTo(SqlSplitter.split(script.text(), "003_tokens.sql")));
    }

    @Test
    void sketchesKeepKindNamesAndLinesAndNumberEveryStatementOfTheFile() {
        qt().withFixedSeed(PropertySeed.seed()).withExamples(300)
                .forAll(AwkwardScripts.scripts(), integers().between(1, 40)).checkAssert((script, block) -> {
                    List<Statement> whole = SqlSplitter.split(script.text(), "003_tokens.sql");
                    List<Statement> sketched = stream(script.text(), block, true);
                    assertThat(sketched).hasSameSizeAs(whole);
                    for (int i = 0; i < whole.size(); i++) {
                        Statement w = whole.get(i);
                        Statement s = sketched.get(i);
                        assertThat(s.isSketch()).as("%s", w).isEqualTo(w.kind().isData());
                        assertThat(s).as("%s", w)
                                .returns(w.line(), Statement::line).returns(w.kind(), Statement::kind)
                                .returns(w.objectName(), Statement::objectName)
                                .returns(w.tableName(), Statement::tableName)
                                .returns(w.dataAlways(), Statement::dataAlways)
                                .returns(w.isSketch() || !w.kind().isData() ? -1 : i, Statement::sketchOf);
                        if (!s.isSketch()) {
                            assertThat(s).isEqualTo(w);
                        }
                    }
                });
    }

    @Test
    void aSketchWritesEachRunOfLiteralsOnceAndKeepsWordsAndNames() {
        String sql = "INSERT INTO \"my items\" (id, v) VALUES (1, 'a;b'), (-2, NULL), (3, x'00');\n"
                + "INSERT INTO t_new (a, b) SELECT a, lower(b) FROM [old t] WHERE a > 10;\n"
                + "UPDATE t SET v = 'x' WHERE id IN (SELECT id FROM u JOIN w ON u.k = w.k);\n"
                + "CREATE TABLE u (k INTEGER DEFAULT 0);\n";

        List<Statement> sketched = stream(sql, 7, true);

        assertThat(sketched).extracting(Statement::text).containsExactly(
                "INSERT INTO \"my items\" ( id , v ) VALUES ...",
                "INSERT INTO t_new ( a , b ) SELECT a , lower ( b ) FROM [old t] WHERE a > ...",
                "UPDATE t SET v = ... WHERE id IN ( SELECT id FROM u JOIN w ON u . k = w . k )",
                "CREATE TABLE u (k INTEGER DEFAULT 0)");
        assertThat(sketched.get(0).tableName()).isEqualTo("my items");
        assertThat(sketched.get(1).copiesRows()).isTrue();
        assertThat(sketched.get(1).readsFrom("old t")).isTrue();
        assertThat(sketched.get(2).readsFrom("w")).isTrue();
        assertThat(sketched.get(0).copiesRows()).isFalse();
        assertThat(sketched).extracting(Statement::sketchOf).containsExactly(0, 1, 2, -1);
    }

    @Test
    void statementsOfOneShapeShareOneSketch() {
        String sql = "INSERT INTO items (id, v) VALUES (1, 'a');\nINSERT INTO items (id, v) VALUES (2, 'b');\n";

        List<Statement> sketched = stream(sql, 64, true);

        assertThat(sketched.get(0).text()).isSameAs(sketched.get(1).text());
        assertThat(sketched.get(0).tableName()).isSameAs(sketched.get(1).tableName());
    }

    @Test
    void aStatementLongerThanManyBlocksIsSplitWhole() {
        StringBuilder sb = new StringBuilder("-- rows\nINSERT INTO t VALUES\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("(").append(i).append(", 'row;").append(i).append("')");
        }
        sb.append(";\nCREATE INDEX i ON t(a);");
        String sql = sb.toString();

        assertThat(stream(sql, 16, false)).isEqualTo(SqlSplitter.split(sql, "003_tokens.sql"))
                .extracting(Statement::line).containsExactly(2, 5_003);
    }
}
