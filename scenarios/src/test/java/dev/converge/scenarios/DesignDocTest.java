package dev.converge.scenarios;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/design.md stays true with the code: every test it cites ({@code FooTest} or {@code FooTest.method}) exists,
 * and every rule it names in code ({@code (`predicate`)}) is a method or class of core.
 */
class DesignDocTest {
    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("docs/design.md"))) {
            p = p.getParent();
        }
        return p;
    }

    private static Map<String, String> sources(Path root, String kind) {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/" + kind + "/java/"))
                    .forEach(f -> {
                        try {
                            out.merge(f.getFileName().toString().replace(".java", ""), Files.readString(f), String::concat);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void everyCitedTestAndRuleExists() throws IOException {
        Path root = root();
        String doc = Files.readString(root.resolve("docs/design.md"));
        Map<String, String> tests = sources(root, "test");
        String main = String.join("\n", sources(root.resolve("core"), "main").values());
        List<String> missing = new ArrayList<>();
        Matcher m = Pattern.compile("`([A-Z][a-z]\\w*(?:Test|IT))(?:\\.(\\w+))?`").matcher(doc);
        int cited = 0;
        while (m.find()) {
            cited++;
            String body = tests.get(m.group(1));
            if (body == null || m.group(2) != null && !body.contains(" " + m.group(2) + "(")) {
                missing.add(m.group());
            }
        }
        // methods cited after a class in the same cell: "`FooTest.a`, `b`"
        Matcher extra = Pattern.compile("`(\\w+Test)\\.\\w+`((?:, `[a-z]\\w+`)+)").matcher(doc);
        while (extra.find()) {
            for (String name : extra.group(2).replaceAll("[`, ]+", " ").trim().split(" ")) {
                cited++;
                if (!tests.getOrDefault(extra.group(1), "").contains(" " + name + "(")) {
                    missing.add(extra.group(1) + "." + name);
                }
            }
        }
        Matcher rule = Pattern.compile("\\(`([a-zA-Z][a-zA-Z0-9]+)`").matcher(doc);
        while (rule.find()) {
            cited++;
            if (!main.contains(" " + rule.group(1) + "(") && !main.contains("class " + rule.group(1))) {
                missing.add("rule " + rule.group(1));
            }
        }
        assertThat(cited).isGreaterThan(30);
        assertThat(missing).isEmpty();
    }
}
