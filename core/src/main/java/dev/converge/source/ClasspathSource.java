package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.time.Clock;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Migrations in a classpath folder, as an application ships them: a directory during development, an entry of a
 * jar in production. Every copy of the folder the class loader can see is read, so the same version in two jars
 * is refused rather than one silently winning.
 *
 * <p>A folder inside a jar is found only if the jar has an entry for the folder itself; Maven and Gradle write
 * those, hand-made jars may not.
 */
final class ClasspathSource implements MigrationSource {
    private final String location;
    private final ClassLoader loader;
    private final Layout layout;
    private final Map<String, String> placeholders;
    private final long largeBytes;

    ClasspathSource(String location, ClassLoader loader) {
        this(location, loader, Layout.CONVERGE, Map.of());
    }

    /**
     * A classpath folder in {@code layout}: Converge's, or a layout of one file per migration (Flyway, golang-migrate,
     * sqlx, dbmate, goose); null for Converge's unless the folder on disk says otherwise, or Flyway's when a jar's
     * files are named {@code V1__x.sql}.
     */
    ClasspathSource(String location, ClassLoader loader, Layout layout, Map<String, String> placeholders) {
        this(location, loader, layout, placeholders, LargeFile.ABOVE_BYTES);
    }

    /** As above, streaming Converge's files of {@code largeBytes} bytes and more (see {@link LargeFile}). */
    ClasspathSource(String location, ClassLoader loader, Layout layout, Map<String, String> placeholders,
                    long largeBytes) {
        this.largeBytes = largeBytes;
        if (layout == Layout.DIESEL || layout == Layout.PRISMA || layout == Layout.DRIZZLE || layout == Layout.LIQUIBASE) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "a " + layout.cliName() + " folder is read from disk"
                    + " only: use MigrationSource.folder(dir, Layout." + layout + ", ...)");
        }
        this.layout = layout;
        this.placeholders = Map.copyOf(placeholders);
        String l = location.strip();
        while (l.startsWith("/")) {
            l = l.substring(1);
        }
        while (l.endsWith("/")) {
            l = l.substring(0, l.length() - 1);
        }
        this.location = l;
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public MigrationSet load() {
        long start = System.nanoTime();
        Set<URL> roots = new LinkedHashSet<>();
        try {
            Enumeration<URL> found = loader.getResources(location);
            while (found.hasMoreElements()) {
                roots.add(found.nextElement());
            }
        } catch (IOException e) {
            throw error("cannot search the classpath for '" + location + "': " + e, e);
        }
        if (roots.isEmpty()) {
            throw error("the classpath folder '" + location + "' was not found by " + loader
                    + ". Check the location (relative to the classpath root, e.g. db/migrations) and that the"
                    + " folder is packaged; a jar must contain an entry for the folder itself.", null);
        }
        List<Migration> migrations = new ArrayList<>();
        for (URL root : roots) {
            readRoot(root, migrations);
        }
        if (migrations.isEmpty()) {
            throw error("the classpath folder '" + location + "' (" + roots + ") holds no migration. Expected files"
                    + " named " + MigrationFileName.PATTERN + ".", null);
        }
        MigrationSet set = MigrationSet.of(migrations);
        MigrationFiles.loaded("classpath:" + location, set.size(), start);
        return set;
    }

    private void readRoot(URL root, List<Migration> out) {
        if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw error("cannot turn the classpath URL " + root + " into a path: " + e, e);
            }
            if (layout == Layout.CONVERGE) {
                FolderSource.readInto(dir, out, largeBytes);
            } else {
                out.addAll(new ToolFolderSource(dir, layout, placeholders, Clock.systemUTC()).load().migrations());
            }
            return;
        }
        URLConnection connection;
        try {
            connection = root.openConnection();
        } catch (IOException e) {
            throw error("cannot open the classpath folder " + root + ": " + e, e);
        }
        if (!(connection instanceof JarURLConnection jar)) {
            throw error("cannot list the classpath folder " + root + ": only folders on disk and in jars are"
                    + " supported. Use MigrationSource.folder(…) or memory(…) instead.", null);
        }
        readJar(root, jar, out);
    }

    private void readJar(URL root, JarURLConnection connection, List<Migration> out) {
        connection.setUseCaches(false);
        String folder = connection.getEntryName();
        String prefix = folder == null || folder.isEmpty() ? "" : folder.endsWith("/") ? folder : folder + "/";
        String base = root.toString().endsWith("/") ? root.toString() : root + "/";
        try (JarFile jar = connection.getJarFile()) {
            TreeMap<String, JarEntry> files = new TreeMap<>();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.length() > prefix.length() && name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    if (slash >= 0) {
                        if (slash == rest.length() - 1) {
                            MigrationFiles.ignored(base + rest, "a subfolder");
                        }
                    } else {
                        files.put(rest, entry);
                    }
                }
            }
            Layout l = layout != null ? layout
                    : files.keySet().stream().anyMatch(ToolFileName::looksLikeFlyway) ? Layout.FLYWAY : Layout.CONVERGE;
            if (l != Layout.FLYWAY && !placeholders.isEmpty()) {
                throw error("placeholders are given, but the classpath folder " + root + " is a " + l.cliName()
                        + " folder, whose files have none: only Flyway's do.", null);
            }
            for (var e : files.entrySet()) {
                String fileName = e.getKey();
                String origin = base + fileName;
                if (!MigrationFileName.isSqlFile(fileName)) {
                    MigrationFiles.ignored(origin, "not a .sql file");
                    continue;
                }
                ToolFileName tool = l == Layout.CONVERGE ? null : ToolFileName.parse(l, fileName, origin);
                if (l != Layout.CONVERGE && tool == null) {
                    MigrationFiles.ignored(origin, "not run when migrating up in a " + l.cliName() + " folder");
                    continue;
                }
                MigrationFileName parsed = l == Layout.CONVERGE ? MigrationFileName.parse(fileName, origin) : null;
                if (parsed != null && e.getValue().getSize() >= largeBytes) {
                    out.add(MigrationFiles.large(parsed, fileName, LargeFile.read(() -> entry(origin), origin), origin));
                    continue;
                }
                byte[] bytes;
                try (InputStream in = jar.getInputStream(e.getValue())) {
                    bytes = in.readAllBytes();
                } catch (IOException ex) {
                    throw ConvergeException.builder(ErrorCode.BAD_INPUT,
                                    "cannot read the migration file " + origin + ": " + ex + ". Check the jar.")
                            .file(origin).cause(ex).build();
                }
                out.add(parsed != null ? MigrationFiles.fromBytes(parsed, fileName, bytes, origin)
                        : ToolFolderSource.fromBytes(l, tool, fileName, fileName, bytes, origin, placeholders,
                        Clock.systemUTC()));
            }
        } catch (IOException e) {
            throw error("cannot open the jar of the classpath folder " + root + ": " + e, e);
        }
    }

    /** The entry of a jar at {@code url}, opened anew (not through the JVM's cache of open jars). */
    private static InputStream entry(String url) throws IOException {
        URLConnection c = new URL(url).openConnection();
        c.setUseCaches(false);
        return c.getInputStream();
    }

    private ConvergeException error(String message, Throwable cause) {
        return ConvergeException.builder(ErrorCode.BAD_INPUT, message).file(location).cause(cause).build();
    }

    @Override
    public String toString() {
        return "classpath " + location;
    }
}
