package dev.converge.engine;

import dev.converge.Converge;
import dev.converge.LintReport;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LintTest {
    private static LintReport lint(Map<String, String> files, String baseline) {
        Converge.Builder b = Converge.configure().migrations(MigrationSource.memory(files));
        if (baseline != null) {
            b.baseline(new Script("schema.sql", baseline, "schema.sql"));
        }
        return b.loadForLint().lint();
    }

    private static Map<String, String> files(String... nameThenSql) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            m.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return m;
    }

    @Test
    void starpunkIsClean() {
        LintReport r = Converge.configure().migrations(Starpunk.MIGRATIONS).baseline(Starpunk.SCHEMA).loadForLint().lint();
        assertThat(r.errors()).isEmpty();
        assertThat(r.ok()).isTrue();
        // the seed note of 005 is never run by a baseline install: reported
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(LintReport.Severity.NOTE);
            assertThat(f.file()).endsWith("005_seed_welcome_note.sql");
        });
    }

    @Test
    void theIncidentBaselineWouldHaveBeenCaught() {
        // v1.1's SCHEMA_SQL had the tables of 002 but none of their indexes
        LintReport r = Converge.configure().migrations(MigrationSource.folder(Starpunk.MIGRATIONS).load().upTo(
                        dev.converge.source.Version.of(2)).migrations().stream()
                        .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toMap(
                                m -> m.name(), m -> m.text(), (a, b) -> a, LinkedHashMap::new), MigrationSource::memory)))
                .baseline(Starpunk.V1_1).loadForLint().lint();
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(LintReport.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("idx_tokens_hash").contains("missing"));
    }

    @Test
    void columnOrderAndPositionalCopiesAreReported() {
        LintReport r = lint(files(
                        "001_t.sql", "CREATE TABLE t (a TEXT, b TEXT);",
                        "002_add.sql", "ALTER TABLE t ADD COLUMN c TEXT;",
                        "003_copy.sql", "CREATE TABLE t2 (a TEXT, b TEXT, c TEXT);\nINSERT INTO t2 SELECT * FROM t;"),
                "CREATE TABLE t (a TEXT, c TEXT, b TEXT);\nCREATE TABLE t2 (a TEXT, b TEXT, c TEXT);");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(LintReport.Severity.WARNING);
            assertThat(f.message()).contains("t").containsIgnoringCase("order");
        });
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("003_copy.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("by column position");
        });
    }

    @Test
    void touchingTheHistoryTableAndBreakingAtomicityAreErrors() {
        LintReport r = lint(files(
                "001_t.sql", "CREATE TABLE t (a);\nDELETE FROM schema_migrations;",
                "002_vacuum.sql", "CREATE TABLE u (b);\nVACUUM;"), null);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("001_t.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("history table");
        });
        assertThat(r.errors()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("002_vacuum.sql");
            assertThat(f.message()).contains("VACUUM");
        });
    }

    @Test
    void aSetThatDoesNotReplayIsAnErrorNamingFileAndLine() {
        LintReport r = lint(files("001_t.sql", "ALTER TABLE nowhere ADD COLUMN x;"), null);
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("001_t.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("nowhere");
        });
    }
}
