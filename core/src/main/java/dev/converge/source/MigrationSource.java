package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an application keeps its migrations. {@link #load()} lists, reads and checksums the files (it does not
 * split their SQL), and refuses, naming the file: a {@code .sql} file whose name is not {@code NNN_name.sql}, two
 * files with one version, and a file that cannot be read or is not UTF-8. Other files (a README, {@code .DS_Store},
 * subfolders) are ignored, with a DEBUG log line each.
 */
public interface MigrationSource {

    /**
     * Reads every migration.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} or {@link ErrorCode#BAD_INPUT} as above
     */
    MigrationSet load();

    /**
     * The {@code .sql} files directly in {@code dir}. A missing folder, or one with no migration, is
     * {@link ErrorCode#BAD_INPUT}.
     */
    static MigrationSource folder(Path dir) {
        return folder(dir, null, Map.of());
    }

    /**
     * The migrations in {@code dir} laid out as {@code layout} (null: found by looking at the folder, see
     * {@link Layout#detect}), read in place. {@code placeholders} fill Flyway's {@code ${name}} placeholders (besides
     * Flyway's own {@code ${flyway:...}} ones); other layouts have none.
     */
    static MigrationSource folder(Path dir, Layout layout, Map<String, String> placeholders) {
        return new ToolFolderSource(dir, layout, placeholders, java.time.Clock.systemUTC());
    }

    /**
     * The {@code .sql} files directly in a classpath folder, such as {@code db/migrations}, found through the
     * thread's context class loader (or this library's, when there is none): on disk or inside a jar. A location
     * that is not found, or holds no migration, is {@link ErrorCode#BAD_INPUT}.
     */
    static MigrationSource classpath(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(location, loader != null ? loader : MigrationSource.class.getClassLoader());
    }

    /**
     * As {@link #classpath(String)}, for another tool's folder of one file per migration: {@code layout} Flyway
     * (with {@code placeholders}), golang-migrate, sqlx, dbmate or goose, or null to find it (on disk by looking at the
     * folder; in a jar, Flyway's when its files are named {@code V1__x.sql}). Spring Boot's {@code db/migration} is
     * {@code classpath("db/migration", Layout.FLYWAY, Map.of())}.
     */
    static MigrationSource classpath(String location, Layout layout, Map<String, String> placeholders) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(location, loader != null ? loader : MigrationSource.class.getClassLoader(), layout,
                placeholders);
    }

    /** As {@link #classpath(String, Layout, Map)}, through {@code loader}. */
    static MigrationSource classpath(String location, ClassLoader loader, Layout layout,
                                     Map<String, String> placeholders) {
        return new ClasspathSource(location, loader, layout, placeholders);
    }

    /** As {@link #classpath(String)}, through {@code loader}. */
    static MigrationSource classpath(String location, ClassLoader loader) {
        return new ClasspathSource(location, loader);
    }

    /**
     * Migrations held in memory, file name to text; for tests and embedded use. The map is copied. Names that do
     * not end in {@code .sql} are ignored, as in a folder; an empty map gives an empty set.
     */
    static MigrationSource memory(Map<String, String> fileNameToText) {
        return new MemorySource(fileNameToText);
    }
}
