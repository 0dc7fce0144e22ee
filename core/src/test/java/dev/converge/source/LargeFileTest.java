package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration file streamed because it is large ({@link LargeFile}) is the same migration as when it is held whole:
 * the same checksum (recorded checksums must keep matching), the same refusals, the same statements, and each
 * statement's text read back from the file to run. The size threshold is tested on both sides.
 */
class LargeFileTest {
    @TempDir
    Path dir;

    private Migration held(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
        List<Migration> out = new ArrayList<>();
        FolderSource.readInto(dir, out, Long.MAX_VALUE);
        assertThat(out.get(0).large()).isNull();
        return out.get(0);
    }

    private Migration streamed(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
        List<Migration> out = new ArrayList<>();
        FolderSource.readInto(dir, out, 1);
        assertThat(out.get(0).large()).isNotNull();
        return out.get(0);
    }

    @Test
    void filesFromTheThresholdOnAreStreamedAndSmallerOnesHeld() throws IOException {
        byte[] text = "CREATE TABLE a (x);\nINSERT INTO a VALUES (1);\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("001_a.sql"), text);

        List<Migration> below = new ArrayList<>();
        FolderSource.readInto(dir, below, text.length + 1);
        List<Migration> at = new ArrayList<>();
        FolderSource.readInto(dir, at, text.length);

        assertThat(below.get(0).large()).isNull();
        assertThat(below.get(0).text()).isEqualTo(new String(text, StandardCharsets.UTF_8));
        assertThat(at.get(0).large()).isNotNull();
        assertThat(at.get(0).text()).isEmpty();
        assertThat(at.get(0).checksum()).isEqualTo(below.get(0).checksum());
        assertThat(LargeFile.ABOVE_BYTES).isEqualTo(2L << 20);
    }

