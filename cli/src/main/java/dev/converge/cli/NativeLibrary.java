package dev.converge.cli;

import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the command's SQLite native library lives. Left to itself, sqlite-jdbc extracts its 1.1 MB library to the
 * temp folder under a new name at every start and deletes it at exit: a process killed with -9 leaves it there for
 * good, and simultaneous starts race on deleting each other's copies, printing {@code SEVERE: Failed to delete old
 * native lib} with a stack trace. Instead the library is extracted once per sqlite-jdbc version into a per-user cache
 * folder ({@code $XDG_CACHE_HOME/converge} or {@code ~/.cache/converge}; atomically, so simultaneous first starts are
 * safe) and loaded from there through sqlite-jdbc's {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}; its
 * clean-up then looks only in that folder ({@code org.sqlite.tmpdir}). When no cache folder can be written, the
 * driver's own behaviour stays. The driver's log is silenced unless {@code --verbose}.
 */
final class NativeLibrary {
    private static final String VERSION_RESOURCE = "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties";
    /** Held, so that the level set on it outlives garbage collection (java.util.logging keeps loggers weakly). */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.sqlite");

    private NativeLibrary() {
    }

    /** Silences the driver's log unless {@code verbose}. */
    static void quietDriver(boolean verbose) {
        DRIVER_LOG.setLevel(verbose ? null : Level.OFF);
    }

    /** Points sqlite-jdbc at the cached library, extracting it first when needed; before the driver is first used. */
    static void useCachedCopy() {
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.tmpdir") != null) {
            return; // configured by the user
        }
        try {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            URL url = NativeLibrary.class.getResource(resource);
            Path root = cacheRoot();
            if (url == null || root == null) {
                return;
            }
            String platform = LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/org/sqlite/native/", "");
            Path dir = root.resolve("sqlite-jdbc-" + version()).resolve(platform.replace('/', '-'));
            Path lib = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (!Files.isRegularFile(lib) || size < 0 || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, "part-", ".tmp");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        } catch (IOException | RuntimeException e) {
            // no cache folder to write: the driver extracts to the temp folder as it always did
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "converge");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "converge");
    }

    private static String version() throws IOException {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown").replaceAll("[^0-9A-Za-z.]", "");
        }
    }
}
