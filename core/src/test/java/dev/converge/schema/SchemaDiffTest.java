package dev.converge.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTest {

    private static SchemaObject parse(String sql) {
        String head = sql.substring(0, Math.min(40, sql.length())).toUpperCase(java.util.Locale.ROOT);
        ObjectType type = head.contains(" INDEX ") ? ObjectType.INDEX
                : head.contains(" VIEW ") ? ObjectType.VIEW
                : head.contains(" TRIGGER ") ? ObjectType.TRIGGER : ObjectType.TABLE;
        return SchemaParser.parse(type, sql);
    }

    private static List<String> describe(String expected, String actual) {
        return SchemaDiff.between(parse(expected), parse(actual)).stream().map(Change::describe).toList();
    }

    @ParameterizedTest(name = "{0}  ==  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "CREATE TABLE t(a INT, b TEXT)                 | create   table T ( B text , A int )",
            "CREATE TABLE t(a INT NOT NULL DEFAULT 1)      | CREATE TABLE \"t\"(\"A\" int not null default 1 /* c */)",
            "CREATE TABLE t(a, b, UNIQUE(a), CHECK(a>0))   | CREATE TABLE t(a, b, CHECK (a > 0), UNIQUE (A))",
            "CREATE TABLE t(a REFERENCES p(x), b REFERENCES q) | CREATE TABLE t(a, b, FOREIGN KEY (b) REFERENCES Q, FOREIGN KEY(A) REFERENCES P(X))",
            "CREATE TABLE t(a INTEGER PRIMARY KEY)         | CREATE TABLE t(a INTEGER, PRIMARY KEY (a))",
            "CREATE TABLE t(a TEXT COLLATE nocase)         | CREATE TABLE t(a TEXT COLLATE NOCASE)",
            "CREATE TABLE t(a varchar(10))                 | CREATE TABLE t(a VARCHAR ( 10 ))",
            "CREATE TABLE [t]([a] INT)                     | CREATE TABLE `t`(`a` INT)",
            "CREATE INDEX i ON t(a, b DESC)                | create index \"I\" on \"T\" (A , B desc)",
            "CREATE INDEX i ON t(a) WHERE a > 0            | CREATE INDEX i ON t(a) WHERE a>0 /* partial */",
            "CREATE VIEW v AS SELECT a FROM t              | create view \"v\" as select \"a\" from T",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END | create trigger tr after insert on \"t\" begin select 1 ; end",
    })
    void differentlyFormattedDefinitionsAreTheSame(String expected, String actual) {
        SchemaObject e = parse(expected);
        SchemaObject a = parse(actual);
        assertThat(SchemaDiff.between(e, a)).isEmpty();
        assertThat(SchemaDiff.sameDefinition(e, a)).isTrue();
        assertThat(e.sameDefinition(a)).isTrue();
    }

    @ParameterizedTest(name = "{0}  vs  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "CREATE TABLE tokens(scope TEXT)        | CREATE TABLE tokens(scope VARCHAR(20)) | table tokens: column \"scope\" differs: type expected TEXT, actual VARCHAR(20)",
            "CREATE TABLE t(a INT)                  | CREATE TABLE t(a INTEGER)              | table t: column \"a\" differs: type expected INT, actual INTEGER",
            "CREATE TABLE t(a)                      | CREATE TABLE t(a INT)                  | table t: column \"a\" differs: type expected none, actual INT",
            "CREATE TABLE t(a NOT NULL)             | CREATE TABLE t(a)                      | table t: column \"a\" differs: not null expected true, actual false",
            "CREATE TABLE t(a DEFAULT 1)            | CREATE TABLE t(a DEFAULT '1')          | table t: column \"a\" differs: default expected 1, actual '1'",
            "CREATE TABLE t(a COLLATE nocase)       | CREATE TABLE t(a)                      | table t: column \"a\" differs: collation expected NOCASE, actual none",
            "CREATE TABLE t(a, b AS (a) STORED)     | CREATE TABLE t(a, b AS (a))            | table t: column \"b\" differs: generated expected a STORED, actual a VIRTUAL",
            "CREATE TABLE t(a, b)                   | CREATE TABLE t(a)                      | table t: column \"b\" missing",
            "CREATE TABLE t(a)                      | CREATE TABLE t(a, \"B c\")             | table t: column \"B c\" unexpected",
            "CREATE TABLE t(a, b, PRIMARY KEY(a,b)) | CREATE TABLE t(a, b, PRIMARY KEY(b,a)) | table t: primary key differs: expected (a, b), actual (b, a)",
            "CREATE TABLE t(a, UNIQUE(a))           | CREATE TABLE t(a)                      | table t: unique (a) missing",
            "CREATE TABLE t(a)                      | CREATE TABLE t(a CHECK (a > 0))        | table t: check (a > 0) unexpected",
            "CREATE TABLE t(a REFERENCES p(x) ON DELETE CASCADE) | CREATE TABLE t(a)         | table t: foreign key (a) REFERENCES p(x) ON DELETE CASCADE missing",
            "CREATE TABLE t(a) STRICT               | CREATE TABLE t(a)                      | table t: strict expected true, actual false",
            "CREATE TABLE t(a PRIMARY KEY) WITHOUT ROWID | CREATE TABLE t(a PRIMARY KEY)     | table t: without rowid expected true, actual false",
            "CREATE TABLE t(a INTEGER PRIMARY KEY AUTOINCREMENT) | CREATE TABLE t(a INTEGER PRIMARY KEY) | table t: autoincrement expected true, actual false",
            "CREATE VIRTUAL TABLE t USING fts5(a)   | CREATE VIRTUAL TABLE t USING fts4(a)   | table t: module expected fts5, actual fts4",
            "CREATE INDEX idx ON t(a)               | CREATE INDEX idx ON u(a)               | index idx: table expected t, actual u",
            "CREATE INDEX idx ON t(a, b COLLATE nocase DESC) | CREATE INDEX idx ON t(a)      | index idx: keys expected (a, b COLLATE NOCASE DESC), actual (a)",
            "CREATE UNIQUE INDEX idx ON t(a)        | CREATE INDEX idx ON t(a)               | index idx: unique expected true, actual false",
            "CREATE INDEX idx ON t(a) WHERE a > 0   | CREATE INDEX idx ON t(a)               | index idx: where expected a > 0, actual none",
            "CREATE VIEW v AS SELECT 1              | CREATE VIEW v AS SELECT 2              | view v: definition expected as select 1, actual as select 2",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END | CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT 1; END | trigger tr: definition expected after insert on t begin select 1 ; end, actual before insert on t begin select 1 ; end",
    })
    void eachDifferenceIsOneReadableLine(String expected, String actual, String line) {
        assertThat(describe(expected, actual)).containsExactly(line);
        assertThat(SchemaDiff.sameDefinition(parse(expected), parse(actual))).isFalse();
        assertThat(SchemaDiff.sameDefinition(parse(actual), parse(expected))).isFalse();
    }

    @Test
    void severalAttributesOfOneColumnShareOneLine() {
        assertThat(describe("CREATE TABLE t(a TEXT NOT NULL)", "CREATE TABLE t(a INT DEFAULT 0)"))
                .containsExactly("table t: column \"a\" differs: type expected TEXT, actual INT; "
                        + "not null expected true, actual false; default expected none, actual 0");
    }

    @Test
    void constraintsCompareAsMultisets() {
        assertThat(describe("CREATE TABLE t(a, b, CHECK (a > 0), CHECK (a > 0))",
                "CREATE TABLE t(a, b, CHECK (a > 0), CHECK (b > 0))"))
                .containsExactly("table t: check (a > 0) missing", "table t: check (b > 0) unexpected");
    }

    @Test
    void schemasReportMissingAndUnexpectedObjectsInObjectOrder() {
        Schema expected = Schema.of(parse("CREATE TABLE tokens(a)"), parse("CREATE INDEX idx_tokens_hash ON tokens(a)"));
        Schema actual = Schema.of(parse("CREATE TABLE Tokens(a, b)"), parse("CREATE TABLE extra(x)"));
        assertThat(SchemaDiff.between(expected, actual)).extracting(Change::describe).containsExactly(
                "table extra: unexpected",
                "table tokens: column \"b\" unexpected",
                "index idx_tokens_hash: missing");
        assertThat(SchemaDiff.between(expected, expected)).isEmpty();
        assertThat(expected.sameAs(actual)).isFalse();
        assertThat(expected.sameAs(Schema.of(parse("create table TOKENS (A)"),
                parse("create index IDX_TOKENS_HASH on tokens (a)")))).isTrue();
    }

    @Test
    void objectsOfDifferentKindsNeverHaveTheSameDefinition() {
        SchemaObject table = parse("CREATE TABLE v(a)");
        SchemaObject view = parse("CREATE VIEW v AS SELECT 1 AS a");
        assertThat(SchemaDiff.sameDefinition(table, view)).isFalse();
        assertThat(SchemaDiff.between(table, view)).extracting(Change::describe)
                .containsExactly("table v: missing", "view v: unexpected");
    }

    @Test
    void columnOrderIsNotADifferenceButANote() {
        Schema expected = Schema.of(parse("CREATE TABLE t(a, b, c)"), parse("CREATE TABLE u(x, y)"));
        Schema actual = Schema.of(parse("CREATE TABLE t(b, a, c)"), parse("CREATE TABLE u(x, z, y)"));
        assertThat(SchemaDiff.between(expected.without(ObjectId.table("u")), actual.without(ObjectId.table("u"))))
                .isEmpty();
        assertThat(SchemaDiff.columnOrderNotes(expected, actual)).extracting(Change::describe)
                .containsExactly("table t: column order differs: expected (a, b, c), actual (b, a, c)");
    }
}
