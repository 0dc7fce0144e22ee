package dev.converge.scenarios.catalogue;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.scenarios.state.MigrationFile;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to the migration files made after the database state was built: the files an application ships
 * differ from those that made its database (an applied migration edited, a file deleted, a file added).
 *
 * @param fileName the migration file, e.g. {@code 002_secure_tokens_and_authorization_codes.sql}
 * @param text     its new text, or null to delete it
 */
public record FileEdit(String fileName, String text) {

    /** The file gets this text (added when there is no such file). */
    public static FileEdit write(String fileName, String text) {
        return new FileEdit(fileName, text);
    }

    /** The file is gone. */
    public static FileEdit delete(String fileName) {
        return new FileEdit(fileName, null);
    }

    /** Applies the edit to a list of files; refuses to delete a file that is not there. */
    List<MigrationFile> apply(List<MigrationFile> files) {
        List<MigrationFile> out = new ArrayList<>();
        boolean found = false;
        for (MigrationFile m : files) {
            if (m.fileName().equals(fileName)) {
                found = true;
                if (text != null) {
                    out.add(new MigrationFile(m.version(), fileName, text));
                }
            } else {
                out.add(m);
            }
        }
        if (!found && text == null) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "cannot delete " + fileName + ": no such migration file");
        }
        if (!found) {
            out.add(new MigrationFile(Long.parseLong(fileName.substring(0, fileName.indexOf('_'))), fileName, text));
        }
        return out;
    }

    @Override
    public String toString() {
        return text == null ? "delete " + fileName : "edit " + fileName;
    }
}
