package dev.converge.schema;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary text never crashes or hangs the parser: as any kind of object it parses, or is refused with a
 * {@link ErrorCode#BAD_SQL} {@link ConvergeException} naming the object. What it parses equals itself.
 *
 * <p>{@code mvn verify} runs it over the committed seed corpus in
 * {@code src/test/resources/dev/converge/schema/SchemaParserFuzzTestInputs/parsesOrRefuses/} (regression mode). To
 * fuzz for real, run with {@code JAZZER_FUZZ=1}; findings land in that folder, to be committed as regressions.
 */
class SchemaParserFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefuses(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (ObjectType type : ObjectType.values()) {
            SchemaObject o;
            try {
                o = SchemaParser.parse(type.sqlName(), "fuzzed", "t", text);
            } catch (ConvergeException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                assertThat(e.object()).contains("fuzzed");
                continue;
            }
            assertThat(o.type()).isEqualTo(type);
            assertThat(SchemaDiff.sameDefinition(o, o)).isTrue();
            assertThat(SchemaDiff.between(o, o)).isEmpty();
        }
    }
}
