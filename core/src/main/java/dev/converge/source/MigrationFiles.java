package dev.converge.source;

import java.lang.System.Logger.Level;

/**
 * The one path from a file's name and bytes to a {@link Migration}, shared by every source so that they refuse and
 * ignore the same files: one decode and one checksum over the bytes already read, no splitting.
 */
final class MigrationFiles {
    private static final System.Logger LOG = System.getLogger(MigrationSource.class.getName());

    private MigrationFiles() {
    }

    /** A migration from its already-parsed name and the file's bytes. */
    static Migration fromBytes(MigrationFileName parsed, String fileName, byte[] bytes, String origin) {
        int bom = SourceText.bomLength(bytes);
        String text = SourceText.decode(bytes, bom, origin);
        SourceText.refuseNul(text, origin);
        String checksum = Checksum.ofUtf8(bytes, bom, bytes.length - bom);
        return new Migration(parsed.version(), fileName, parsed.description(), text, checksum, origin);
    }

    /** A migration from a file too large to hold: read once now for its checksums, again when it is used. */
    static Migration large(MigrationFileName parsed, String fileName, java.nio.file.Path file, String origin) {
        return large(parsed, fileName, LargeFile.read(file, origin), origin);
    }

    /** As {@link #large(MigrationFileName, String, java.nio.file.Path, String)}, for the bytes {@code file} opens. */
    static Migration large(MigrationFileName parsed, String fileName, LargeFile large, String origin) {
        return new Migration(parsed.version(), fileName, parsed.description(), "", large.checksum(), origin, "", large);
    }

    /** Logs, at DEBUG, a file or folder that a source skips because it is not a migration. */
    static void ignored(String origin, String why) {
        LOG.log(Level.DEBUG, () -> "ignoring " + origin + ": " + why);
    }

    static void loaded(String where, int count, long startNanos) {
        LOG.log(Level.DEBUG, () -> "loaded " + count + " migrations from " + where + " in "
                + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }
}
