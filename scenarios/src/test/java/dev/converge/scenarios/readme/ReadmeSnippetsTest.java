package dev.converge.scenarios.readme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of README.md that start with their imports are whole source files a newcomer copies: each is
 * compiled against core, scenarios and JUnit as they are now, so that the README cannot drift from the API.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile("(?m)^(?:public )?class (\\w+)");

    @TempDir
    Path dir;

    static Path readme() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(d.resolve("core"))) {
                return candidate;
            }
        }
        throw new AssertionError("README.md of the project not found above " + Path.of("").toAbsolutePath());
    }

    /** Every ```java block that begins with an import: a complete compilation unit. */
    static List<String> wholeFileSnippets(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            if (m.group(1).startsWith("import ")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void theReadmesJavaAndJUnitSnippetsCompileAsWritten() throws IOException {
        List<String> snippets = wholeFileSnippets(Files.readString(readme()));
        // the plain Java API and the JUnit entry point, at least
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
        assertThat(snippets).anySatisfy(s -> assertThat(s).contains("import dev.converge.Converge;"));
        assertThat(snippets).anySatisfy(s -> assertThat(s).contains("ConvergeVerification"));

        List<Path> sources = new ArrayList<>();
        for (String s : snippets) {
            Matcher name = TYPE_NAME.matcher(s);
            assertThat(name.find()).as("a class in the snippet:%n%s", s).isTrue();
            Path file = Files.createDirectories(dir.resolve("src")).resolve(name.group(1) + ".java");
            assertThat(file).as("two snippets declare " + name.group(1)).doesNotExist();
            sources.add(Files.writeString(file, s));
        }
        assertThat(compile(sources, dir.resolve("classes"))).as("README.md's snippets no longer compile").isEmpty();
    }

    @Test
    void aSnippetThatUsesARemovedMethodIsCaught() throws IOException {
        // the same check on a README whose snippet calls a method Converge does not have fails, naming the line
        String broken = "```java\nimport dev.converge.Converge;\n\npublic class Broken {\n"
                + "    void run() { Converge.configure().noSuchOption(); }\n}\n```\n";
        String snippet = wholeFileSnippets(broken).get(0);
        Path file = Files.writeString(Files.createDirectories(dir.resolve("broken")).resolve("Broken.java"), snippet);
        assertThat(compile(List.of(file), dir.resolve("out")))
                .singleElement().asString().contains("Broken.java:4: ").contains("noSuchOption()");
    }

    /** Compiles against this test's classpath (core, scenarios, JUnit); the errors as "file:line: message". */
    private static List<String> compile(List<Path> sources, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-d", out.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed without an error diagnostic");
            }
            return errors;
        }
    }
}