    /** Line endings of every kind, a BOM, characters of 2 to 4 bytes, and CRLFs across the ends of 64 KB blocks. */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r", "mixed"})
    void theChecksumIsTheOneOfTheTextHeldWhole(String ending) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int i = 0; bytes.size() < 200_000; i++) {
            String eol = ending.equals("mixed") ? List.of("\n", "\r\n", "\r").get(i % 3) : ending;
            bytes.writeBytes(("INSERT INTO t VALUES (" + i + ", 'é€😀" + "x".repeat(i % 7) + "');" + eol)
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();

        Migration whole = held("001_a.sql", all);
        Migration large = streamed("001_a.sql", all);

        assertThat(large.checksum()).isEqualTo(whole.checksum()).isEqualTo(Checksum.of(whole.text()));
        String crlf = Checksum.hex(Checksum.sha256().digest(whole.text().replace("\r\n", "\n").replace('\r', '\n')
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(large.hasChecksum(crlf)).isEqualTo(whole.hasChecksum(crlf)).isTrue();
        assertThat(large.hasChecksum(whole.checksum().toUpperCase())).isTrue();
        assertThat(large.hasChecksum(Checksum.of("something else"))).isFalse();
    }

    @Test
    void statementsAreTheWholeTextsWithDataStatementsSketchedAndTheirTextsReadBack() throws IOException {
        String sql = "BEGIN;\nCREATE TABLE t (a, b);\n-- converge:data=always\nINSERT INTO t VALUES (1, 'x;y');\n"
                + "CREATE TRIGGER g AFTER INSERT ON t BEGIN UPDATE t SET b = 'z'; END;\n"
                + "UPDATE t SET b = 'w' WHERE a = 1;\nCOMMIT;\n";
        Migration whole = held("001_a.sql", sql.getBytes(StandardCharsets.UTF_8));
        Migration large = streamed("001_a.sql", sql.getBytes(StandardCharsets.UTF_8));

        assertThat(large.wrapsItselfInATransaction()).isTrue();
        assertThat(large.statements()).extracting(Statement::kind)
                .containsExactlyElementsOf(whole.statements().stream().map(Statement::kind).toList());
        assertThat(large.statements()).extracting(Statement::line).containsExactly(2, 4, 5, 6);
        assertThat(large.statements()).extracting(Statement::isSketch).containsExactly(false, true, false, true);
        assertThat(large.statements().get(1).dataAlways()).isTrue();
        List<Statement> texts = new ArrayList<>();
        try (StatementTexts t = large.texts()) {
            large.statements().forEach(st -> texts.add(t.of(st)));
        }
        assertThat(texts).isEqualTo(whole.statements());
    }

    @Test
    void textsCanBeAskedForAfterSkippingSomeAndAgainFromTheStart() throws IOException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
        }
        Migration large = streamed("001_a.sql", sql.toString().getBytes(StandardCharsets.UTF_8));
        List<Statement> all = large.statements();

        try (StatementTexts t = large.texts()) {
            assertThat(t.of(all.get(40)).text()).isEqualTo("INSERT INTO t VALUES (40)");
            assertThat(t.of(all.get(97)).text()).isEqualTo("INSERT INTO t VALUES (97)");
            assertThat(t.of(all.get(3)).text()).isEqualTo("INSERT INTO t VALUES (3)");
        }
    }

    /** A file edited between loading and running must not run its new statements under the old checksum. */
    @Test
    void aFileChangedAfterLoadingIsRefusedWhenItsTextsAreRead() throws IOException {
        Migration large = streamed("001_a.sql", "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Statement> all = large.statements();
        Files.writeString(dir.resolve("001_a.sql"), "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (666);\n");

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> {
            try (StatementTexts t = large.texts()) {
                all.forEach(t::of);
            }
        });

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).contains("001_a.sql", "changed while Converge was running", large.checksum());
    }

    @Test
    void aFileWhoseStatementsMovedIsRefusedAtTheFirstThatMoved() throws IOException {
        String rest = "INSERT INTO t VALUES (3);\n".repeat(20_000); // longer than a block: the end is not read yet
        Migration large = streamed("001_a.sql", ("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n" + rest)
                .getBytes(StandardCharsets.UTF_8));
        List<Statement> all = large.statements();
        Files.writeString(dir.resolve("001_a.sql"), "INSERT INTO t VALUES (1);\n\nINSERT INTO t VALUES (2);\n" + rest);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, () -> {
            try (StatementTexts t = large.texts()) {
                all.forEach(t::of);
            }
        });

        assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).startsWith(dir.resolve("001_a.sql") + ":2: the migration file changed");
    }

    @Test
    void notUtf8AndNulBytesAreRefusedWithTheMessagesOfAFileHeldWhole() throws IOException {
        byte[] latin1 = "CREATE TABLE a (x);\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = "CREATE TABLE a (x);\nSELECT 1;\n  SELECT\0 2;\0\n".getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(latin1, nul)) {
            Files.write(dir.resolve("001_a.sql"), bytes);
            ConvergeException whole = catchThrowableOfType(ConvergeException.class,
                    () -> FolderSource.readInto(dir, new ArrayList<>(), Long.MAX_VALUE));
            ConvergeException large = catchThrowableOfType(ConvergeException.class,
                    () -> FolderSource.readInto(dir, new ArrayList<>(), 1));

            assertThat(large).isNotNull();
            assertThat(large.getMessage()).isEqualTo(whole.getMessage());
            assertThat(large.code()).isEqualTo(ErrorCode.BAD_INPUT);
        }
    }

    /** An application's migrations inside its jar: a large entry is read again from the jar, not held. */
    @Test
    void aLargeFileInsideAJarIsStreamedFromTheJarAndSmallerOnesHeld() throws IOException {
        String sql = "CREATE TABLE t (a, b);\r\nINSERT INTO t VALUES (1, 'x');\r\nUPDATE t SET b = 'y';\r\n";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/", null);
        entries.put("db/migrations/", null);
        entries.put("db/migrations/001_a.sql", sql);
        Path jar = MigrationSourceTest.jar(dir.resolve("app.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Migration held = new ClasspathSource("db/migrations", loader, Layout.CONVERGE, Map.of(), sql.length() + 1)
                    .load().migrations().get(0);
            Migration large = new ClasspathSource("db/migrations", loader, Layout.CONVERGE, Map.of(), sql.length())
                    .load().migrations().get(0);

            assertThat(held.large()).isNull();
            assertThat(large.large()).isNotNull();
            assertThat(large.large().size()).isEqualTo(sql.length());
            assertThat(large.checksum()).isEqualTo(held.checksum());
            List<Statement> texts = new ArrayList<>();
            try (StatementTexts t = large.texts()) {
                large.statements().forEach(st -> texts.add(t.of(st)));
            }
            assertThat(texts).isEqualTo(held.statements());
        }
    }

    @Test
    void sqlThatDoesNotSplitIsRefusedAsWhenHeld() throws IOException {
        byte[] bytes = "CREATE TABLE a (x);\nINSERT INTO a VALUES ('never closed);\n".getBytes(StandardCharsets.UTF_8);
        Migration large = streamed("001_a.sql", bytes);

        ConvergeException e = catchThrowableOfType(ConvergeException.class, large::statements);

        assertThat(e.getMessage()).isEqualTo(catchThrowableOfType(ConvergeException.class,
                () -> SqlSplitter.split(new String(bytes, StandardCharsets.UTF_8), large.origin())).getMessage());
    }
}
