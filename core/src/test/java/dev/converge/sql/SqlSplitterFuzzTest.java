package dev.converge.sql;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary text never crashes or hangs the splitter or the normalizer: it splits, or is refused with a
 * {@link ErrorCode#BAD_SQL} {@link ConvergeException} naming the file and a line inside the text.
 *
 * <p>{@code mvn verify} runs each method over its committed seed corpus in
 * {@code src/test/resources/dev/converge/sql/SqlSplitterFuzzTestInputs/<method>/} (regression mode). To fuzz for
 * real, run with {@code JAZZER_FUZZ=1}; new findings are written to that folder, to be committed as regressions.
 */
class SqlSplitterFuzzTest {

    private static final String FILE = "fuzz.sql";

    @FuzzTest(maxDuration = "2m")
    void splitsOrRefuses(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Statement> statements;
        try {
            statements = SqlSplitter.split(text, FILE);
        } catch (ConvergeException e) {
            assertRefusal(e, text);
            return;
        }
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        int previousLine = 1;
        for (Statement s : statements) {
            assertThat(s.text()).isNotEmpty();
            assertThat(" \t\n\r\f").doesNotContain(s.text().substring(0, 1))
                    .doesNotContain(s.text().substring(s.text().length() - 1));
            assertThat(text).contains(s.text());
            assertThat(s.line()).isBetween(previousLine, lines);
            previousLine = s.line();
            assertThat(s.kind()).isNotNull();
            // a statement split again is itself, and its tokens normalize without refusal
            List<Statement> again = SqlSplitter.split(s.text(), FILE);
            assertThat(again).singleElement().returns(s.text(), Statement::text).returns(s.kind(), Statement::kind);
            SqlText.normalize(s.text());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void normalizesOrRefuses(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String normal;
        try {
            normal = SqlText.normalize(text);
        } catch (ConvergeException e) {
            assertRefusal(e, text);
            return;
        }
        // the normal form is a fixed point: normalizing it again changes nothing
        assertThat(SqlText.normalize(normal)).isEqualTo(normal);
    }

    private static void assertRefusal(ConvergeException e, String text) {
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
        assertThat(e.getMessage()).contains("unterminated");
        assertThat(e.line()).isPresent();
        assertThat(e.line().getAsInt()).isBetween(1, lines);
    }
}
