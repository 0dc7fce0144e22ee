package dev.converge.sql;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Normalization of SQL text: a golden file of pairs that must compare equal or not, and exact normal forms. */
class SqlTextTest {

    private static final String GOLDEN = "normalize-pairs.txt";

    /** One case of the golden file. */
    record Pair(String name, boolean equal, String left, String right, int line) {
        @Override
        public String toString() {
            return GOLDEN + ":" + line + " " + (equal ? "equal: " : "differ: ") + name;
        }
    }

    static List<Pair> golden() {
        String text;
        try (InputStream in = SqlTextTest.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + GOLDEN);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Pair> pairs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (!line.startsWith("### ")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalStateException(GOLDEN + ":" + (i + 1) + ": text outside a case: " + line);
                }
                i++;
                continue;
            }
            int start = i + 1;
            String head = line.substring(4);
            boolean equal = head.startsWith("equal: ");
            if (!equal && !head.startsWith("differ: ")) {
                throw new IllegalStateException(GOLDEN + ":" + start + ": expected 'equal:' or 'differ:' in " + line);
            }
            String name = head.substring(head.indexOf(':') + 2);
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            List<String> into = left;
            boolean sawSeparator = false;
            for (i++; i < lines.length && !lines[i].startsWith("### "); i++) {
                if (lines[i].equals("~~~")) {
                    if (sawSeparator) {
                        throw new IllegalStateException(GOLDEN + ":" + (i + 1) + ": a second ~~~ in one case");
                    }
                    sawSeparator = true;
                    into = right;
                } else {
                    into.add(lines[i]);
                }
            }
            while (!right.isEmpty() && right.get(right.size() - 1).isBlank()) {
                right.remove(right.size() - 1);
            }
            if (!sawSeparator || left.isEmpty() || right.isEmpty()) {
                throw new IllegalStateException(GOLDEN + ":" + start + ": a case needs two texts around ~~~");
            }
            pairs.add(new Pair(name, equal, String.join("\n", left), String.join("\n", right), start));
        }
        return pairs;
    }

    static Stream<Pair> pairs() {
        return golden().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void goldenPairsCompareAsListed(Pair pair) {
        String left = SqlText.normalize(pair.left());
        String right = SqlText.normalize(pair.right());

        if (pair.equal()) {
            assertThat(left).as(pair.toString()).isEqualTo(right);
        } else {
            assertThat(left).as(pair.toString()).isNotEqualTo(right);
        }
    }

    @Test
    void goldenFileHasBothKindsOfCase() {
        List<Pair> pairs = golden();

        assertThat(pairs).filteredOn(Pair::equal).hasSizeGreaterThanOrEqualTo(10);
        assertThat(pairs).filteredOn(p -> !p.equal()).hasSizeGreaterThanOrEqualTo(10);
    }

    static Stream<Arguments> normalForms() {
        return Stream.of(
                arguments(Named.of("words folded, one space between tokens", "SELECT  A,B\nFROM T"),
                        "select a , b from t"),
                arguments(Named.of("optional quotes dropped", "SELECT \"Col\" FROM [Tab] JOIN `u`"),
                        "select col from tab join u"),
                arguments(Named.of("needed quotes written as double quotes", "SELECT [a b], `c\"d`, [Order]"),
                        "select \"a b\" , \"c\"\"d\" , \"order\""),
                arguments(Named.of("strings kept as written", "SELECT 'It''s', X'FF'"), "select 'It''s' , x'ff'"),
                arguments(Named.of("comments and trailing semicolons dropped", "SELECT 1 -- x\n/* y */;;"),
                        "select 1"),
                arguments(Named.of("empty text", ""), ""),
                arguments(Named.of("comment only", "-- nothing"), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalForms")
    void normalFormIs(String sql, String expected) {
        assertThat(SqlText.normalize(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "SELECT 'abc | string",
            "SELECT \"abc | quoted identifier",
            "SELECT [abc | [bracketed] identifier",
            "SELECT 1 /* abc | comment"})
    void refusesUnterminatedText(String sql, String what) {
        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> SqlText.normalize(sql));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
        assertThat(e.getMessage()).contains("unterminated " + what);
    }
}
