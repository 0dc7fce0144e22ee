package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSourceTest {

    @TempDir
    Path tmp;

    private static Path write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static ConvergeException refusal(MigrationSource source, ErrorCode code) {
        try {
            source.load();
        } catch (ConvergeException e) {
            assertThat(e.code()).as("error code of: %s", e.getMessage()).isEqualTo(code);
            return e;
        }
        throw new AssertionError(source + " loaded, but should have been refused with " + code);
    }

    // ---- folder

    /** Regression: a named pipe called 002_b.sql in the folder blocked every command forever on its read. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeNamedLikeAMigrationIsRefusedNotReadForever() throws Exception {
        Path dir = tmp.resolve("migrations");
        write(dir, "001_a.sql", "CREATE TABLE a (x);\n");
        Path pipe = dir.resolve("002_b.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo exit status").isZero();

        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);

        assertThat(e.getMessage()).contains("002_b.sql", "not a regular file", "pipe");
        assertThat(e.file()).contains(pipe.toString());
    }


    /**
     * Regression: a migration holding NUL bytes got a message about a finalized statement and another file, with the
     * raw bytes echoed. Now: the file and line named, nothing raw.
     */
    @Test
    void aFileHoldingNulBytesIsRefusedAtItsLineWithNothingEchoedRaw() throws Exception {
        Path dir = tmp.resolve("migrations");
        write(dir, "000_initial.sql", "CREATE TABLE a (x);\n");
        Path bad = write(dir, "001_b.sql", "CREATE TABLE b (x);\n-- two\nINSERT INTO b VALUES ('a\0\0b');\n"
                .getBytes(StandardCharsets.UTF_8));

        for (MigrationSource source : new MigrationSource[]{MigrationSource.folder(dir),
                MigrationSource.memory(Map.of("001_b.sql", Files.readString(bad)))}) {
            ConvergeException e = refusal(source, ErrorCode.BAD_INPUT);

            assertThat(e.getMessage()).contains("001_b.sql:3: the file holds NUL bytes at line 3 (first at column 25,"
                    + " 2 in all)").doesNotContain("\0").doesNotContain("000_initial");
            assertThat(e.line()).hasValue(3);
        }
        ConvergeException onScript = null;
        try {
            Script.read(bad);
        } catch (ConvergeException e) {
            onScript = e;
        }
        assertThat(onScript).as("a baseline holding NUL bytes").isNotNull();
        assertThat(onScript.getMessage()).contains(bad + ":3: the file holds NUL bytes at line 3");
    }

    @Test
    void folderLoadsSqlFilesInVersionOrderAndIgnoresTheRest() throws IOException {
        Path dir = tmp.resolve("migrations");
        write(dir, "10_third.sql", "CREATE TABLE c (x);\n");
        write(dir, "2_second.SQL", "CREATE TABLE b (x);\n");
        write(dir, "000_first.sql", "CREATE TABLE a (x);\n");
        write(dir, "README.md", "not a migration");
        write(dir, ".DS_Store", new byte[] {0, (byte) 0xFF, 1});
        write(dir, "archive/003_old.sql", "CREATE TABLE old (x);\n");
        Files.createDirectories(dir.resolve("folder.sql"));

        MigrationSet set = MigrationSource.folder(dir).load();

        assertThat(set.migrations()).extracting(Migration::name)
                .containsExactly("000_first.sql", "2_second.SQL", "10_third.sql");
        Migration first = set.migrations().get(0);
        assertThat(first.text()).isEqualTo("CREATE TABLE a (x);\n");
        assertThat(first.checksum()).isEqualTo(Checksum.of(first.text()));
        assertThat(first.origin()).isEqualTo(dir.resolve("000_first.sql").toString());
        assertThat(first.description()).isEqualTo("first");
    }

    @Test
    void folderChecksumIgnoresLineEndingsAndByteOrderMark() throws IOException {
        String lf = "CREATE TABLE a (x);\nCREATE TABLE b (y);\n";
        write(tmp.resolve("lf"), "1_a.sql", lf);
        write(tmp.resolve("crlf"), "1_a.sql", lf.replace("\n", "\r\n"));
        write(tmp.resolve("cr"), "1_a.sql", lf.replace("\n", "\r"));
        byte[] text = lf.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        write(tmp.resolve("bom"), "1_a.sql", withBom);

        String expected = Checksum.of(lf);
        for (String variant : new String[] {"lf", "crlf", "cr", "bom"}) {
            Migration m = MigrationSource.folder(tmp.resolve(variant)).load().migrations().get(0);
            assertThat(m.checksum()).as(variant).isEqualTo(expected);
        }
        Migration bom = MigrationSource.folder(tmp.resolve("bom")).load().migrations().get(0);
        assertThat(bom.text()).isEqualTo(lf);
        Migration crlf = MigrationSource.folder(tmp.resolve("crlf")).load().migrations().get(0);
        assertThat(crlf.text()).as("the text is kept as in the file").contains("\r\n");
    }

    @Test
    void folderOfAThousandFilesLoadsEveryOneInOrder() throws IOException {
        Path dir = tmp.resolve("many");
        for (int i = 999; i >= 0; i--) {
            write(dir, String.format("%04d_step_%d.sql", i, i), "CREATE TABLE t" + i + " (x);\n");
        }
        MigrationSet set = MigrationSource.folder(dir).load();
        assertThat(set.size()).isEqualTo(1000);
        assertThat(set.highest()).contains(Version.of(999));
        assertThat(set.migrations().get(500).text()).isEqualTo("CREATE TABLE t500 (x);\n");
    }

    @Test
    void missingFolderIsRefusedNamingIt() {
        Path dir = tmp.resolve("no-such-folder");
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(dir.toString()).contains("does not exist");
        assertThat(e.file()).contains(dir.toString());
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws IOException {
        Path file = write(tmp, "1_a.sql", "SELECT 1;");
        ConvergeException e = refusal(MigrationSource.folder(file), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(file.toString()).contains("is not a folder");
    }

    @Test
    void emptyFolderIsRefusedNamingIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(dir.toString()).contains("no migration").contains("NNN_name.sql");
    }

    @Test
    void folderWithoutSqlFilesIsRefusedAsEmpty() throws IOException {
        Path dir = tmp.resolve("docs-only");
        write(dir, "README.md", "# migrations");
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(dir.toString()).contains("no migration");
    }

    @Test
    void badFileNameInFolderIsRefusedNamingTheFile() throws IOException {
        Path dir = tmp.resolve("bad-name");
        write(dir, "001_ok.sql", "SELECT 1;");
        Path bad = write(dir, "01-x.sql", "SELECT 2;");
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_MIGRATION_NAME);
        assertThat(e.getMessage()).contains(bad.toString()).contains("NNN_name.sql");
        assertThat(e.file()).contains(bad.toString());
    }

    @Test
    void duplicateVersionInFolderIsRefusedNamingBothFiles() throws IOException {
        Path dir = tmp.resolve("dup");
        Path a = write(dir, "001_a.sql", "SELECT 1;");
        Path b = write(dir, "1_b.sql", "SELECT 2;");
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_MIGRATION_NAME);
        assertThat(e.getMessage()).contains(a.toString()).contains(b.toString());
    }

    @Test
    void nonUtf8FileIsRefusedNamingFileAndLine() throws IOException {
        Path dir = tmp.resolve("latin1");
        Path bad = write(dir, "002_latin1.sql", "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(bad + ":2").contains("not valid UTF-8");
        assertThat(e.line()).hasValue(2);
        assertThat(e.file()).contains(bad.toString());
    }

    @Test
    void truncatedUtf8AtEndOfFileIsRefused() throws IOException {
        Path dir = tmp.resolve("truncated");
        byte[] text = "SELECT '\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
        Path bad = write(dir, "1_cut.sql", cut);
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(bad.toString()).contains("not valid UTF-8");
    }

    @Test
    void unreadableFileIsRefusedNamingIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken-link"));
        write(dir, "001_ok.sql", "SELECT 1;");
        Path link = Files.createSymbolicLink(dir.resolve("002_gone.sql"), tmp.resolve("nowhere.sql"));
        ConvergeException e = refusal(MigrationSource.folder(dir), ErrorCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(link.toString());
        assertThat(e.file()).contains(link.toString());
    }

    // ---- memory

    @Test
    void memoryLoadsSqlNamesAndIgnoresOthers() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("10_b.sql", "CREATE TABLE b (x);");
        files.put("2_a.sql", "\uFEFFCREATE TABLE a (x);");
        files.put("notes.txt", "ignored");
        MigrationSet set = MigrationSource.memory(files).load();
        assertThat(set.migrations()).extracting(Migration::name).containsExactly("2_a.sql", "10_b.sql");
        assertThat(set.get(Version.of(2)).orElseThrow().text()).isEqualTo("CREATE TABLE a (x);");
        assertThat(set.get(Version.of(2)).orElseThrow().origin()).isEqualTo("2_a.sql");
    }

    @Test
    void memoryCopiesTheMap() {
        Map<String, String> files = new HashMap<>(Map.of("1_a.sql", "SELECT 1;"));
        MigrationSource source = MigrationSource.memory(files);
        files.put("2_b.sql", "SELECT 2;");
        assertThat(source.load().size()).isEqualTo(1);
    }

    @Test
    void emptyMemoryIsAnEmptySet() {
        assertThat(MigrationSource.memory(Map.of()).load().isEmpty()).isTrue();
    }

    @Test
    void memoryRefusesBadNamesAndDuplicates() {
        ConvergeException bad = refusal(MigrationSource.memory(Map.of("abc.sql", "SELECT 1;")),
                ErrorCode.BAD_MIGRATION_NAME);
        assertThat(bad.getMessage()).contains("abc.sql");
        ConvergeException dup = refusal(MigrationSource.memory(Map.of("001_a.sql", "SELECT 1;", "1_b.sql", "SELECT 2;")),
                ErrorCode.BAD_MIGRATION_NAME);
        assertThat(dup.getMessage()).contains("001_a.sql").contains("1_b.sql");
    }

    // ---- classpath

    @Test
    void classpathFolderOnDisk() {
        MigrationSet set = MigrationSource.classpath("dev/converge/source/classpath-migrations",
                MigrationSourceTest.class.getClassLoader()).load();
        assertThat(set.migrations()).extracting(Migration::name).containsExactly("001_users.sql", "010_users_index.sql");
        assertThat(set.migrations().get(0).text()).isEqualTo("CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        assertThat(set.migrations().get(0).origin()).endsWith("001_users.sql");
    }

    @Test
    void classpathUsesTheContextClassLoaderAndAcceptsSlashes() throws IOException {
        Path root = tmp.resolve("classes");
        write(root, "db/migrations/001_a.sql", "CREATE TABLE a (x);");
        write(root, "db/migrations/002_b.sql", "CREATE TABLE b (x);");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            MigrationSet set = MigrationSource.classpath("/db/migrations/").load();
            assertThat(set.migrations()).extracting(Migration::name).containsExactly("001_a.sql", "002_b.sql");
            assertThat(set.migrations().get(1).origin()).isEqualTo(root.resolve("db/migrations/002_b.sql").toString());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Path jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                if (e.getValue() != null) {
                    jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                jar.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, String> appJar() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/", null);
        entries.put("db/migrations/", null);
        entries.put("db/migrations/010_index.sql", "CREATE INDEX a_x ON a (x);\r\n");
        entries.put("db/migrations/001_create.sql", "CREATE TABLE a (x);\n");
        entries.put("db/migrations/README.md", "docs");
        entries.put("db/migrations/old/", null);
        entries.put("db/migrations/old/002_old.sql", "CREATE TABLE old (x);");
        entries.put("db/other/", null);
        entries.put("db/other/003_other.sql", "CREATE TABLE other (x);");
        return entries;
    }

    @Test
    void classpathFolderInsideAJar() throws IOException {
        Path jar = jar(tmp.resolve("app.jar"), appJar());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationSet set = MigrationSource.classpath("db/migrations", loader).load();
            assertThat(set.migrations()).extracting(Migration::name).containsExactly("001_create.sql", "010_index.sql");
            Migration index = set.get(Version.of(10)).orElseThrow();
            assertThat(index.text()).isEqualTo("CREATE INDEX a_x ON a (x);\r\n");
            assertThat(index.checksum()).isEqualTo(Checksum.of("CREATE INDEX a_x ON a (x);\n"));
            assertThat(index.origin()).startsWith("jar:file:").endsWith("app.jar!/db/migrations/010_index.sql");
        }
    }

    @Test
    void badFileNameInsideAJarIsRefusedNamingTheEntry() throws IOException {
        Map<String, String> entries = appJar();
        entries.put("db/migrations/abc.sql", "SELECT 1;");
        Path jar = jar(tmp.resolve("bad.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ConvergeException e = refusal(MigrationSource.classpath("db/migrations", loader),
                    ErrorCode.BAD_MIGRATION_NAME);
            assertThat(e.getMessage()).contains("bad.jar!/db/migrations/abc.sql").contains("NNN_name.sql");
        }
    }

    @Test
    void sameVersionInTwoClasspathRootsIsRefusedNamingBoth() throws IOException {
        Path jar = jar(tmp.resolve("lib.jar"), appJar());
        Path classes = tmp.resolve("classes");
        Path local = write(classes, "db/migrations/1_local.sql", "CREATE TABLE local (x);");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), jar.toUri().toURL()}, null)) {
            ConvergeException e = refusal(MigrationSource.classpath("db/migrations", loader),
                    ErrorCode.BAD_MIGRATION_NAME);
            assertThat(e.getMessage()).contains(local.toString()).contains("lib.jar!/db/migrations/001_create.sql");
        }
    }

    @Test
    void missingClasspathFolderIsRefusedNamingIt() throws IOException {
        Path jar = jar(tmp.resolve("app.jar"), appJar());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ConvergeException e = refusal(MigrationSource.classpath("db/nothing-here", loader), ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).contains("'db/nothing-here'").contains("not found");
        }
    }

    @Test
    void jarWithoutFolderEntriesIsRefusedSayingWhy() throws IOException {
        Path jar = jar(tmp.resolve("flat.jar"), Map.of("db/migrations/001_a.sql", "SELECT 1;"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ConvergeException e = refusal(MigrationSource.classpath("db/migrations", loader), ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).contains("'db/migrations'").contains("entry for the folder");
        }
    }

    @Test
    void classpathFolderWithoutMigrationsIsRefused() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/", null);
        entries.put("db/migrations/", null);
        entries.put("db/migrations/README.md", "docs");
        Path jar = jar(tmp.resolve("docs.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ConvergeException e = refusal(MigrationSource.classpath("db/migrations", loader), ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).contains("'db/migrations'").contains("no migration");
        }
    }
}
