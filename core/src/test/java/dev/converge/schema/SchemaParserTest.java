package dev.converge.schema;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaParserTest {

    static Table table(String sql) {
        return (Table) SchemaParser.parse(ObjectType.TABLE, sql);
    }

    static Index index(String sql) {
        return (Index) SchemaParser.parse(ObjectType.INDEX, sql);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a INT                         | INT",
            "a integer                     | INTEGER",
            "a varchar ( 10 )              | VARCHAR(10)",
            "a decimal(10, 2)              | DECIMAL(10,2)",
            "a unsigned   big int          | UNSIGNED BIG INT",
            "a double precision            | DOUBLE PRECISION",
            "a numeric(-1, +2)             | NUMERIC(-1,+2)",
            "a \"int\"                     | INT",
            "a                             | ''",
            "a key                         | KEY",
            "a text not null               | TEXT",
    })
    void declaredTypesNormalizeByCaseAndSpacingOnly(String column, String type) {
        assertThat(table("CREATE TABLE t(" + column + ")").columns().get(0).type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "DEFAULT 'x'                     | 'x'",
            "DEFAULT 'It''s'                 | 'It''s'",
            "DEFAULT -1                      | -1",
            "DEFAULT +1.5e3                  | +1.5e3",
            "DEFAULT 0x1F                    | 0x1F",
            "DEFAULT (datetime('now'))       | ( datetime ( 'now' ) )",
            "DEFAULT CURRENT_TIMESTAMP       | current_timestamp",
            "DEFAULT current_date            | current_date",
            "DEFAULT CURRENT_TIME            | current_time",
            "DEFAULT TRUE                    | true",
            "DEFAULT false                   | false",
            "DEFAULT NULL                    | null",
            "DEFAULT X'00ff'                 | x'00ff'",
            "DEFAULT ( 1 + 2 )               | ( 1 + 2 )",
    })
    void defaultsInAllTheirForms(String constraint, String expected) {
        Column c = table("CREATE TABLE t(a TEXT " + constraint + ")").columns().get(0);
        assertThat(c.defaultValue()).isEqualTo(expected);
        assertThat(c.type()).isEqualTo("TEXT");
    }

    @Test
    void columnConstraintsAllTogether() {
        Table t = table("CREATE TABLE t(id INTEGER CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT REPLACE AUTOINCREMENT,"
                + " name TEXT CONSTRAINT nn NOT NULL ON CONFLICT ABORT COLLATE nocase UNIQUE ON CONFLICT IGNORE,"
                + " other NULL CHECK (other > 0) REFERENCES p(x) ON DELETE SET NULL ON UPDATE CASCADE MATCH full"
                + " DEFERRABLE INITIALLY DEFERRED,"
                + " g INT GENERATED ALWAYS AS (id * 2) STORED,"
                + " h AS (upper(name)))");
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.autoincrement()).isTrue();
        Column id = t.column("ID").orElseThrow();
        assertThat(id.primaryKeyPosition()).isEqualTo(1);
        Column name = t.column("name").orElseThrow();
        assertThat(name.notNull()).isTrue();
        assertThat(name.collation()).isEqualTo("NOCASE");
        assertThat(t.uniques()).containsExactly(List.of("name"));
        assertThat(t.checks()).containsExactly("other > 0");
        assertThat(t.foreignKeys()).containsExactly(
                new ForeignKey(List.of("other"), "p", List.of("x"), "SET NULL", "CASCADE", "FULL", true));
        Column other = t.column("other").orElseThrow();
        assertThat(other.type()).isEmpty();
        assertThat(other.notNull()).isFalse();
        Column g = t.column("g").orElseThrow();
        assertThat(g.generated()).isEqualTo("id * 2");
        assertThat(g.stored()).isTrue();
        Column h = t.column("h").orElseThrow();
        assertThat(h.generated()).isEqualTo("upper ( name )");
        assertThat(h.stored()).isFalse();
        assertThat(h.isGenerated()).isTrue();
    }

    @Test
    void tableConstraintsWithAndWithoutNamesAndCommas() {
        Table t = table("CREATE TABLE t(a, b, c,"
                + " CONSTRAINT pk PRIMARY KEY (b DESC, a) ON CONFLICT FAIL"
                + " UNIQUE (c COLLATE nocase, a), CHECK (a <> b), CONSTRAINT fk FOREIGN KEY (c, a) REFERENCES"
                + " \"Parent Table\" (x, y) ON DELETE CASCADE NOT DEFERRABLE INITIALLY DEFERRED)"
                + " WITHOUT ROWID, STRICT");
        assertThat(t.primaryKey()).containsExactly("b", "a");
        assertThat(t.column("a").orElseThrow().primaryKeyPosition()).isEqualTo(2);
        assertThat(t.column("b").orElseThrow().primaryKeyPosition()).isEqualTo(1);
        assertThat(t.column("c").orElseThrow().primaryKeyPosition()).isZero();
        assertThat(t.uniques()).containsExactly(List.of("c", "a"));
        assertThat(t.checks()).containsExactly("a <> b");
        assertThat(t.foreignKeys()).containsExactly(new ForeignKey(List.of("c", "a"), "Parent Table",
                List.of("x", "y"), "CASCADE", "NO ACTION", null, false));
        assertThat(t.withoutRowid()).isTrue();
        assertThat(t.strict()).isTrue();
    }

    @Test
    void foreignKeyActionsAndDeferral() {
        Table t = table("CREATE TABLE t(a REFERENCES p ON UPDATE SET DEFAULT ON DELETE RESTRICT DEFERRABLE NOT NULL,"
                + " b REFERENCES p ON DELETE NO ACTION DEFERRABLE INITIALLY IMMEDIATE)");
        assertThat(t.foreignKeys()).containsExactly(
                new ForeignKey(List.of("a"), "p", List.of(), "RESTRICT", "SET DEFAULT", null, false),
                new ForeignKey(List.of("b"), "p", List.of(), "NO ACTION", "NO ACTION", null, false));
        assertThat(t.column("a").orElseThrow().notNull()).isTrue();
    }

    @Test
    void keywordsSqliteAcceptsAsBareNamesAreColumnNames() {
        Table t = table("CREATE TABLE t(key TEXT, replace INT, temp, action, no, match, desc, asc, end, "
                + "PRIMARY KEY (key))");
        assertThat(t.columns()).extracting(Column::name)
                .containsExactly("key", "replace", "temp", "action", "no", "match", "desc", "asc", "end");
        assertThat(t.primaryKey()).containsExactly("key");
        assertThat(t.column("temp").orElseThrow().type()).isEmpty();
    }

    @Test
    void quotedNamesKeepTheirCaseAndSpaces() {
        Table t = table("CREATE TABLE IF NOT EXISTS main.\"My Table\"([select] TEXT, `group by` INT, \"a\"\"b\" ,"
                + " 'lit' REAL)");
        assertThat(t.name()).isEqualTo("My Table");
        assertThat(t.columns()).extracting(Column::name).containsExactly("select", "group by", "a\"b", "lit");
    }

    @Test
    void commentsAndTrailingSemicolonAreIgnored() {
        Table t = table("CREATE TABLE t( -- the id\n id INTEGER /* key */ PRIMARY KEY\n);");
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.column("id").orElseThrow().type()).isEqualTo("INTEGER");
    }

    @Test
    void nameFromSqliteSchemaWinsOverTheText() {
        SchemaObject o = SchemaParser.parse("table", "renamed", "renamed", "CREATE TABLE \"renamed\"(a)");
        assertThat(o.name()).isEqualTo("renamed");
        assertThat(o.id()).isEqualTo(ObjectId.table("RENAMED"));
    }

    @Test
    void virtualTableKeepsModuleAndNormalizedArguments() {
        Table t = table("CREATE VIRTUAL TABLE docs USING FTS5(title, body,  tokenize = 'porter')");
        assertThat(t.isVirtual()).isTrue();
        assertThat(t.module()).isEqualTo("fts5");
        assertThat(t.moduleArgs()).isEqualTo("title , body , tokenize = 'porter'");
        assertThat(t.columns()).isEmpty();
        Table bare = table("create virtual table if not exists v using mymodule");
        assertThat(bare.module()).isEqualTo("mymodule");
        assertThat(bare.moduleArgs()).isNull();
    }

    @Test
    void indexKeysColumnsExpressionsCollationsAndOrder() {
        Index i = index("CREATE UNIQUE INDEX IF NOT EXISTS \"Idx\" ON t (a, \"B c\" COLLATE nocase DESC, lower(d) ASC,"
                + " e COLLATE \"rtrim\", (f + 1) DESC) WHERE a IS NOT NULL AND e > 0");
        assertThat(i.name()).isEqualTo("Idx");
        assertThat(i.table()).isEqualTo("t");
        assertThat(i.unique()).isTrue();
        assertThat(i.keys()).containsExactly(
                new IndexKey("a", null, null, false),
                new IndexKey("B c", null, "NOCASE", true),
                new IndexKey(null, "lower ( d )", null, false),
                new IndexKey("e", null, "RTRIM", false),
                new IndexKey(null, "( f + 1 )", null, true));
        assertThat(i.where()).isEqualTo("a is not null and e > 0");
    }

    @Test
    void viewDefinitionIsTheNormalizedTextAfterItsName() {
        View v = (View) SchemaParser.parse("view", "V", "V",
                "CREATE VIEW IF NOT EXISTS \"V\" (x, y) AS SELECT a, \"b\" FROM t -- all\n WHERE a > 'A'");
        assertThat(v.definition()).isEqualTo("( x , y ) as select a , b from t where a > 'A'");
        assertThat(v.tableName()).isEqualTo("V");
    }

    @Test
    void triggerDefinitionAndTable() {
        Trigger tr = (Trigger) SchemaParser.parse("trigger", "trg", "t",
                "CREATE TRIGGER trg AFTER UPDATE OF a, b ON \"T\" FOR EACH ROW WHEN new.a > 0 BEGIN "
                        + "UPDATE t SET b = 1; INSERT INTO log VALUES (new.a); END");
        assertThat(tr.table()).isEqualTo("T");
        assertThat(tr.definition()).isEqualTo("after update of a , b on t for each row when new . a > 0 begin "
                + "update t set b = 1 ; insert into log values ( new . a ) ; end");
        Trigger instead = (Trigger) SchemaParser.parse(ObjectType.TRIGGER,
                "CREATE TEMP TRIGGER IF NOT EXISTS x INSTEAD OF DELETE ON v BEGIN SELECT 1; END");
        assertThat(instead.table()).isEqualTo("v");
        assertThat(instead.name()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t(",
            "CREATE TABLE t(a,)",
            "CREATE TABLE t(a INT PRIMARY)",
            "CREATE TABLE t(a) WITHOUT",
            "CREATE TABLE t(a) ROWID",
            "CREATE TABLE t(a DEFAULT)",
            "CREATE TABLE t(a CHECK ())",
            "CREATE TABLE t(a REFERENCES p ON DELETE EXPLODE)",
            "CREATE TABLE t AS SELECT 1",
            "CREATE TABLE t(a VARCHAR(10) UNSIGNED)",
            "CREATE TABLE t(PRIMARY KEY(a), b)",
            "CREATE TABLE t(a 'unterminated)",
            "CREATE INDEX i ON t()",
            "CREATE INDEX i ON t(a",
            "CREATE INDEX i ON t(a) WHERE",
            "CREATE VIEW v",
            "CREATE TRIGGER tr BEGIN END",
            "DROP TABLE t",
            "",
    })
    void unparsableTextIsABadSqlErrorNamingTheObjectAndPosition(String sql) {
        String type = sql.contains("INDEX") ? "index" : sql.contains("VIEW") ? "view"
                : sql.contains("TRIGGER") ? "trigger" : "table";
        assertThatThrownBy(() -> SchemaParser.parse(type, "obj", "t", sql))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                    assertThat(e.object()).contains("obj");
                    assertThat(e.getMessage()).contains(type + " \"obj\"");
                });
    }

    @Test
    void errorMessageShowsExpectedTokenFoundAndPosition() {
        assertThatThrownBy(() -> SchemaParser.parse("table", "t", "t", "CREATE TABLE t(a INT,\n b PRIMARY FOO)"))
                .isInstanceOf(ConvergeException.class)
                .hasMessageContaining("expected KEY")
                .hasMessageContaining("found 'FOO'")
                .hasMessageContaining("line 2");
    }

    @Test
    void missingTextAndUnknownTypeAreBadSql() {
        assertThatThrownBy(() -> SchemaParser.parse("index", "sqlite_autoindex_t_1", "t", null))
                .isInstanceOfSatisfying(ConvergeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL))
                .hasMessageContaining("no CREATE text");
        assertThatThrownBy(() -> SchemaParser.parse("module", "m", "m", "CREATE TABLE m(a)"))
                .isInstanceOfSatisfying(ConvergeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL));
    }
}
