package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptTest {

    @TempDir
    Path tmp;

    @Test
    void readsABaselineAndSplitsIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("schema.sql"),
                "\uFEFFCREATE TABLE IF NOT EXISTS a (x);\r\nCREATE INDEX IF NOT EXISTS a_x ON a (x);\r\n");
        Script script = Script.read(file);
        assertThat(script.name()).isEqualTo("schema.sql");
        assertThat(script.origin()).isEqualTo(file.toString());
        assertThat(script.text()).startsWith("CREATE TABLE");
        assertThat(script.statements()).extracting(Statement::kind)
                .containsExactly(StatementKind.CREATE_TABLE, StatementKind.CREATE_INDEX);
        assertThat(script.statements()).extracting(Statement::line).containsExactly(1, 2);
    }

    @Test
    void missingBaselineIsRefusedNamingIt() {
        Path file = tmp.resolve("missing.sql");
        assertThatThrownBy(() -> Script.read(file))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.file()).contains(file.toString());
                })
                .hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void nonUtf8BaselineIsRefusedNamingIt() throws IOException {
        Path file = Files.write(tmp.resolve("schema.sql"), "-- caf\u00e9\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> Script.read(file))
                .isInstanceOfSatisfying(ConvergeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid UTF-8");
    }
}
