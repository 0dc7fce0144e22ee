package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All migrations of an application, ordered by version, each version once. Every other part of Converge can
 * rely on that order and uniqueness without checking again. Immutable.
 */
public final class MigrationSet implements Iterable<Migration> {
    private static final Comparator<Migration> ORDER =
            Comparator.comparing(Migration::version).thenComparing(Migration::name);

    private final List<Migration> migrations;
    private final Map<Version, Migration> byVersion;
    private volatile String checksumChain;
    /** Each migration's statements, split the first time a run asks ({@link #statementsOf}). */
    private final Map<Version, List<Statement>> split = new ConcurrentHashMap<>();

    private MigrationSet(List<Migration> sorted) {
        this.migrations = List.copyOf(sorted);
        this.byVersion = new HashMap<>(Math.max(16, sorted.size() * 2));
        for (Migration m : sorted) {
            byVersion.put(m.version(), m);
        }
    }

    /**
     * The set of {@code migrations}, in any order.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_MIGRATION_NAME} naming both files when two have one version
     */
    public static MigrationSet of(Collection<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            Migration a = sorted.get(i - 1);
            Migration b = sorted.get(i);
            if (a.version().equals(b.version())) {
                throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME,
                                "two migrations have version " + a.version() + ": " + a.origin() + " and "
                                        + b.origin() + ". Versions must be unique: renumber or remove one of them.")
                        .file(b.origin()).version(a.version().value()).build();
            }
        }
        return new MigrationSet(sorted);
    }

    /** The migrations, ordered by version. */
    public List<Migration> migrations() {
        return migrations;
    }

    public Optional<Migration> get(Version version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** The version of the last migration; empty for an empty set. */
    public Optional<Version> highest() {
        return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1).version());
    }

    public int size() {
        return migrations.size();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /**
     * SHA-256 (hex) over every migration's version and checksum, in order. Two sets with the same chain replay to
     * the same schema, so this is the cache key of the reference replay. Names are not part of it: renaming a
     * file changes nothing that runs.
     */
    public String checksumChain() {
        String chain = checksumChain;
        if (chain == null) {
            MessageDigest md = Checksum.sha256();
            for (Migration m : migrations) {
                md.update((m.version() + ":" + m.checksum() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            chain = Checksum.hex(md.digest());
            checksumChain = chain;
        }
        return chain;
    }

    /**
     * The statements of {@code m} as {@link Migration#statements()} gives them, split once per set: a run that checks
     * every pending file and then reads the compiled reference asks for the same statements several times. A migration
     * that is not this set's own is split anew.
     *
     * @throws ConvergeException {@link ErrorCode#BAD_SQL} as {@link Migration#statements()} does (nothing is kept)
     */
    public List<Statement> statementsOf(Migration m) {
        if (byVersion.get(m.version()) != m) {
            return m.statements();
        }
        List<Statement> known = split.get(m.version());
        if (known == null) {
            known = m.statements();
            split.putIfAbsent(m.version(), known);
        }
        return known;
    }

    /** The migrations whose version is at most {@code inclusive}. */
    public MigrationSet upTo(Version inclusive) {
        int end = 0;
        while (end < migrations.size() && migrations.get(end).version().compareTo(inclusive) <= 0) {
            end++;
        }
        return end == migrations.size() ? this : new MigrationSet(migrations.subList(0, end));
    }

    @Override
    public Iterator<Migration> iterator() {
        return migrations.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationSet other && migrations.equals(other.migrations);
    }

    @Override
    public int hashCode() {
        return migrations.hashCode();
    }

    @Override
    public String toString() {
        return "MigrationSet" + migrations;
    }
}
