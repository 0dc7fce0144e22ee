package dev.converge.detect;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.dialect.Dialect;
import dev.converge.sqlite.SqliteDialect;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.SchemaParser;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.sql.Identifiers;
import dev.converge.sql.Statement;
import dev.converge.sql.StatementKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the migration set does, learned by replaying it statement by statement on an empty in-memory database.
 *
 * <p>The timeline has one point per statement boundary: point 0 is the empty database, point {@code g} is the state
 * after the g-th statement of the whole set. The reference keeps, per object, the sequence of its definitions over
 * that timeline ({@link ObjectHistory}) and, per statement, the objects it created, altered or dropped — never n whole
 * schemas. After a statement it re-reads only the catalogue rows the statement may have touched, and only when
 * {@code PRAGMA schema_version} moved, so the replay costs little more than executing the statements.
 *
 * <p>The reference depends only on the migration set; {@link #of(MigrationSet)} caches it by the checksum chain.
 */
public final class Reference {
    private static final System.Logger LOG = System.getLogger(Reference.class.getName());

    /** The engine the replay runs on, and whose catalogue it reads. */
    static final Dialect DIALECT = SqliteDialect.INSTANCE;
    /** The replay's reads of the catalogue (SQLite's: {@code sqlite_schema} by rowid; see the dialect). */
    private static final String ROWS_BY_NAME = DIALECT.catalogue().byName();
    private static final String ROWS_AFTER = DIALECT.catalogue().after();
    private static final String ROW_AT = DIALECT.catalogue().at();
    private static final String MAX_ROWID = DIALECT.catalogue().maxKey();
    private static final String ALL_ROWS = DIALECT.catalogue().all();
    private static final String SCHEMA_VERSION = DIALECT.catalogue().schemaVersion();

    private static final Map<String, Reference> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 8;
    private static volatile String sqliteVersion;

    private final MigrationSet set;
    private final List<MigrationEffects> migrations;
    private final Map<ObjectId, ObjectHistory> objects;
    private final int lastPoint;
    private volatile Schema target;
    private volatile Map<dev.converge.source.Version, MigrationEffects> byVersion;

    private Reference(MigrationSet set, List<MigrationEffects> migrations, Map<ObjectId, ObjectHistory> objects,
                      int lastPoint) {
        this.set = set;
        this.migrations = List.copyOf(migrations);
        this.objects = Collections.unmodifiableMap(objects);
        this.lastPoint = lastPoint;
    }

    /** The reference of {@code set}, from the cache when the same set (by checksum chain) was replayed before. */
    public static Reference of(MigrationSet set) {
        String key = set.checksumChain();
        Reference cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Reference built = replay(set);
        if (holdsLargeFiles(set)) {
            return built;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, built);
        return built;
    }

    /**
     * The reference of {@code set}: from this process's cache, else from {@code compiled} (a cache folder or the class
     * path, verified on load), else replayed and written to {@code compiled} for the next process.
     */
    public static Reference of(MigrationSet set, ReferenceCache compiled) {
        if (compiled == null || compiled == ReferenceCache.NONE) {
            return of(set);
        }
        String key = set.checksumChain();
        Reference cached = CACHE.get(key);
        if (cached != null) {
            compiled.storeIfAbsent(cached); // replayed in this process before the folder was named
            return cached;
        }
        Reference loaded = compiled.load(set);
        if (loaded == null) {
            loaded = replay(set);
            compiled.store(loaded);
        }
        if (holdsLargeFiles(set)) {
            return loaded;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, loaded);
        return loaded;
    }

    /**
     * A set holding a file streamed because it is large is not kept in this process's cache: its reference reads the
     * file again by its path (which another set with the same checksums need not share), and would keep the file's
     * statement facts for the life of the process.
     */
    private static boolean holdsLargeFiles(MigrationSet set) {
        for (Migration m : set) {
            if (m.large() != null) {
                return true;
            }
        }
        return false;
    }

    /** A reference rebuilt from what a replay learned (see {@link ReferenceCache}). */
    static Reference restored(MigrationSet set, List<MigrationEffects> migrations, Map<ObjectId, ObjectHistory> objects,
                              int lastPoint) {
        return new Reference(set, migrations, objects, lastPoint);
    }

    /** The SQLite library this process runs: a replay by another SQLite may have ended elsewhere. */
    static String sqliteVersion() {
        String v = sqliteVersion;
        if (v == null) {
            try (Connection c = DIALECT.openScratch();
                 java.sql.Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(DIALECT.catalogue().engineVersion())) {
                rs.next();
                v = rs.getString(1);
            } catch (SQLException e) {
                throw new ConvergeException(ErrorCode.INTERNAL, "cannot open an in-memory SQLite database: "
                        + e.getMessage(), e);
            }
            sqliteVersion = v;
        }
        return v;
    }

    /** Empties the cache (benchmarks measure the uncached case with it). */
    public static void clearCache() {
        CACHE.clear();
    }

    /** Replays {@code set} without the cache. */
    public static Reference replay(MigrationSet set) {
        try {
            Reference fast = replayOnce(set, true);
            if (fast != null) {
                return fast;
            }
            LOG.log(System.Logger.Level.DEBUG, "the rowid-based replay disagreed with the catalogue; replaying by name");
            return replayOnce(set, false);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot open an in-memory SQLite database for the replay: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The schema a script (a baseline) creates on an empty in-memory database, statement by statement. A statement
     * that fails is a {@link ErrorCode#BAD_INPUT} error naming the script's file and line.
     */
    public static Schema replayScript(dev.converge.source.Script script) {
        try (Connection c = DIALECT.openScratch()) {
            Settings.apply(c);
            for (Statement st : script.statements()) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute(st.text());
                } catch (SQLException e) {
                    throw ConvergeException.builder(ErrorCode.BAD_INPUT, script.origin() + ":" + st.line()
                                    + ": the baseline does not run on an empty database: " + e.getMessage()
                                    + "\n  statement: " + st.firstLine())
                            .file(script.origin()).line(st.line()).cause(e).build();
                }
            }
            return DIALECT.readSchema(c, null);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot replay the baseline in memory: " + e.getMessage(), e);
        }
    }

    /**
     * One replay. With {@code byRowid}, catalogue rows are located by rowid where the statement's kind says where they
     * are (CREATE appends, DROP removes known objects, ADD/DROP COLUMN rewrite one row): no scan of the catalogue per
     * statement. Its result is checked against one full read at the end; null when they disagree.
     */
    /** For tests: one replay in the given mode, null when the rowid mode disagreed with the catalogue. */
    static Reference replayForTest(MigrationSet set, boolean byRowid) {
        try {
            return replayOnce(set, byRowid);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reference replayOnce(MigrationSet set, boolean byRowid) throws SQLException {
        try (Connection c = DIALECT.openScratch()) {
            Settings.apply(c);
            Replay r = new Replay(c, byRowid);
            Reference ref = r.run(set);
            return !byRowid || r.agreesWithCatalogue() ? ref : null;
        }
    }

    public MigrationSet migrationSet() {
        return set;
    }

    /** Per migration, in version order: its statements, their points and their effects. */
    public List<MigrationEffects> migrations() {
        return migrations;
    }

    /**
     * The effects of migration {@code m} of the set, found by version in constant time.
     *
     * @throws IllegalArgumentException when the set has no migration of that version
     */
    public MigrationEffects effectsOf(Migration m) {
        Map<dev.converge.source.Version, MigrationEffects> index = byVersion;
        if (index == null) {
            index = new HashMap<>(Math.max(16, migrations.size() * 2));
            for (MigrationEffects me : migrations) {
                index.put(me.migration().version(), me);
            }
            byVersion = index;
        }
        MigrationEffects me = index.get(m.version());
        if (me == null) {
            throw new IllegalArgumentException("not in the reference: " + m.name());
        }
        return me;
    }

    /** Every object any migration ever created, with its definitions over the timeline. */
    public Map<ObjectId, ObjectHistory> objects() {
        return objects;
    }

    /** True when some migration creates, alters or drops an object with this id. */
    public boolean names(ObjectId id) {
        return objects.containsKey(id);
    }

    /** The last point of the timeline: after every statement of every migration. */
    public int lastPoint() {
        return lastPoint;
    }

    /** The schema at a point of the timeline. */
    public Schema schemaAt(int point) {
        List<SchemaObject> out = new ArrayList<>();
        for (ObjectHistory h : objects.values()) {
            SchemaObject o = h.at(point);
            if (o != null) {
                out.add(o);
            }
        }
        return Schema.of(out);
    }

    /** S_n: the schema after every migration. */
    public Schema target() {
        Schema t = target;
        if (t == null) {
            t = schemaAt(lastPoint);
            target = t;
        }
        return t;
    }

    /** The pragmas the reference and the runner share, so both see the same SQLite. */
    public static final class Settings {
        private Settings() {
        }

        /** {@code foreign_keys} off (actions must not fire during migrations); {@code legacy_alter_table} at its default OFF. */
        public static void apply(Connection c) throws SQLException {
            DIALECT.resetReplaySettings(c);
        }

        /**
         * Puts the shared settings back after a migration that holds a {@code PRAGMA}: a migration's pragmas last until
         * its end, never into the next migration. Otherwise a {@code PRAGMA legacy_alter_table = ON} would change what
         * a later {@code RENAME} does when both run in one replay, but not when the later one runs in another process.
         * Call in autocommit mode (inside a transaction {@code PRAGMA foreign_keys} does nothing).
         */
        public static void restoreAfter(Connection c, List<Statement> statements) throws SQLException {
            restoreAfter(DIALECT, c, statements);
        }

        /** {@link #restoreAfter(Connection, List)} on a connection of {@code dialect}. */
        public static void restoreAfter(Dialect dialect, Connection c, List<Statement> statements) throws SQLException {
            for (Statement st : statements) {
                if (st.kind() == StatementKind.PRAGMA) {
                    dialect.resetReplaySettings(c);
                    return;
                }
            }
        }
    }

    /** One replay run: executes every statement and records what moved. */
    private static final class Replay {
        private final Connection c;
        private final Map<ObjectId, ObjectHistory.Builder> objects = new LinkedHashMap<>();
        /** Current catalogue text per object (the sql column), to tell which rows a statement changed. */
        private final Map<ObjectId, String> texts = new HashMap<>();
        private final Set<String> virtualTables = new HashSet<>();
        private final boolean byRowid;
        private final Map<ObjectId, Long> rowids = new HashMap<>();
        private long maxRowid;
        private int point;
        private long schemaVersion;

        Replay(Connection c, boolean byRowid) {
            this.c = c;
            this.byRowid = byRowid;
        }

        /** True when the texts the replay tracked are exactly the catalogue's (minus SQLite's own and shadow tables). */
        boolean agreesWithCatalogue() throws SQLException {
            Map<ObjectId, Row> rows = new HashMap<>();
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ALL_ROWS)) {
                collect(rs, rows);
            }
            Set<String> shadows = virtualTables.isEmpty() ? Set.of() : DIALECT.internalTables(c);
            int seen = 0;
            for (Map.Entry<ObjectId, Row> e : rows.entrySet()) {
                Row r = e.getValue();
                if (r.sql == null || isInternal(r.name) || shadows.contains(Identifiers.key(r.name))) {
                    continue;
                }
                seen++;
                if (!r.sql.equals(texts.get(e.getKey()))) {
                    return false;
                }
            }
            return seen == texts.size();
        }

        Reference run(MigrationSet set) throws SQLException {
            List<MigrationEffects> out = new ArrayList<>(set.size());
            try (java.sql.Statement s = c.createStatement();
                 PreparedStatement version = c.prepareStatement(SCHEMA_VERSION);
                 PreparedStatement byName = c.prepareStatement(ROWS_BY_NAME);
                 PreparedStatement after = c.prepareStatement(ROWS_AFTER);
                 PreparedStatement at = c.prepareStatement(ROW_AT);
                 PreparedStatement max = c.prepareStatement(MAX_ROWID)) {
                schemaVersion = readLong(version);
                this.afterRowid = after;
                this.atRowid = at;
                this.maxRowidQuery = max;
                maxRowid = readLong(max);
                for (Migration m : set) {
                    List<Statement> statements = m.statements();
                    int start = point;
                    List<Set<ObjectId>> effects = new ArrayList<>(statements.size());
                    dev.converge.source.StatementTexts runnable = m.texts(); // a large file's data statements, read again
                    for (Statement st : statements) {
                        // a statement located by rowid is re-read without asking schema_version first; any other
                        // statement that may change the schema is judged by the counter, so it must be known before it
                        boolean located = byRowid && targeted(st);
                        // a write to the schema table (under PRAGMA writable_schema) changes definitions without
                        // moving schema_version: the whole catalogue is read again after it
                        boolean schemaWrite = writesSchemaTable(st);
                        boolean rowsOnly = (st.kind().isData() || st.kind() == StatementKind.SELECT) && !schemaWrite;
                        if (!located && !rowsOnly && schemaVersion < 0) {
                            schemaVersion = readLong(version);
                        }
                        try {
                            s.execute(runnable.of(st).text());
                        } catch (SQLException e) {
                            throw ConvergeException.builder(ErrorCode.REPLAY_FAILED,
                                            m.origin() + ":" + st.line() + ": migration " + m.version()
                                                    + " does not replay on an empty database after the migrations before it: "
                                                    + e.getMessage() + "\n  statement: " + st.firstLine()
                                                    + "\n  Every migration set must replay from empty; put the original schema"
                                                    + " in as 000_initial.sql if later migrations alter it.")
                                    .file(m.origin()).line(st.line()).version(m.version().value()).cause(e).build();
                        }
                        point++;
                        if (rowsOnly) {
                            effects.add(Set.of()); // rows only: the schema cannot have moved
                            continue;
                        }
                        if (schemaWrite) {
                            effects.add(refresh(st, null, m));
                            schemaVersion = -1;
                            continue;
                        }
                        if (located) {
                            effects.add(refresh(st, byName, m)); // finds nothing when IF [NOT] EXISTS made it a no-op
                            schemaVersion = -1;
                            continue;
                        }
                        long now = readLong(version);
                        Set<ObjectId> touched;
                        if (now != schemaVersion) {
                            schemaVersion = now;
                            touched = refresh(st, byName, m);
                        } else {
                            touched = Set.of();
                        }
                        effects.add(touched);
                    }
                    runnable.close();
                    Settings.restoreAfter(c, statements);
                    out.add(new MigrationEffects(m, statements, start, effects));
                }
            }
            Map<ObjectId, ObjectHistory> built = new LinkedHashMap<>();
            objects.forEach((id, b) -> built.put(id, b.build()));
            LOG.log(System.Logger.Level.DEBUG, () -> "replayed " + set.size() + " migrations, " + point + " statements, "
                    + built.size() + " objects");
            return new Reference(set, out, built, point);
        }

        /** True for a data statement that writes {@code sqlite_schema} (or its older name {@code sqlite_master}) directly. */
        static boolean writesSchemaTable(Statement st) {
            if (!st.kind().isData() || st.tableName() == null) {
                return false;
            }
            return DIALECT.isCatalogueTable(Identifiers.key(st.tableName()));
        }

        private static long readLong(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Re-reads the catalogue rows {@code st} may have touched and records every object whose text changed. */
        private PreparedStatement afterRowid;
        private PreparedStatement atRowid;
        private PreparedStatement maxRowidQuery;

        private Set<ObjectId> refresh(Statement st, PreparedStatement byName, Migration m) throws SQLException {
            boolean located = byRowid && targeted(st);
            Set<ObjectId> touched = located ? refreshByRowid(st, m) : refreshByName(st, byName, m);
            if (!located || st.kind().name().startsWith("DROP_")) {
                maxRowid = readLong(maxRowidQuery); // a drop may free the highest rowid for reuse
            }
            return touched;
        }

        /** Where the statement's kind says its rows are: appended (CREATE), gone (DROP), rewritten in place (COLUMN). */
        private Set<ObjectId> refreshByRowid(Statement st, Migration m) throws SQLException {
            Map<ObjectId, Row> rows = new HashMap<>();
            Set<ObjectId> touched = new LinkedHashSet<>();
            switch (st.kind()) {
                case CREATE_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_TRIGGER -> {
                    afterRowid.setLong(1, maxRowid);
                    try (ResultSet rs = afterRowid.executeQuery()) {
                        collect(rs, rows);
                    }
                    for (Row r : rows.values()) {
                        maxRowid = Math.max(maxRowid, r.rowid);
                    }
                }
                case DROP_TABLE -> {
                    String t = Identifiers.key(st.objectName());
                    List<ObjectId> gone = new ArrayList<>();
                    for (ObjectId id : byScope.getOrDefault(t, Set.of())) {
                        boolean self = id.type() == ObjectType.TABLE && id.key().equals(t);
                        boolean belongs = DIALECT.droppedWithItsTable(id.type()) && t.equals(tableKeys.get(id));
                        if (self || belongs) {
                            gone.add(id);
                        }
                    }
                    drop(gone, touched);
                }
                case DROP_INDEX, DROP_VIEW, DROP_TRIGGER -> {
                    ObjectType type = st.kind() == StatementKind.DROP_INDEX ? ObjectType.INDEX
                            : st.kind() == StatementKind.DROP_VIEW ? ObjectType.VIEW : ObjectType.TRIGGER;
                    drop(List.of(ObjectId.of(type, st.objectName())), touched);
                }
                case ALTER_ADD_COLUMN, ALTER_DROP_COLUMN -> {
                    Long rowid = rowids.get(ObjectId.table(st.tableName()));
                    if (rowid == null) {
                        return refreshByName(st, null, m);
                    }
                    atRowid.setLong(1, rowid);
                    try (ResultSet rs = atRowid.executeQuery()) {
                        collect(rs, rows);
                    }
                }
                default -> throw new IllegalStateException("not located by rowid: " + st.kind());
            }
            record(rows, Set.of(), st, m, touched);
            return touched;
        }

        private void drop(List<ObjectId> gone, Set<ObjectId> touched) {
            for (ObjectId id : gone) {
                if (texts.containsKey(id)) {
                    forget(id);
                    history(id).add(point, null);
                    touched.add(id);
                }
            }
        }

        /** Re-reads the rows of the objects the statement names (or the whole catalogue) and records what changed. */
        private Set<ObjectId> refreshByName(Statement st, PreparedStatement byName, Migration m) throws SQLException {
            boolean whole = !targeted(st) || byName == null;
            Map<ObjectId, Row> rows = new HashMap<>();
            Set<String> scope = new HashSet<>();
            if (whole) {
                try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ALL_ROWS)) {
                    collect(rs, rows);
                }
            } else {
                for (String name : scopeNames(st)) {
                    scope.add(Identifiers.key(name));
                    byName.setString(1, name);
                    try (ResultSet rs = byName.executeQuery()) {
                        collect(rs, rows);
                    }
                }
            }
            Set<String> shadows = whole && (!virtualTables.isEmpty() || st.kind() == StatementKind.CREATE_VIRTUAL_TABLE
                    || st.kind() == StatementKind.OTHER)
                    ? DIALECT.internalTables(c) : Set.of();
            Set<ObjectId> touched = new LinkedHashSet<>();
            // objects that are gone: only those the statement could reach are looked at (no scan of every object)
            List<ObjectId> known;
            if (whole) {
                known = new ArrayList<>(texts.keySet());
            } else {
                known = new ArrayList<>();
                for (String k : scope) {
                    Set<ObjectId> ids = byScope.get(k);
                    if (ids != null) {
                        known.addAll(ids);
                    }
                }
            }
            for (ObjectId id : known) {
                if (texts.containsKey(id) && !rows.containsKey(id)) {
                    forget(id);
                    history(id).add(point, null);
                    touched.add(id);
                }
            }
            record(rows, shadows, st, m, touched);
            return touched;
        }

        /** Records every row that is new or whose text changed. */
        private void record(Map<ObjectId, Row> rows, Set<String> shadows, Statement st, Migration m,
                            Set<ObjectId> touched) {
            for (Map.Entry<ObjectId, Row> e : rows.entrySet()) {
                ObjectId id = e.getKey();
                Row r = e.getValue();
                if (r.sql == null || isInternal(r.name) || shadows.contains(Identifiers.key(r.name))) {
                    continue;
                }
                String before = texts.get(id);
                if (r.sql.equals(before)) {
                    continue;
                }
                SchemaObject parsed;
                try {
                    parsed = SchemaParser.parse(r.type, r.name, r.tblName, r.sql);
                } catch (ConvergeException ex) {
                    throw ConvergeException.builder(ErrorCode.INTERNAL, m.name() + ": cannot read back "
                                    + r.type + " " + r.name + " after replaying line " + st.line() + ": " + ex.getMessage())
                            .file(m.origin()).line(st.line()).object(r.name).cause(ex).build();
                }
                if (texts.containsKey(id)) {
                    forget(id);
                }
                remember(id, r.sql, Identifiers.key(r.tblName));
                rowids.put(id, r.rowid);
                if (parsed instanceof dev.converge.schema.Table t && t.isVirtual()) {
                    virtualTables.add(id.key());
                }
                history(id).add(point, parsed);
                touched.add(id);
            }
        }

        /** The table each known object belongs to (its own name for tables and views). */
        private final Map<ObjectId, String> tableKeys = new HashMap<>();
        /** Known objects by the names a targeted re-read covers: their own name and their table's. */
        private final Map<String, Set<ObjectId>> byScope = new HashMap<>();

        private void remember(ObjectId id, String sql, String tableKey) {
            texts.put(id, sql);
            tableKeys.put(id, tableKey);
            byScope.computeIfAbsent(id.key(), k -> new HashSet<>()).add(id);
            byScope.computeIfAbsent(tableKey, k -> new HashSet<>()).add(id);
        }

        private void forget(ObjectId id) {
            texts.remove(id);
            rowids.remove(id);
            virtualTables.remove(id.key());
            String tableKey = tableKeys.remove(id);
            Set<ObjectId> own = byScope.get(id.key());
            if (own != null) {
                own.remove(id);
            }
            if (tableKey != null) {
                Set<ObjectId> t = byScope.get(tableKey);
                if (t != null) {
                    t.remove(id);
                }
            }
        }

        private ObjectHistory.Builder history(ObjectId id) {
            return objects.computeIfAbsent(id, ObjectHistory.Builder::new);
        }

        private static boolean isInternal(String name) {
            return DIALECT.isInternalName(name);
        }

        private static void collect(ResultSet rs, Map<ObjectId, Row> rows) throws SQLException {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                java.util.Optional<ObjectType> t = ObjectType.find(type);
                if (t.isEmpty()) {
                    continue;
                }
                rows.put(ObjectId.of(t.get(), name), new Row(type, name, rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }

        /** True when the names in the statement's text bound what it can change. */
        private boolean targeted(Statement st) {
            return switch (st.kind()) {
                case CREATE_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_TRIGGER, DROP_INDEX, DROP_VIEW, DROP_TRIGGER ->
                        st.objectName() != null;
                case DROP_TABLE -> st.objectName() != null && !virtualTables.contains(Identifiers.key(st.objectName()));
                // adding or dropping a column rewrites only that table's text (SQLite refuses to drop a column that
                // an index, view or trigger uses); renames rewrite other objects' texts and need the whole catalogue
                case ALTER_ADD_COLUMN, ALTER_DROP_COLUMN -> st.tableName() != null
                        && !virtualTables.contains(Identifiers.key(st.tableName()));
                default -> false;
            };
        }

        private static List<String> scopeNames(Statement st) {
            List<String> names = new ArrayList<>(2);
            names.add(st.objectName());
            if (st.tableName() != null && !Identifiers.same(st.tableName(), st.objectName())) {
                names.add(st.tableName());
            }
            return names;
        }

        private record Row(String type, String name, String tblName, String sql, long rowid) {
        }
    }
}
