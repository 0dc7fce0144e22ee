package dev.converge;

import dev.converge.detect.Reference;
import dev.converge.schema.Schema;
import dev.converge.source.Script;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema a baseline script creates, replayed once per process for each script text. A fleet plans thousands of
 * databases against one baseline; like the reference ({@link Reference#of}), its replay depends only on the script,
 * so every database (and every thread) shares one. {@code computeIfAbsent} makes concurrent first callers wait for the
 * one replay instead of each running their own; a script that does not run is not cached and fails again for each.
 */
final class BaselineSchemas {
    private static final Map<Script, Schema> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 8;

    private BaselineSchemas() {
    }

    static Schema of(Script baseline) {
        Schema cached = CACHE.get(baseline);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(baseline, Reference::replayScript);
    }
}
