package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.util.Locale;

/**
 * The version and description another tool reads from a migration's file (or folder) name, for the layouts of
 * {@link Layout} other than Converge's. {@link #parse} gives null for a file the tool itself skips (a down migration,
 * a Flyway undo file), and refuses, naming the file, one that the tool would run but Converge cannot.
 */
record ToolFileName(Version version, String description) {

    /** {@code V<version>__<description>.sql}, {@code R__...}, {@code U<version>__...}: a Flyway name. */
    static boolean looksLikeFlyway(String name) {
        if (name.length() < 4 || !MigrationFileName.isSqlFile(name)) {
            return false;
        }
        char c = name.charAt(0);
        if (c == 'R' && name.startsWith("R__")) {
            return true;
        }
        return (c == 'V' || c == 'U') && Character.isDigit(name.charAt(1)) && name.indexOf("__") > 1;
    }

    /**
     * Parses the name of a {@code .sql} file (or, for diesel and Prisma, of the migration's folder) in
     * {@code layout}; {@code origin} names it in errors.
     *
     * @return null when the tool skips the file
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} naming the file and the layout's pattern
     */
    static ToolFileName parse(Layout layout, String name, String origin) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (layout) {
            case FLYWAY:
                return flyway(name, origin);
            case GOLANG_MIGRATE:
                if (lower.endsWith(".down.sql")) {
                    return null;
                }
                if (!lower.endsWith(".up.sql")) {
                    throw bad(layout, name, origin, "golang-migrate runs only <version>_<name>.up.sql files",
                            "<version>_<name>.up.sql");
                }
                return numbered(layout, name, name.length() - 7, origin, "<version>_<name>.up.sql");
            case SQLX:
                if (lower.endsWith(".down.sql")) {
                    return null;
                }
                return numbered(layout, name, name.length() - (lower.endsWith(".up.sql") ? 7 : 4), origin,
                        "<version>_<name>.sql or <version>_<name>.up.sql");
            case DBMATE:
                return numbered(layout, name, name.length() - 4, origin, "<timestamp>_<name>.sql");
            case GOOSE:
                return numbered(layout, name, name.length() - 4, origin, "<version>_<name>.sql");
            case DRIZZLE:
                return numbered(layout, name, name.length() - 4, origin, "NNNN_<name>.sql");
            case DIESEL:
            case PRISMA:
                return folder(layout, name, origin);
            case LIQUIBASE:
                throw new IllegalArgumentException("Liquibase changesets are named inside their file");
            default:
                throw new IllegalArgumentException("Converge's own names are parsed by MigrationFileName");
        }
    }

    private static ToolFileName flyway(String name, String origin) {
        String pattern = "V<version>__<description>.sql, e.g. V1__init.sql, V1.1__add_index.sql";
        if (name.startsWith("R__")) {
            throw bad(Layout.FLYWAY, name, origin, "it is a repeatable migration (R__), which Converge does not"
                    + " support: a migration here runs once, at its version", pattern);
        }
        if (name.startsWith("U")) {
            return null; // an undo migration: Flyway runs it only on `undo`, as golang-migrate runs .down.sql
        }
        int sep = name.indexOf("__");
        if (!name.startsWith("V") || sep < 2 || !MigrationFileName.isSqlFile(name)) {
            throw bad(Layout.FLYWAY, name, origin, "it is not a versioned migration", pattern);
        }
        String version = name.substring(1, sep);
        Version v;
        try {
            v = Version.dotted(version);
        } catch (ConvergeException e) {
            throw bad(Layout.FLYWAY, name, origin, "its version '" + version + "' is not digits separated by dots"
                    + " or underscores", pattern);
        }
        String description = name.substring(sep + 2, name.length() - 4).replace('_', ' ');
        return new ToolFileName(v, description);
    }

    /** {@code <digits>_<description>} + a suffix starting at {@code end}; the version keeps the digits' text. */
    private static ToolFileName numbered(Layout layout, String name, int end, String origin, String pattern) {
        int digits = 0;
        while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            throw bad(layout, name, origin, "it does not start with a version number", pattern);
        }
        long value = Version.parseDigits(name, 0, digits);
        if (value < 0) {
            throw bad(layout, name, origin, "its version is larger than " + Long.MAX_VALUE, pattern);
        }
        String description = digits < end && name.charAt(digits) == '_' ? name.substring(digits + 1, end) : "";
        boolean keepZeros = layout == Layout.DBMATE || layout == Layout.DRIZZLE;
        return new ToolFileName(keepZeros ? Version.of(value, name.substring(0, digits)) : Version.of(value), description);
    }

    /** diesel's {@code 2024-01-05-123456_name} (dashes dropped, as diesel records it) and Prisma's {@code 20240105123456_name}. */
    private static ToolFileName folder(Layout layout, String name, String origin) {
        int sep = name.indexOf('_');
        String head = sep < 0 ? name : name.substring(0, sep);
        String digits = head.replace("-", "");
        long value = Version.parseDigits(digits, 0, digits.length());
        if (value < 0) {
            throw bad(layout, name, origin, "the folder's name does not start with a timestamp",
                    layout == Layout.DIESEL ? "<timestamp>_<name>/up.sql, e.g. 2024-01-05-123456_create_users/up.sql"
                            : "<timestamp>_<name>/migration.sql, e.g. 20240105123456_init/migration.sql");
        }
        return new ToolFileName(Version.of(value, digits), sep < 0 ? "" : name.substring(sep + 1));
    }

    static ConvergeException bad(Layout layout, String name, String origin, String why, String pattern) {
        return ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                        "bad migration file name '" + name + "' (" + origin + ") in a " + layout.cliName()
                                + " folder: " + why + ". Expected " + pattern + ". Move the file out of the migration"
                                + " folder if it is not a migration, or name the folder's layout with --layout.")
                .file(origin).build();
    }
}
