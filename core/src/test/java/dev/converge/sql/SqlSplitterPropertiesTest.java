package dev.converge.sql;

import dev.converge.PropertySeed;
import dev.converge.sql.AwkwardScripts.Feature;
import dev.converge.sql.AwkwardScripts.Script;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Statements written with awkward tokens, joined by {@code ;} with random whitespace, comments and empty statements
 * between them, split back into the same statements at the same lines. QuickTheories prints the seed of a failure;
 * replay it with {@code -Dconverge.seed=SEED} (see {@link dev.converge.PropertySeed}).
 */
class SqlSplitterPropertiesTest {

    private static final int EXAMPLES = Boolean.getBoolean("converge.long") ? 5000 : 300;

    @Test
    void awkwardStatementsJoinedBySemicolonsSplitBackIntoTheSameStatements() {
        Map<Feature, Integer> seen = new EnumMap<>(Feature.class);

        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(AwkwardScripts.scripts()).checkAssert(script -> {
            script.features().forEach(f -> seen.merge(f, 1, Integer::sum));
            List<Statement> split = SqlSplitter.split(script.text(), "generated.sql");

            assertThat(split).extracting(Statement::text).as("texts of %s", script)
                    .containsExactlyElementsOf(script.statements());
            assertThat(split).extracting(Statement::line).as("lines of %s", script)
                    .containsExactlyElementsOf(script.lines());
        });

        assertThat(seen).as("how often each feature was generated").containsOnlyKeys(Feature.values());
    }

    @Test
    void everyStatementSplitAloneIsItself() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(AwkwardScripts.scripts()).checkAssert(script -> {
            for (Statement s : SqlSplitter.split(script.text(), "generated.sql")) {
                List<Statement> again = SqlSplitter.split(s.text(), "one.sql");

                assertThat(again).as("%s of %s", s, script).singleElement()
                        .returns(s.text(), Statement::text).returns(s.kind(), Statement::kind);
            }
        });
    }

    @Test
    void scriptsNormalizeTheSameWithoutTheirComments() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(AwkwardScripts.scripts()).checkAssert(script -> {
            for (Statement s : SqlSplitter.split(script.text(), "generated.sql")) {
                String withoutComments = String.join(" ", Tokenizer.tokenize(s.text(), "one.sql").stream()
                        .filter(t -> t.type() != TokenType.COMMENT).map(Token::text).toList());

                assertThat(SqlText.normalize(s.text())).as("%s of %s", s, script)
                        .isEqualTo(SqlText.normalize(withoutComments));
            }
        });
    }
}
