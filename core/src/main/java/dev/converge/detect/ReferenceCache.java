package dev.converge.detect;

import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.SchemaParser;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.sql.Statement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replayed {@link Reference} kept across processes: a file {@code reference-<checksum chain>.bin} in a folder the
 * user names, or the same file as a class-path resource under {@value #RESOURCE_FOLDER} (written into an application's
 * jar at build time).
 *
 * <p>A reference is only as good as its match with the migration set, so a file is used only when four checks pass:
 * its format version is this one, the checksum chain written inside it is the set's, it was replayed by the SQLite
 * version this process runs, and the SHA-256 of its content (its last 32 bytes) is right. Anything else — a stale file renamed, a byte flipped, a truncated write, a file from
 * another Converge — is ignored and the set is replayed again; the replay then overwrites the file. Files are written
 * to a temporary file in the same folder and renamed over the old one, so two processes writing at once leave one
 * whole file, never a mix.
 *
 * <p>What is stored is what the replay learned: per migration, the point it starts at and the objects each statement
 * touched; per object, its intervals and the {@code CREATE} text of each definition (parsed again on load, so the
 * file does not depend on the shape of the parsed model).
 */
public final class ReferenceCache {
    private static final System.Logger LOG = System.getLogger(ReferenceCache.class.getName());

    /** Where a build puts compiled references on the class path. */
    public static final String RESOURCE_FOLDER = "META-INF/converge/";
    /** Changes whenever the layout below changes; a file of another version is ignored. */
    static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x43565246; // "CVRF"
    private static final int HASH_BYTES = 32;
    private static final ObjectType[] TYPES = ObjectType.values();

    /** No persistence: every process replays once (the in-process cache still applies). */
    public static final ReferenceCache NONE = new ReferenceCache(null, false);

    private final Path folder;
    private final boolean classPath;

    private ReferenceCache(Path folder, boolean classPath) {
        this.folder = folder;
        this.classPath = classPath;
    }

    /**
     * Keeps references in {@code folder} (created when missing) and also looks for them on the class path. A null
     * folder means the class path only.
     */
    public static ReferenceCache in(Path folder) {
        return new ReferenceCache(folder == null ? null : folder.toAbsolutePath(), true);
    }

    /** The file name of the reference of a set with this checksum chain. */
    public static String fileName(String checksumChain) {
        return "reference-" + checksumChain + ".bin";
    }

    /** The cache folder, or null when references are not written. */
    public Path folder() {
        return folder;
    }

