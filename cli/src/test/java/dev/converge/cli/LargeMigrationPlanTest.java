package dev.converge.cli;

import dev.converge.source.LargeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `plan` of a migration streamed because it is large prints its real statements, read again from the file. */
class LargeMigrationPlanTest {
    @TempDir
    Path dir;

    @Test
    void planPrintsTheRealStatementsOfAStreamedMigrationNotItsSketches() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        StringBuilder sb = new StringBuilder("CREATE TABLE rows (id INTEGER PRIMARY KEY, v TEXT);\n");
        String padding = "p".repeat(400);
        for (int i = 0; sb.length() < LargeFile.ABOVE_BYTES; i++) {
            sb.append("INSERT INTO rows (id, v) VALUES (").append(i).append(", '").append(padding).append("');\n");
        }
        Files.writeString(migrations.resolve("001_rows.sql"), sb);
        Files.createFile(dir.resolve("app.db")); // an empty file is an empty database: plan never creates one

        Cli plan = Cli.run("plan", "--db", dir.resolve("app.db").toString(), "--migrations", migrations.toString());
        Cli json = Cli.run("plan", "--json", "--db", dir.resolve("app.db").toString(), "--migrations",
                migrations.toString());

        assertThat(plan.status()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("INSERT INTO rows (id, v) VALUES (4, '" + padding + "');")
                .doesNotContain("VALUES ...");
        assertThat(json.status()).as(json.err()).isZero();
        assertThat(json.out()).contains("INSERT INTO rows (id, v) VALUES (4, '" + padding + "')")
                .doesNotContain("VALUES ...");
    }
}
