package dev.converge.detect;

import dev.converge.Converge;
import dev.converge.schema.ObjectId;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled reference: the same timeline as the replay after a round trip, and never used when stale or damaged. */
class ReferenceCacheTest {
    @TempDir
    Path dir;

    @Test
    void aRoundTripGivesTheReplayedSchemaAtEveryPointAndTheSameEffects() {
        for (MigrationSet set : List.of(starpunk(), generated(40, 17))) {
            Reference replayed = Reference.replay(set);
            Reference loaded = ReferenceCache.decode(ReferenceCache.encode(replayed), set, "test");
            assertThat(loaded).as("a fresh file must load").isNotNull();
            assertThat(loaded.lastPoint()).isEqualTo(replayed.lastPoint());
            assertThat(loaded.objects().keySet()).containsExactlyElementsOf(replayed.objects().keySet());
            for (int p = 0; p <= replayed.lastPoint(); p++) {
                assertThat(loaded.schemaAt(p)).as("schema at point %d", p).isEqualTo(replayed.schemaAt(p));
            }
            for (int i = 0; i < replayed.migrations().size(); i++) {
                MigrationEffects a = replayed.migrations().get(i);
                MigrationEffects b = loaded.migrations().get(i);
                assertThat(b.start()).isEqualTo(a.start());
                assertThat(b.effects()).isEqualTo(a.effects());
                assertThat(b.statements()).isEqualTo(a.statements());
            }
        }
    }

    @Test
    void theGeneratedSetExercisesEveryKindOfChange() {
        Reference ref = Reference.replay(generated(40, 17));
        // the round trip above is only worth something if the set alters, drops and re-creates objects
        long redefined = ref.objects().values().stream().filter(h -> h.size() > 2).count();
        assertThat(redefined).as("objects with more than one definition or a drop").isGreaterThan(5);
        assertThat(ref.objects().keySet()).extracting(ObjectId::type).contains(
                dev.converge.schema.ObjectType.TABLE, dev.converge.schema.ObjectType.INDEX,
                dev.converge.schema.ObjectType.VIEW, dev.converge.schema.ObjectType.TRIGGER);
    }

    @Test
    void aStoredReferenceIsFoundByTheNextLoadAndNamedByTheChecksumChain() {
        MigrationSet set = starpunk();
        ReferenceCache cache = ReferenceCache.in(dir.resolve("nested/cache"));
        assertThat(cache.load(set)).isNull();
        cache.store(Reference.replay(set));
        Path file = dir.resolve("nested/cache").resolve("reference-" + set.checksumChain() + ".bin");
        assertThat(file).exists();
        assertThat(cache.load(set)).isNotNull();
        assertThat(dir.resolve("nested/cache").toFile().list()).as("no temporary file left behind")
                .containsExactly(file.getFileName().toString());
    }

    @Test
    void everyFlippedByteIsDetectedAndTheFileIgnored() {
        MigrationSet set = generated(8, 3);
        byte[] good = ReferenceCache.encode(Reference.replay(set));
        Random r = new Random(42);
        for (int k = 0; k < 200; k++) {
            byte[] bad = good.clone();
            int at = r.nextInt(bad.length);
            bad[at] ^= (byte) (1 << r.nextInt(8));
            assertThat(ReferenceCache.decode(bad, set, "test")).as("byte %d flipped", at).isNull();
        }
        assertThat(ReferenceCache.decode(java.util.Arrays.copyOf(good, good.length - 1), set, "test"))
                .as("truncated").isNull();
        assertThat(ReferenceCache.decode(new byte[0], set, "test")).as("empty").isNull();
    }