    /** The reference of {@code set} from the class path or the folder; null when neither holds a valid one. */
    Reference load(MigrationSet set) {
        if (classPath) {
            Reference r = loadResource(set);
            if (r != null) {
                return r;
            }
        }
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(fileName(set.checksumChain()));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the compiled reference " + file + ": " + e.getMessage()
                    + "; replaying the migrations instead");
            return null;
        }
        return decode(bytes, set, file.toString());
    }

    private Reference loadResource(MigrationSet set) {
        String name = RESOURCE_FOLDER + fileName(set.checksumChain());
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ReferenceCache.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : decode(in.readAllBytes(), set, "class-path resource " + name);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the compiled reference " + name + ": " + e.getMessage());
            return null;
        }
    }

    /** Writes {@code ref} unless the folder already holds a file by its name (whose checks the next load makes). */
    void storeIfAbsent(Reference ref) {
        if (folder != null && !Files.exists(folder.resolve(fileName(ref.migrationSet().checksumChain())))) {
            store(ref);
        }
    }

    /** Writes {@code ref} to the folder atomically; a failure to write is logged, never fatal (the replay stands). */
    void store(Reference ref) {
        if (folder == null) {
            return;
        }
        try {
            write(folder, ref);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the compiled reference to " + folder + ": " + e
                    + "; the next process will replay the migrations again");
        }
    }

    /**
     * Replays {@code set} and writes its compiled reference under {@code classesRoot} as the class-path resource
     * {@value #RESOURCE_FOLDER}{@code reference-<chain>.bin}, for a build to package into the application's jar.
     *
     * @return the file written
     * @throws dev.converge.error.ConvergeException when the set does not replay
     * @throws IOException when the file cannot be written
     */
    public static Path compileInto(MigrationSet set, Path classesRoot) throws IOException {
        return write(classesRoot.resolve(RESOURCE_FOLDER), Reference.replay(set));
    }

    /** Writes {@code ref} into {@code folder} through a temporary file renamed over the old one. */
    private static Path write(Path folder, Reference ref) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName(ref.migrationSet().checksumChain()));
        Path tmp = Files.createTempFile(folder, "reference-", ".tmp");
        try {
            Files.write(tmp, encode(ref));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } finally {
            Files.deleteIfExists(tmp); // gone already when the move succeeded
        }
    }

    /** The bytes of the file for {@code ref}: header, payload, then the SHA-256 of everything before it. */
    static byte[] encode(Reference ref) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            writeString(out, ref.migrationSet().checksumChain());
            writeString(out, Reference.sqliteVersion());
            out.writeInt(ref.lastPoint());
            out.writeInt(ref.migrations().size());
            for (MigrationEffects me : ref.migrations()) {
                writeString(out, me.migration().version().toString());
                out.writeInt(me.start());
                out.writeInt(me.effects().size());
                for (Set<ObjectId> effect : me.effects()) {
                    out.writeInt(effect.size());
                    for (ObjectId id : effect) {
                        writeId(out, id);
                    }
                }
            }
            out.writeInt(ref.objects().size());
            for (ObjectHistory h : ref.objects().values()) {
                writeId(out, h.id());
                out.writeInt(h.size());
                for (int i = 0; i < h.size(); i++) {
                    out.writeInt(h.start(i));
                    SchemaObject d = h.definition(i);
                    out.writeBoolean(d != null);
                    if (d != null) {
                        out.writeByte(d.type().ordinal());
                        writeString(out, d.name());
                        writeString(out, d.tableName());
                        writeString(out, d.sql());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] body = bytes.toByteArray();
        byte[] hash = sha256().digest(body);
        byte[] all = Arrays.copyOf(body, body.length + HASH_BYTES);
        System.arraycopy(hash, 0, all, body.length, HASH_BYTES);
        return all;
    }

    /** The reference in {@code bytes} when every check passes for {@code set}; null (and a log line) otherwise. */
    static Reference decode(byte[] bytes, MigrationSet set, String where) {
        String why;
        try {
            why = check(bytes, set);
            if (why == null) {
                return read(bytes, set);
            }
        } catch (IOException | RuntimeException e) {
            why = "unreadable (" + e + ")";
        }
        LOG.log(System.Logger.Level.INFO, "ignoring the compiled reference " + where + ": " + why
                + "; replaying the migrations instead");
        return null;
    }

    /** Null when the header and the content hash are right for {@code set}; otherwise what is wrong. */
    private static String check(byte[] bytes, MigrationSet set) throws IOException {
        if (bytes.length < 8 + HASH_BYTES) {
            return "too short to be a compiled reference";
        }
        int bodyLength = bytes.length - HASH_BYTES;
        MessageDigest md = sha256();
        md.update(bytes, 0, bodyLength);
        if (!MessageDigest.isEqual(md.digest(), Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
            return "its content hash does not match (a damaged or edited file)";
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength));
        if (in.readInt() != MAGIC) {
            return "not a compiled reference";
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            return "format version " + version + ", this Converge reads " + FORMAT_VERSION;
        }
        String chain = readString(in);
        if (!chain.equals(set.checksumChain())) {
            return "it was compiled from other migrations (checksum chain " + chain + ", the set's is "
                    + set.checksumChain() + ")";
        }
        String sqlite = readString(in);
        if (!sqlite.equals(Reference.sqliteVersion())) {
            return "it was replayed by SQLite " + sqlite + ", this process runs SQLite " + Reference.sqliteVersion();
        }
        return null;
    }

    private static Reference read(byte[] bytes, MigrationSet set) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - HASH_BYTES));
        in.readInt();
        in.readInt();
        readString(in);
        readString(in);
        int lastPoint = in.readInt();
        int count = in.readInt();
        if (count != set.size()) {
            throw new IOException(count + " migrations, the set has " + set.size());
        }
        List<MigrationEffects> migrations = new ArrayList<>(count);
        int expectedStart = 0;
        for (Migration m : set) {
            String version = readString(in);
            if (!version.equals(m.version().toString())) {
                throw new IOException("migration " + version + " where the set has " + m.version());
            }
            int start = in.readInt();
            int statements = in.readInt();
            List<Statement> split = m.statements();
            if (start != expectedStart || statements != split.size()) {
                throw new IOException("migration " + version + " has " + statements + " statements at point " + start
                        + ", the set's file has " + split.size() + " at point " + expectedStart);
            }
            List<Set<ObjectId>> effects = new ArrayList<>(statements);
            for (int j = 0; j < statements; j++) {
                int n = in.readInt();
                Set<ObjectId> effect = new HashSet<>(Math.max(4, n * 2));
                for (int k = 0; k < n; k++) {
                    effect.add(readId(in));
                }
                effects.add(effect);
            }
            migrations.add(new MigrationEffects(m, split, start, effects));
            expectedStart = start + statements;
        }
        if (expectedStart != lastPoint) {
            throw new IOException("the migrations end at point " + expectedStart + ", the file says " + lastPoint);
        }
        int objects = in.readInt();
        Map<ObjectId, ObjectHistory> histories = new LinkedHashMap<>(Math.max(16, objects * 2));
        for (int o = 0; o < objects; o++) {
            ObjectId id = readId(in);
            ObjectHistory.Builder b = new ObjectHistory.Builder(id);
            int intervals = in.readInt();
            for (int i = 0; i < intervals; i++) {
                int start = in.readInt();
                SchemaObject def = null;
                if (in.readBoolean()) {
                    ObjectType type = TYPES[in.readUnsignedByte()];
                    String name = readString(in);
                    String table = readString(in);
                    String sql = readString(in);
                    def = SchemaParser.parse(type.sqlName(), name, table, sql);
                }
                b.add(start, def);
            }
            histories.put(id, b.build());
        }
        return Reference.restored(set, migrations, histories, lastPoint);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void writeId(DataOutputStream out, ObjectId id) throws IOException {
        out.writeByte(id.type().ordinal());
        writeString(out, id.key());
    }

    private static ObjectId readId(DataInputStream in) throws IOException {
        ObjectType type = TYPES[in.readUnsignedByte()];
        return new ObjectId(type, readString(in));
    }

    /** A string as its UTF-8 length and bytes ({@code writeUTF} stops at 64 KB, and a CREATE text may be longer). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a string of " + n + " bytes where " + in.available() + " remain");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
