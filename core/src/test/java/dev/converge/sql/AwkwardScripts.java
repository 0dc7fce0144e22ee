package dev.converge.sql;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Generates scripts of valid SQLite statements written with awkward tokens — quotes with doubled quotes and
 * semicolons inside, bracketed and backticked names, comments holding {@code ;} inside and between statements,
 * triggers with {@code CASE … END} — together with the statements (text and first line) they must split into.
 * Every script runs on an empty database, so SQLite itself can be the oracle.
 */
final class AwkwardScripts {
    private AwkwardScripts() {
    }

    /** What a script exercises; properties count them so that a generator cannot quietly stop producing one. */
    enum Feature {
        STRING_WITH_SEMICOLON, DOUBLED_QUOTE, DOUBLE_QUOTED_NAME, BACKTICK_NAME, BRACKET_NAME, BLOB,
        MULTI_LINE_STRING, LINE_COMMENT_INSIDE, BLOCK_COMMENT_INSIDE, COMMENT_BETWEEN, TRIGGER, CASE_IN_TRIGGER,
        CASE_OUTSIDE_TRIGGER, EMPTY_STATEMENT, NO_FINAL_SEMICOLON, LINE_COMMENT_AT_END, CRLF
    }

    /** A generated script and what splitting it must give. */
    record Script(String text, List<String> statements, List<Integer> lines, Set<Feature> features) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("script (").append(features).append("):\n");
            sb.append(text.replace("\r", "\\r")).append("\n-- expected statements:");
            for (int i = 0; i < statements.size(); i++) {
                sb.append("\n  line ").append(lines.get(i)).append(": ")
                        .append(statements.get(i).replace("\r", "\\r").replace("\n", "\\n"));
            }
            return sb.toString();
        }
    }

    static Gen<Script> scripts() {
        return in -> new Builder(in).build();
    }

    private static final String[] LITERALS = {
            "'plain'", "'semi;colon'", "'it''s; END; x'", "'-- not a comment'", "'/* nor; this */'", "'CASE; END;'",
            "x'3b27'", "42", "-1.5e3", "NULL", "'two\nlines;'", "''''", "'\"'"};

    private static final String[] BETWEEN = {
            " ", "\n", "\t", "\n\n", "-- between; 'x' \"y\" END;\n", "/* between; ' END; */", "/*\n;\n*/"};

    /** Builds one script from the randomness of one example. */
    private static final class Builder {
        private final RandomnessSource in;
        private final StringBuilder text = new StringBuilder();
        private final List<String> statements = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final List<String[]> tables = new ArrayList<>(); // {name, second column}
        private int serial;

        Builder(RandomnessSource in) {
            this.in = in;
        }

        private int pick(int lo, int hi) {
            return Generate.range(lo, hi).generate(in);
        }

        private boolean chance(int percent) {
            return pick(1, 100) <= percent;
        }

        Script build() {
            filler();
            statement("CREATE TABLE log(msg" + gap() + "TEXT)");
            int tableCount = pick(1, 3);
            for (int i = 0; i < tableCount; i++) {
                String name = name("t");
                String column = name("c");
                tables.add(new String[] {name, column});
                statement("CREATE TABLE " + name + gap() + "(a TEXT DEFAULT " + literal() + "," + gap() + column
                        + " INTEGER)");
            }
            int actions = pick(0, 8);
            for (int i = 0; i < actions; i++) {
                statement(action());
            }
            boolean finalSemicolon = chance(70);
            String script = text.toString();
            if (!finalSemicolon) {
                features.add(Feature.NO_FINAL_SEMICOLON);
                script = script.substring(0, lastSemicolon);
                if (chance(40)) {
                    script += "\n-- the end; 'x'";
                    features.add(Feature.LINE_COMMENT_AT_END);
                }
            } else if (chance(30)) {
                script += " -- the end; 'x'";
                features.add(Feature.LINE_COMMENT_AT_END);
            }
            List<String> expected = statements;
            if (chance(20)) {
                features.add(Feature.CRLF);
                script = script.replace("\n", "\r\n");
                expected = statements.stream().map(s -> s.replace("\n", "\r\n")).toList();
            }
            return new Script(script, List.copyOf(expected), List.copyOf(lines), Set.copyOf(features));
        }

        private int lastSemicolon;

        /** Appends a statement, its ';' and what follows it up to the next statement. */
        private void statement(String sql) {
            lines.add(1 + (int) text.chars().filter(c -> c == '\n').count());
            statements.add(sql);
            text.append(sql);
            if (chance(30)) {
                text.append(BETWEEN[pick(0, 2)]);
            }
            lastSemicolon = text.length();
            text.append(';');
            filler();
        }

        /** Whitespace, comments and empty statements between statements. */
        private void filler() {
            int n = pick(0, 3);
            for (int i = 0; i < n; i++) {
                int k = pick(0, BETWEEN.length);
                if (k == BETWEEN.length) {
                    text.append(';');
                    features.add(Feature.EMPTY_STATEMENT);
                } else {
                    text.append(BETWEEN[k]);
                    if (k >= 4) {
                        features.add(Feature.COMMENT_BETWEEN);
                    }
                }
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n' && chance(70)) {
                text.append('\n');
            }
        }

        /** A gap between two tokens inside a statement: a space, or a comment holding ';' and quotes. */
        private String gap() {
            return switch (pick(0, 9)) {
                case 0 -> {
                    features.add(Feature.BLOCK_COMMENT_INSIDE);
                    yield " /* inside; 'q' \"d\" END; */ ";
                }
                case 1 -> {
                    features.add(Feature.LINE_COMMENT_INSIDE);
                    yield " -- inside; 'q' END;\n";
                }
                case 2 -> "\n  ";
                default -> " ";
            };
        }

        /** A unique object name, sometimes quoted in one of SQLite's three ways with awkward characters inside. */
        private String name(String stem) {
            int id = serial++;
            return switch (pick(0, 4)) {
                case 0 -> {
                    features.add(Feature.DOUBLE_QUOTED_NAME);
                    features.add(Feature.DOUBLED_QUOTE);
                    yield "\"" + stem + ";we\"\"ird " + id + "\"";
                }
                case 1 -> {
                    features.add(Feature.BACKTICK_NAME);
                    yield "`" + stem + ";back``tick'" + id + "`";
                }
                case 2 -> {
                    features.add(Feature.BRACKET_NAME);
                    yield "[" + stem + ";br'ack\"et END " + id + "]";
                }
                case 3 -> "\"END " + stem + id + "\"";
                default -> stem + id;
            };
        }

        private String literal() {
            String l = LITERALS[pick(0, LITERALS.length - 1)];
            if (l.contains(";")) {
                features.add(Feature.STRING_WITH_SEMICOLON);
            }
            if (l.contains("''")) {
                features.add(Feature.DOUBLED_QUOTE);
            }
            if (l.startsWith("x'")) {
                features.add(Feature.BLOB);
            }
            if (l.contains("\n")) {
                features.add(Feature.MULTI_LINE_STRING);
            }
            return l;
        }

        private String action() {
            String[] t = tables.get(pick(0, tables.size() - 1));
            String table = t[0];
            String column = t[1];
            return switch (pick(0, 6)) {
                case 0 -> "INSERT INTO " + table + gap() + "(a, " + column + ") VALUES(" + literal() + "," + gap()
                        + literal() + ")";
                case 1 -> {
                    features.add(Feature.CASE_OUTSIDE_TRIGGER);
                    yield "UPDATE " + table + " SET a = CASE WHEN a = " + literal() + " THEN " + literal()
                            + gap() + "ELSE a END WHERE " + column + " IS NOT NULL";
                }
                case 2 -> "DELETE FROM " + table + " WHERE a =" + gap() + literal();
                case 3 -> "CREATE INDEX " + name("ix") + " ON " + table + "(" + column + ")";
                case 4 -> "CREATE VIEW " + name("v") + " AS SELECT a," + gap() + literal() + " AS k FROM " + table
                        + " WHERE a <> " + literal();
                case 5 -> "SELECT " + literal() + ", a FROM " + table;
                default -> trigger(table, column);
            };
        }

        private String trigger(String table, String column) {
            features.add(Feature.TRIGGER);
            StringBuilder body = new StringBuilder();
            int n = pick(1, 3);
            for (int i = 0; i < n; i++) {
                body.append(switch (pick(0, 2)) {
                    case 0 -> {
                        features.add(Feature.CASE_IN_TRIGGER);
                        yield "INSERT INTO log(msg) VALUES(CASE WHEN new.a = " + literal() + " THEN " + literal()
                                + " ELSE 'x;END' END);";
                    }
                    case 1 -> {
                        features.add(Feature.CASE_IN_TRIGGER);
                        yield "UPDATE log SET msg = CASE msg WHEN " + literal() + " THEN " + literal()
                                + " END WHERE new." + column + " IS NULL;";
                    }
                    default -> "DELETE FROM log WHERE msg =" + gap() + literal() + ";";
                }).append(gap());
            }
            String when = chance(30) ? " WHEN new.a <> " + literal() : "";
            return "CREATE TRIGGER " + name("tr") + " AFTER INSERT ON " + table + " FOR EACH ROW" + when
                    + " BEGIN" + gap() + body + "END";
        }
    }
}