    @Test
    void aFileReplayedByAnotherSqliteVersionIsIgnored() {
        MigrationSet set = generated(4, 2);
        byte[] good = ReferenceCache.encode(Reference.replay(set));
        String mine = Reference.sqliteVersion();
        byte[] other = replaceOnce(good, mine.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                mine.replace('.', ',').getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // re-hash, so that only the version check can refuse it
        byte[] body = java.util.Arrays.copyOf(other, other.length - 32);
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(hash, 0, other, body.length, 32);
        assertThat(ReferenceCache.decode(good, set, "test")).isNotNull();
        assertThat(ReferenceCache.decode(other, set, "test")).isNull();
    }

    private static byte[] replaceOnce(byte[] in, byte[] what, byte[] with) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            byte[] out = in.clone();
            System.arraycopy(with, 0, out, i, with.length);
            return out;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aFileOfAnotherSetUnderThisSetsNameIsIgnoredAndReplacedByTheReplay() throws Exception {
        MigrationSet old = generated(10, 5);
        MigrationSet edited = generated(11, 5); // one migration more: another checksum chain
        Path folder = dir.resolve("cache");
        ReferenceCache cache = ReferenceCache.in(folder);
        cache.store(Reference.replay(old));
        Path stale = folder.resolve(ReferenceCache.fileName(old.checksumChain()));
        Path target = folder.resolve(ReferenceCache.fileName(edited.checksumChain()));
        Files.move(stale, target);
        assertThat(cache.load(edited)).as("a stale file renamed to the new chain").isNull();

        Reference.clearCache();
        Reference ref = Reference.of(edited, cache);
        assertThat(ref.migrations()).hasSize(11);
        assertThat(cache.load(edited)).as("the replay overwrote the stale file").isNotNull();
        Reference.clearCache();
    }

    @Test
    void aTamperedFileInTheFolderIsIgnoredByConvergeAndThePlanIsTheReplays() throws Exception {
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("001_t.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);");
        Files.writeString(migrations.resolve("002_u.sql"), "CREATE TABLE u (id INTEGER PRIMARY KEY);");
        MigrationSet set = MigrationSource.folder(migrations).load();
        Path folder = dir.resolve("cache");
        // a reference whose timeline says something else, written under the right name with a valid hash: it must
        // be the content checks that keep it out, so here the chain inside is another set's
        ReferenceCache.in(folder).store(Reference.replay(generated(2, 9)));
        Files.move(folder.resolve(ReferenceCache.fileName(generated(2, 9).checksumChain())),
                folder.resolve(ReferenceCache.fileName(set.checksumChain())));
        Reference.clearCache();
        Path db = dir.resolve("app.db");
        var result = Converge.configure().database(db).migrations(migrations).referenceCache(folder).logRuns(false)
                .load().migrate();
        assertThat(result.done()).hasSize(2);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_schema WHERE name IN ('t','u')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        Reference.clearCache();
    }

    @Test
    void aReferenceOnTheClassPathIsUsedWithoutAFolder() throws Exception {
        MigrationSet set = generated(6, 11);
        Path root = dir.resolve("classes");
        Path res = root.resolve(ReferenceCache.RESOURCE_FOLDER + ReferenceCache.fileName(set.checksumChain()));
        Files.createDirectories(res.getParent());
        Files.write(res, ReferenceCache.encode(Reference.replay(set)));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[]{root.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(cl);
            assertThat(ReferenceCache.in(null).load(set)).isNotNull();
            assertThat(ReferenceCache.in(null).load(generated(7, 11))).isNull();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void aReferenceCompiledIntoClassesIsFoundOnTheirClassPath() throws Exception {
        MigrationSet set = starpunk();
        Path root = dir.resolve("target/classes");
        Path written = ReferenceCache.compileInto(set, root);
        assertThat(written).isEqualTo(root.resolve("META-INF/converge/" + ReferenceCache.fileName(set.checksumChain())));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[]{root.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(cl);
            Reference loaded = ReferenceCache.in(null).load(set);
            assertThat(loaded).isNotNull();
            assertThat(loaded.target()).isEqualTo(Reference.replay(set).target());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    static MigrationSet starpunk() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("examples/starpunk"))) {
            p = p.getParent();
        }
        return MigrationSource.folder(p.resolve("examples/starpunk/migrations")).load();
    }

    /**
     * {@code n} migrations that create tables, indexes, views and triggers, add and drop columns, rename, drop and
     * re-create: every kind of interval the timeline has. Deterministic for a seed.
     */
    static MigrationSet generated(int n, long seed) {
        Random r = new Random(seed);
        Map<String, String> files = new LinkedHashMap<>();
        List<String> live = new java.util.ArrayList<>();
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int v = 1; v <= n; v++) {
            StringBuilder sql = new StringBuilder();
            String t = "t" + v;
            sql.append("CREATE TABLE ").append(t).append(" (id INTEGER PRIMARY KEY, c0 TEXT NOT NULL DEFAULT 'x');\n");
            sql.append("CREATE INDEX ").append(t).append("_c0 ON ").append(t).append("(c0);\n");
            columns.put(t, 1);
            if (!live.isEmpty()) {
                String o = live.get(r.nextInt(live.size()));
                switch (r.nextInt(5)) {
                    case 0 -> {
                        int c = columns.merge(o, 1, Integer::sum) - 1;
                        sql.append("ALTER TABLE ").append(o).append(" ADD COLUMN c").append(c).append(" INT;\n");
                    }
                    case 1 -> {
                        sql.append("DROP VIEW IF EXISTS v_").append(o).append(";\n");
                        sql.append("CREATE VIEW v_").append(o).append(" AS SELECT id FROM ").append(o)
                                .append(" WHERE id > ").append(v).append(";\n");
                    }
                    case 2 -> sql.append("CREATE TRIGGER IF NOT EXISTS tr_").append(o).append(" AFTER INSERT ON ")
                            .append(o).append(" BEGIN SELECT 1; END;\n");
                    case 3 -> {
                        sql.append("DROP VIEW IF EXISTS v_").append(o).append(";\n");
                        sql.append("DROP TABLE ").append(o).append(";\n");
                        sql.append("CREATE TABLE ").append(o).append(" (id INTEGER PRIMARY KEY, c0 TEXT, r REAL);\n");
                        columns.put(o, 1);
                    }
                    default -> sql.append("INSERT INTO ").append(o).append(" (c0) VALUES ('row ").append(v).append("');\n");
                }
            }
            live.add(t);
            files.put(String.format("%03d_step.sql", v), sql.toString());
        }
        return MigrationSource.memory(files).load();
    }
}
