package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

/**
 * The parsed name of a migration file, {@code NNN_name.sql}: digits, {@code _}, a non-blank name, and
 * {@code .sql} in any case. Parsed by hand, in one pass without a regular expression, because every application
 * start-up parses every file name.
 */
record MigrationFileName(Version version, String description) {

    static final String PATTERN = "NNN_name.sql (a version of digits, an underscore, a name, then .sql;"
            + " e.g. 002_secure_tokens.sql)";

    /** True when {@code fileName} ends in {@code .sql}, in any case: such a file must be a migration. */
    static boolean isSqlFile(String fileName) {
        int n = fileName.length();
        return n >= 4 && fileName.regionMatches(true, n - 4, ".sql", 0, 4);
    }

    /**
     * Parses {@code fileName}; {@code origin} (its path or URL) names it in the error.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} when the name does not match the pattern
     */
    static MigrationFileName parse(String fileName, String origin) {
        int n = fileName.length();
        int digitsEnd = 0;
        while (digitsEnd < n && fileName.charAt(digitsEnd) >= '0' && fileName.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == 0) {
            throw bad(fileName, origin, "it does not start with a version number");
        }
        if (digitsEnd >= n || fileName.charAt(digitsEnd) != '_') {
            throw bad(fileName, origin, "the version is not followed by an underscore");
        }
        if (!isSqlFile(fileName)) {
            throw bad(fileName, origin, "it does not end in .sql");
        }
        int descriptionEnd = n - 4;
        if (descriptionEnd <= digitsEnd + 1 || fileName.substring(digitsEnd + 1, descriptionEnd).isBlank()) {
            throw bad(fileName, origin, "it has no name after the underscore");
        }
        long version = Version.parseDigits(fileName, 0, digitsEnd);
        if (version < 0) {
            throw bad(fileName, origin, "its version is larger than " + Long.MAX_VALUE);
        }
        return new MigrationFileName(Version.of(version), fileName.substring(digitsEnd + 1, descriptionEnd));
    }

    private static ConvergeException bad(String fileName, String origin, String why) {
        return ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                        "bad migration file name '" + fileName + "' (" + origin + "): " + why + ". Expected " + PATTERN
                                + ". Rename the file, or move it out of the migration folder if it is not a migration.")
                .file(origin).build();
    }
}
