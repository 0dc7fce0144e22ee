package dev.converge.sql;

import dev.converge.PropertySeed;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.quicktheories.QuickTheory.qt;

/**
 * SQLite itself as the oracle: a script run whole by {@code sqlite3_exec} (through sqlite-jdbc's {@code _exec}; its
 * {@code Statement.execute("A; B")} would silently run only A) and the same script run one split statement per
 * JDBC call must leave the same schema and the same number of changed rows.
 */
class SqlSplitterOracleTest {

    private static final int EXAMPLES = Boolean.getBoolean("converge.long") ? 1000 : 40;

    /** Reads the schema: every object's type, name, table and CREATE text. */
    private static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name";
    /** Reads how many rows all statements so far inserted, updated or deleted, triggers included. */
    private static final String CHANGES = "SELECT total_changes()";

    /** What a database holds after a script: its schema rows and its total changes. */
    record Outcome(List<String> schema, long changes, int statements) {
    }

    static Outcome runWhole(String script) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ((SQLiteConnection) c).getDatabase()._exec(script);
            return outcome(c, -1);
        }
    }

    static Outcome runSplit(String script) throws SQLException {
        List<Statement> statements = SqlSplitter.split(script, "oracle.sql");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             java.sql.Statement jdbc = c.createStatement()) {
            for (Statement s : statements) {
                jdbc.execute(s.text());
            }
            return outcome(c, statements.size());
        }
    }

    private static Outcome outcome(Connection c, int statements) throws SQLException {
        List<String> schema = new ArrayList<>();
        long changes;
        try (java.sql.Statement q = c.createStatement()) {
            try (ResultSet r = q.executeQuery(SCHEMA)) {
                while (r.next()) {
                    schema.add(r.getString(1) + " | " + r.getString(2) + " | " + r.getString(3) + " | "
                            + withoutTrailingTrivia(r.getString(4)));
                }
            }
            try (ResultSet r = q.executeQuery(CHANGES)) {
                r.next();
                changes = r.getLong(1);
            }
        }
        return new Outcome(List.copyOf(schema), changes, statements);
    }

    /**
     * The stored CREATE text without whitespace and comments after its last token. Run whole, SQLite stores a
     * CREATE INDEX with everything up to its {@code ;} (and a CREATE VIEW with comments up to it); a statement run
     * alone has nothing there. See {@link #sqliteKeepsTheTriviaBeforeTheSemicolonOfAnIndex()}.
     */
    static String withoutTrailingTrivia(String sql) {
        if (sql == null) {
            return null;
        }
        List<Token> tokens = Tokenizer.tokenize(sql, "sqlite_schema");
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).type() != TokenType.COMMENT) {
                return sql.substring(0, tokens.get(i).end());
            }
        }
        return "";
    }

    @Test
    void sqliteKeepsTheTriviaBeforeTheSemicolonOfAnIndex() throws SQLException {
        // why the oracle compares CREATE texts without trailing trivia: the split text cannot carry it
        String script = "CREATE TABLE t(a); CREATE INDEX i ON t(a) /* note */ ;";

        assertThat(runWhole(script).schema()).contains("index | i | t | CREATE INDEX i ON t(a)");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ((SQLiteConnection) c).getDatabase()._exec(script);
            try (ResultSet r = c.createStatement().executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'i'")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("CREATE INDEX i ON t(a) /* note */ ");
            }
        }
        assertThat(SqlSplitter.split(script, "oracle.sql")).extracting(Statement::text)
                .containsExactly("CREATE TABLE t(a)", "CREATE INDEX i ON t(a)");
    }

    private static void assertSameOutcome(String script) throws SQLException {
        Outcome whole = runWhole(script);
        Outcome split = runSplit(script);

        assertThat(split.schema()).as("schema after the split statements of:\n%s", script)
                .containsExactlyElementsOf(whole.schema());
        assertThat(split.changes()).as("total_changes() after the split statements of:\n%s", script)
                .isEqualTo(whole.changes());
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                arguments(Named.of("creates and inserts with ; in strings", """
                        CREATE TABLE t(a TEXT, b INTEGER);
                        INSERT INTO t VALUES('a;b', 1);
                        INSERT INTO t VALUES('it''s; here', 2); INSERT INTO t VALUES(';', 3)
                        """), 4, 3),
                arguments(Named.of("awkward names", """
                        CREATE TABLE "a;""b"(x);
                        CREATE TABLE `c;``d`(x);
                        CREATE TABLE [e;'f](x);
                        CREATE INDEX "i;1" ON "a;""b"(x);
                        INSERT INTO [e;'f] VALUES(1);
                        """), 5, 1),
                arguments(Named.of("triggers with CASE", """
                        CREATE TABLE t(a);
                        CREATE TABLE log(m);
                        CREATE TRIGGER tr AFTER INSERT ON t BEGIN
                          INSERT INTO log VALUES (CASE WHEN new.a > 1 THEN 'big;END' ELSE 'small' END);
                          UPDATE log SET m = CASE m WHEN 'x' THEN 'y' END WHERE 0;
                        END;
                        INSERT INTO t VALUES (1), (2);
                        """), 4, 4),
                arguments(Named.of("trigger at end of file without ;", """
                        CREATE TABLE t(a);
                        CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT CASE 1 WHEN 1 THEN 2 END; END"""), 2, 0),
                arguments(Named.of("comments everywhere", """
                        -- a header; with 'quotes'
                        /* and a block;
                           comment */
                        CREATE TABLE t(a /* ; */, b -- ;
                        );
                        ;;
                        INSERT INTO t VALUES(1, 2); -- done; 'x'
                        /* last; */"""), 2, 1),
                arguments(Named.of("views and drops", """
                        CREATE TABLE t(a);
                        CREATE VIEW v AS SELECT a, 'x;y' AS k FROM t;
                        DROP VIEW v;
                        CREATE VIEW "v;2" AS SELECT CASE WHEN a THEN ';' END FROM t;
                        ALTER TABLE t ADD COLUMN b TEXT DEFAULT ';';
                        ALTER TABLE t RENAME TO [u;v]
                        """), 6, 0),
                arguments(Named.of("Tcl-style parameter holding ; and a quote", """
                        CREATE TABLE t(a);
                        INSERT INTO t SELECT $a(;');
                        CREATE TABLE u(b)
                        """), 3, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitStatementsDoWhatTheWholeScriptDoes(String script, int statements, long changes) throws SQLException {
        Outcome whole = runWhole(script);
        Outcome split = runSplit(script);

        assertThat(split.statements()).isEqualTo(statements);
        assertThat(whole.changes()).isEqualTo(changes);
        assertThat(split.schema()).containsExactlyElementsOf(whole.schema());
        assertThat(split.changes()).isEqualTo(whole.changes());
    }

    @Test
    void generatedAwkwardScriptsDoTheSameSplitAsWhole() {
        qt().withFixedSeed(PropertySeed.seed())
                .withExamples(EXAMPLES).forAll(AwkwardScripts.scripts()).checkAssert(script -> {
            try {
                assertSameOutcome(script.text());
            } catch (SQLException e) {
                throw new AssertionError(e.getMessage() + " for " + script, e);
            }
        });
    }

    @Test
    void oracleNoticesAStatementThatIsNotRun() throws SQLException {
        // the oracle itself must be able to fail: the whole script does one more insert than its first statement
        String script = "CREATE TABLE t(a); INSERT INTO t VALUES(1)";
        Outcome whole = runWhole(script);
        Outcome partial = runSplit("CREATE TABLE t(a)");

        assertThat(whole.changes()).isEqualTo(1);
        assertThat(partial.changes()).isNotEqualTo(whole.changes());
    }
}
