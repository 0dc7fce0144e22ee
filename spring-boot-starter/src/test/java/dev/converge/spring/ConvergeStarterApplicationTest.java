package dev.converge.spring;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSource;
import dev.converge.spring.app.NoteCount;
import dev.converge.spring.app.NotesApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real {@code @SpringBootApplication} against a SQLite file: the starter migrates the DataSource before the
 * application's beans read it, publishes the run's result, and a refusal stops the start with Converge's message.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConvergeStarterApplicationTest {
    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path db, String... extra) {
        SpringApplication app = new SpringApplication(NotesApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[extra.length + 1];
        args[0] = "--spring.datasource.url=jdbc:sqlite:" + db;
        System.arraycopy(extra, 0, args, 1, extra.length);
        return app.run(args);
    }

    @Test
    void theApplicationsBeansReadATableTheMigrationsCreatedAtStartUp() {
        Path db = dir.resolve("app.db");

        try (ConfigurableApplicationContext ctx = start(db)) {
            assertThat(ctx.getBean(NoteCount.class).atStartup()).isEqualTo(1);
            RunResult result = ctx.getBean(RunResult.class);
            assertThat(result.fastPath()).isFalse();
            assertThat(result.done()).extracting(s -> s.name()).containsExactly("001_notes.sql", "002_tags.sql");
        }
        assertThat(Files.exists(db)).isTrue();

        try (ConfigurableApplicationContext again = start(db)) {
            assertThat(again.getBean(RunResult.class).fastPath()).isTrue();
            assertThat(again.getBean(NoteCount.class).atStartup()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalStopsTheStartWithConvergesMessage(CapturedOutput output) {
        Path db = dir.resolve("app.db");
        // the database has migration 1 as it was before someone edited the file
        Converge.configure().database(db).migrations(MigrationSource.memory(Map.of("001_notes.sql",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"))).load().migrate();

        assertThatThrownBy(() -> start(db).close())
                .rootCause()
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains("migration 1 (").contains("001_notes.sql")
                            .contains("was applied with checksum");
                });
        assertThat(output).contains("Converge did not migrate the application's database (CHECKSUM_MISMATCH)");
    }

    @Test
    void nothingIsMigratedWhenDisabled() {
        Path db = dir.resolve("app.db");

        assertThatThrownBy(() -> start(db, "--converge.enabled=false").close())
                .rootCause().hasMessageContaining("no such table: notes");
    }

    @Test
    void theHistoryTableAndTheMigrationsFolderAreConfigurable() throws Exception {
        Path db = dir.resolve("app.db");
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("001_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                + "INSERT INTO notes (body) VALUES ('a'), ('b');");

        try (ConfigurableApplicationContext ctx = start(db, "--converge.migrations=filesystem:" + folder,
                "--converge.history-table=app_history", "--converge.lock-timeout=5s")) {
            assertThat(ctx.getBean(NoteCount.class).atStartup()).isEqualTo(2);
            Long rows = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT count(*) FROM app_history", Long.class);
            assertThat(rows).isEqualTo(1);
        }
    }
}
