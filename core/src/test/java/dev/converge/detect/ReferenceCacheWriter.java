package dev.converge.detect;

import dev.converge.source.MigrationSet;

import java.nio.file.Path;

/** A child JVM of {@link ReferenceCacheIT}: writes the reference of a generated set to a cache folder again and again. */
public final class ReferenceCacheWriter {
    private ReferenceCacheWriter() {
    }

    /** Arguments: the folder, the number of migrations, the seed, how many times to write. */
    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        MigrationSet set = ReferenceCacheTest.generated(Integer.parseInt(args[1]), Long.parseLong(args[2]));
        Reference ref = Reference.replay(set);
        ReferenceCache cache = ReferenceCache.in(folder);
        System.out.println("READY");
        for (int i = Integer.parseInt(args[3]); i > 0; i--) {
            cache.store(ref);
        }
        System.out.println("DONE");
    }
}
