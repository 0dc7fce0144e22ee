package dev.converge.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain values as indented JSON: maps (keys in their iteration order), lists, strings, numbers,
 * booleans, enums (by name) and null. The project has no JSON library and the CLI only ever writes, so this is all it
 * needs; strings are escaped per RFC 8259 (plus U+2028 and U+2029, which break JavaScript readers).
 */
final class Json {
    private Json() {
    }

    /** The value as JSON text, indented by two spaces, without a trailing newline. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeMap(sb, map, depth);
        } else if (value instanceof List<?> list) {
            writeList(sb, list, depth);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            sb.append(n);
        } else if (value instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (value instanceof CharSequence s) {
            string(sb, s);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON keys are strings, not " + e.getKey());
            }
            sb.append(first ? "\n" : ",\n");
            first = false;
            indent(sb, depth + 1);
            string(sb, key);
            sb.append(": ");
            write(sb, e.getValue(), depth + 1);
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append('}');
    }

    private static void writeList(StringBuilder sb, List<?> list, int depth) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object o : list) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            indent(sb, depth + 1);
            write(sb, o, depth + 1);
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    private static void string(StringBuilder sb, CharSequence s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
