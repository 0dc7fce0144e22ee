package dev.converge.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String text = "say \"hi\" \\ path\n\ttab\r\b\f\u0001\u007f\u2028é";

        assertThat(Json.write(text))
                .isEqualTo("\"say \\\"hi\\\" \\\\ path\\n\\ttab\\r\\b\\f\\u0001\\u007f\\u2028é\"");
    }

    @Test
    void writesNestedMapsAndListsIndentedInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of("a", 2L));
        m.put("empty", List.of());
        m.put("obj", Map.of());
        m.put("state", Thread.State.NEW);

        assertThat(Json.write(m)).isEqualTo("""
                {
                  "format": 1,
                  "ok": true,
                  "none": null,
                  "list": [
                    "a",
                    2
                  ],
                  "empty": [],
                  "obj": {},
                  "state": "NEW"
                }""");
    }

    @Test
    void listsMayHoldNulls() {
        assertThat(Json.write(new ArrayList<>(Arrays.asList("x", null)))).isEqualTo("[\n  \"x\",\n  null\n]");
    }

    @Test
    void refusesWhatJsonCannotSay() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
