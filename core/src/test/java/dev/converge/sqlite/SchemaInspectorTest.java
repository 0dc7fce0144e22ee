package dev.converge.sqlite;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.schema.Change;
import dev.converge.schema.Index;
import dev.converge.schema.IndexKey;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.schema.SchemaParser;
import dev.converge.schema.Table;
import dev.converge.schema.Trigger;
import dev.converge.schema.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaInspectorTest {
    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private void exec(String... sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private Schema live() {
        return SchemaInspector.inspect(db);
    }

    @Test
    void emptyDatabaseHasAnEmptySchema() {
        assertThat(live().isEmpty()).isTrue();
    }

    @Test
    void readsEveryKindOfObjectAndLeavesOutSqlitesOwn() throws SQLException {
        exec("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, v)",
                "CREATE INDEX idx_t_v ON t(v DESC)",
                "CREATE VIEW vw AS SELECT id FROM t",
                "CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET v = 1 WHERE id = new.id; END",
                "INSERT INTO t(name) VALUES ('a')", "ANALYZE");
        Schema s = live();
        assertThat(s.ids()).containsExactly(ObjectId.table("t"), ObjectId.index("idx_t_v"), ObjectId.view("vw"),
                ObjectId.trigger("trg"));
        Table t = s.table("T").orElseThrow();
        assertThat(t.autoincrement()).isTrue();
        assertThat(t.uniques()).containsExactly(List.of("name"));
        assertThat(((Index) s.get(ObjectId.index("idx_t_v")).orElseThrow()).keys())
                .containsExactly(new IndexKey("v", null, null, true));
        assertThat(((View) s.get(ObjectId.view("vw")).orElseThrow()).definition())
                .isEqualTo("as select id from t");
        assertThat(((Trigger) s.get(ObjectId.trigger("trg")).orElseThrow()).table()).isEqualTo("t");
    }

    @Test
    void historyTableAndItsIndexesAreLeftOutByName() throws SQLException {
        exec("CREATE TABLE Schema_Migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE INDEX hist_name ON schema_migrations(name)", "CREATE TABLE app(x)");
        assertThat(SchemaInspector.inspect(db, "schema_migrations").ids()).containsExactly(ObjectId.table("app"));
        assertThat(live().ids()).contains(ObjectId.table("schema_migrations"), ObjectId.index("hist_name"));
    }

    @Test
    void fts5TableIsOneObjectWithoutItsShadowTables() throws SQLException {
        exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')");
        Schema s = live();
        assertThat(s.ids()).containsExactly(ObjectId.table("docs"));
        Table docs = s.table("docs").orElseThrow();
        assertThat(docs.module()).isEqualTo("fts5");
        assertThat(docs.moduleArgs()).isEqualTo("title , body , tokenize = 'porter'");
        assertThat(SchemaInspector.shadowTables(db))
                .containsExactlyInAnyOrder("docs_data", "docs_idx", "docs_content", "docs_docsize", "docs_config");
    }

    @Test
    void awkwardNamesGeneratedColumnsStrictWithoutRowidAndExpressionIndexes() throws SQLException {
        String[] script = {
                "CREATE TABLE \"order items\"([select] TEXT NOT NULL COLLATE NOCASE, `from` INT,"
                        + " \"Total\" REAL GENERATED ALWAYS AS (\"from\" * 2) STORED, v TEXT AS (upper([select])),"
                        + " PRIMARY KEY ([select], `from`)) WITHOUT ROWID, STRICT",
                "CREATE UNIQUE INDEX \"idx spaced\" ON \"order items\"(lower([select]) COLLATE RTRIM DESC, \"from\")"
                        + " WHERE \"from\" > 0"};
        exec(script);
        Schema s = live();
        Table t = s.table("ORDER ITEMS").orElseThrow();
        assertThat(t.withoutRowid()).isTrue();
        assertThat(t.strict()).isTrue();
        assertThat(t.primaryKey()).containsExactly("select", "from");
        assertThat(t.column("total").orElseThrow().generated()).isEqualTo("\"from\" * 2");
        assertThat(t.column("total").orElseThrow().stored()).isTrue();
        assertThat(t.column("v").orElseThrow().stored()).isFalse();
        Index i = (Index) s.get(ObjectId.index("idx spaced")).orElseThrow();
        assertThat(i.keys()).containsExactly(new IndexKey(null, "lower ( \"select\" )", "RTRIM", true),
                new IndexKey("from", null, null, false));
        assertThat(i.where()).isEqualTo("\"from\" > 0");
        assertThat(i.unique()).isTrue();
        Schema parsed = Schema.of(SchemaParser.parse(ObjectType.TABLE, script[0]),
                SchemaParser.parse(ObjectType.INDEX, script[1]));
        assertThat(SchemaDiff.between(parsed, s)).isEmpty();
    }

    @Test
    void tableRenamedAfterCreationEqualsOneCreatedUnderTheNewName() throws SQLException {
        exec("CREATE TABLE old_name(a INT, b TEXT)", "CREATE INDEX idx_b ON old_name(b)",
                "ALTER TABLE old_name RENAME TO tokens");
        Schema s = live();
        Table t = s.table("tokens").orElseThrow();
        assertThat(t.sql()).startsWith("CREATE TABLE \"tokens\"");
        Schema expected = Schema.of(SchemaParser.parse(ObjectType.TABLE, "CREATE TABLE tokens(a INT, b TEXT)"),
                SchemaParser.parse(ObjectType.INDEX, "CREATE INDEX idx_b ON tokens(b)"));
        assertThat(SchemaDiff.between(expected, s)).isEmpty();
    }

    @Test
    void columnAddedByAlterEqualsOneDeclaredInCreate() throws SQLException {
        exec("CREATE TABLE t(a INT)", "ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'x' COLLATE nocase",
                "ALTER TABLE t ADD b2 REFERENCES p(id) ON DELETE CASCADE");
        Table declared = (Table) SchemaParser.parse(ObjectType.TABLE,
                "CREATE TABLE t(a INT, b TEXT NOT NULL DEFAULT 'x' COLLATE NOCASE,"
                        + " b2 REFERENCES p(id) ON DELETE CASCADE)");
        assertThat(SchemaDiff.between(declared, live().table("t").orElseThrow())).isEmpty();
    }

    @Test
    void aDifferenceInTheLiveSchemaIsReported() throws SQLException {
        exec("CREATE TABLE tokens(scope VARCHAR(20))");
        Schema expected = Schema.of(SchemaParser.parse(ObjectType.TABLE, "CREATE TABLE tokens(scope TEXT)"),
                SchemaParser.parse(ObjectType.INDEX, "CREATE INDEX idx_tokens_hash ON tokens(scope)"));
        assertThat(SchemaDiff.between(expected, live())).extracting(Change::describe).containsExactly(
                "table tokens: column \"scope\" differs: type expected TEXT, actual VARCHAR(20)",
                "index idx_tokens_hash: missing");
    }

    @Test
    void aFileThatIsNotADatabaseIsNotADatabaseError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.db");
        Files.writeString(file, "this is not a database at all, just text that is long enough ".repeat(20));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThatThrownBy(() -> SchemaInspector.inspect(c))
                    .isInstanceOfSatisfying(ConvergeException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_DATABASE))
                    .hasMessageContaining("not a SQLite database");
        }
    }

    @Test
    void aClosedConnectionIsAnInternalError() throws SQLException {
        db.close();
        assertThatThrownBy(this::live)
                .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    }
}
