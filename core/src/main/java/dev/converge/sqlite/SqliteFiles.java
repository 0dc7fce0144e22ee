package dev.converge.sqlite;

import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** The file behind a {@code jdbc:sqlite:} URL, and how to read one this process cannot write beside. */
final class SqliteFiles {
    private SqliteFiles() {
    }

    /** The file a {@code jdbc:sqlite:} URL or a sqlite-jdbc data source opens; empty for memory and unknown sources. */
    static Optional<Path> of(String url, DataSource dataSource) {
        String u = url;
        if (u == null && dataSource instanceof SQLiteDataSource s) {
            u = s.getUrl();
        }
        if (u == null || !u.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String rest = u.substring("jdbc:sqlite:".length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            int query = rest.indexOf('?');
            if (query >= 0) {
                rest = rest.substring(0, query);
            }
            if (rest.startsWith("//")) {
                // file://host/path: SQLite accepts only an empty host or localhost
                int slash = rest.indexOf('/', 2);
                rest = slash < 0 ? "" : rest.substring(slash);
            }
            rest = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(rest));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * A URL that opens {@code file} read-only and immutable, when that is the only way to read it: a WAL database
     * (header byte 18 is 2) in a folder that cannot be written, so SQLite cannot create its {@code -shm}, and with no
     * {@code -wal} holding pages (which an immutable open would not see). Empty otherwise.
     */
    static Optional<String> readOnlyUrl(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (folder == null || Files.isWritable(folder) || (Files.exists(wal) && Files.size(wal) > 0)) {
                return Optional.empty();
            }
            byte[] header = new byte[20];
            try (var in = Files.newInputStream(file)) {
                if (in.readNBytes(header, 0, header.length) < header.length || header[18] != 2) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String path = file.toAbsolutePath().toString().replace("%", "%25").replace("?", "%3F").replace("#", "%23");
        return Optional.of("jdbc:sqlite:file:" + path + "?mode=ro&immutable=1");
    }
}
