package dev.converge;

import dev.converge.apply.Rehearsal;
import dev.converge.apply.RunEvent;
import dev.converge.apply.RunResult;
import dev.converge.apply.Runner;
import dev.converge.detect.Detector;
import dev.converge.apply.UnknownColumns;
import dev.converge.detect.Plan;
import dev.converge.detect.Reading;
import dev.converge.detect.RowFacts;
import dev.converge.detect.Planner;
import dev.converge.detect.Reference;
import dev.converge.detect.Step;
import dev.converge.dialect.Dialect;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.history.HistoryTable;
import dev.converge.history.How;
import dev.converge.schema.Change;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.schema.SchemaDiff;
import dev.converge.source.Migration;
import dev.converge.source.MigrationSet;
import dev.converge.source.Script;
import dev.converge.source.Version;
import dev.converge.sql.HistoryTableGuard;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of Converge against one database: load, fast path, reference, detection, proven plan, apply, final check.
 * Owns the connection: opens it, switches {@code foreign_keys} off before anything, restores it and closes at the end.
 */
final class Engine {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    private static final int MAX_REPLANS = 50;
    /** How many other readings of one database are rehearsed before refusing: each costs one plan and rehearsal. */
    private static final int MAX_READINGS = 8;

    private final Converge.Config config;
    private final HistoryTable historyTable;
    /** Everything that is SQLite's: opening, reading the schema, the session, the lock, errors. */
    private final Dialect dialect;

    Engine(Converge.Config config) {
        this.config = config;
        this.dialect = config.dialect();
        this.historyTable = new HistoryTable(config.historyTable(), config.legacyHistoryTable(), config.clock(),
                Switching.once(config.migrations()));
    }

    RunResult migrate(Plan given) {
        long t0 = System.nanoTime();
        MigrationSet set = config.migrations().load();
        try (Session s = open(config.createDatabase())) {
            Connection c = s.connection;
            History h = readHistory(c);
            long sv = dialect.schemaVersion(c);
            if (given == null && upToDate(set, h, sv)) {
                RunResult r = new RunResult(true, List.of(), futureNotes(set, h), millis(t0));
                config.listener().on(new RunEvent.Finished(r));
                return r;
            }
            s.refuseIfReadOnlyMount();
            checkFiles(set, h, config.baseline(), config.historyTable());
            checkIntegrity(c);
            List<Step> committed = new ArrayList<>();
            Runner runner = new Runner(dialect, historyTable, set, historyNames(), config.listener());
            Plan plan = null;
            for (int attempt = 0; ; attempt++) {
                plan = makePlan(c, set, true);
                if (given != null && attempt == 0) {
                    refuseIfStale(given, plan);
                }
                if (plan.refused()) {
                    ConvergeException e = plan.refusal();
                    config.listener().on(new RunEvent.Refused(e));
                    throw committed.isEmpty() ? e : new ConvergeException(ErrorCode.STOPPED_PART_WAY,
                            e.getMessage() + "\n  Committed before this: " + names(committed), e);
                }
                config.listener().on(new RunEvent.Planned(plan));
                if (attempt == 0 && config.backup() != null && plan.hasWork()) {
                    backup(c);
                }
                try {
                    runner.run(c, plan, committed);
                    break;
                } catch (Runner.HistoryMoved moved) {
                    if (given != null) {
                        // the plan handed in no longer describes this database: carry out no other
                        ConvergeException e = new ConvergeException(ErrorCode.STALE_PLAN, "another process changed the"
                                + " history while this plan was carried out, so the rest of it is stale; make a new"
                                + " plan.");
                        throw committed.isEmpty() ? e : new ConvergeException(ErrorCode.STOPPED_PART_WAY,
                                e.getMessage() + "\n  Committed before this: " + names(committed), e);
                    }
                    if (attempt >= MAX_REPLANS) {
                        throw new ConvergeException(ErrorCode.LOCKED, "history kept moving under Converge (another"
                                + " process is migrating the same database); try again");
                    }
                    LOG.log(System.Logger.Level.DEBUG, "history moved; detecting again");
                }
            }
            finalCheck(c, set, plan, committed);
            RunResult r = new RunResult(false, committed, plan.notes(), millis(t0));
            config.listener().on(new RunEvent.Finished(r));
            return r;
        } catch (ConvergeException e) {
            if (!(e.getCause() instanceof ConvergeException)) {
                config.listener().on(new RunEvent.Refused(e));
            }
            throw e;
        }
    }

    /** Refuses {@code given} unless the plan made now would do exactly what it says, against the same database. */
    private static void refuseIfStale(Plan given, Plan now) {
        if (!given.historyFingerprint().equals(now.historyFingerprint()) || given.schemaVersion() != now.schemaVersion()) {
            throw new ConvergeException(ErrorCode.STALE_PLAN, "the plan was made against a database that has changed"
                    + " since (history or schema moved). Nothing was changed; make a new plan.");
        }
        String difference = given.workDifference(now);
        if (difference != null) {
            throw new ConvergeException(ErrorCode.STALE_PLAN, "the plan no longer matches the migrations: "
                    + difference + ". Nothing was changed; make a new plan.");
        }
    }

    Plan plan(boolean prove) {
        MigrationSet set = config.migrations().load();
        try (Session s = open(false)) {
            History h = readHistory(s.connection);
            checkFiles(set, h, config.baseline(), config.historyTable());
            if (prove) {
                checkIntegrity(s.connection); // migrate would refuse a damaged database: so does its plan
            }
            return makePlan(s.connection, set, prove);
        }
    }

    LintReport lint() {
        return Lint.run(config.migrations().load(), config.baseline(), config.historyTable());
    }

    void mark(Version v) {
        MigrationSet set = config.migrations().load();
        Migration m = set.get(v).orElseThrow(() -> ConvergeException.builder(ErrorCode.BAD_INPUT,
                "no migration " + v + " in the migration set; mark takes the version of an existing file").version(v.value()).build());
        write(c -> {
            History h = adoptOrCreate(c, set);
            if (h.get(v).isPresent()) {
                throw ConvergeException.builder(ErrorCode.BAD_INPUT, "migration " + v + " (" + m.name()
                        + ") is already recorded (" + h.get(v).get().how().column() + "); nothing changed").version(v.value()).build();
            }
            historyTable.record(c, historyTable.entry(c, m, How.MARKED, 0));
            return null;
        });
    }

    boolean unmark(Version v) {
        MigrationSet set = config.migrations().load();
        return write(c -> {
            if (historyTable.read(c).layout() == History.Layout.NONE) {
                return false; // nothing is recorded, so nothing to forget: no history table is created for it
            }
            adoptOrCreate(c, set);
            return historyTable.delete(c, v);
        });
    }

    List<String> repair() {
        MigrationSet set = config.migrations().load();
        return write(c -> {
            if (historyTable.read(c).layout() == History.Layout.NONE) {
                return List.<String>of(); // no recorded checksum to accept: the database is left exactly as it is
            }
            History h = adoptOrCreate(c, set);
            List<String> changes = new ArrayList<>();
            for (HistoryEntry e : h.entries()) {
                Migration m = set.get(e.version()).orElse(null);
                if (m != null && !m.hasChecksum(e.checksum())) {
                    historyTable.updateChecksum(c, m);
                    changes.add("migration " + e.version() + " (" + m.name() + "): checksum "
                            + (e.checksum().isEmpty() ? "(none)" : e.checksum()) + " -> " + m.checksum());
                }
            }
            return changes;
        });
    }

    private interface Work<T> {
        T run(Connection c);
    }

    private <T> T write(Work<T> w) {
        try (Session s = open(false)) {
            Connection c = s.connection;
            s.refuseIfReadOnlyMount();
            checkIntegrity(c);
            beginWrite(c, "taking the write lock");
            try {
                T result = w.run(c);
                exec(c, "COMMIT", "committing");
                return result;
            } catch (RuntimeException e) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // already rolled back by SQLite
                }
                throw e;
            }
        }
    }

    private History adoptOrCreate(Connection c, MigrationSet set) {
        History h = historyTable.read(c);
        if (h.layout() == History.Layout.LEGACY) {
            return historyTable.adopt(c, h, set);
        }
        if (h.layout() == History.Layout.NONE) {
            historyTable.create(c, set);
            return historyTable.read(c);
        }
        return h;
    }

    private void exec(Connection c, String sql, String doing) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw dialect.translate(e, doing, null);
        }
    }

    private void beginWrite(Connection c, String doing) {
        try {
            dialect.beginWrite(c);
        } catch (SQLException e) {
            throw dialect.translate(e, doing, null);
        }
    }

    /** Fast path (DESIGN.md §4 step 2): every migration recorded with its checksum, and no schema change since. */
    private boolean upToDate(MigrationSet set, History h, long schemaVersion) {
        if (h.layout() != History.Layout.CURRENT || h.lastSchemaVersion() != schemaVersion) {
            return false;
        }
        var byVersion = h.byVersion();
        for (Migration m : set) {
            HistoryEntry e = byVersion.get(m.version());
            if (e == null || !(e.checksum().isEmpty() || m.hasChecksum(e.checksum()))) {
                return false;
            }
        }
        Version highest = set.highest().orElse(null);
        for (HistoryEntry e : h.entries()) {
            if (set.get(e.version()).isEmpty()) {
                boolean future = highest == null || e.version().compareTo(highest) > 0;
                if (future ? config.options().refuseFuture() : !config.options().allowMissing()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * On the fast path too, a migration applied by a newer release is tolerated and said, and so is a recorded one
     * whose file is gone when missing files are allowed (as the planner says them).
     */
    private static List<String> futureNotes(MigrationSet set, History h) {
        Version highest = set.highest().orElse(null);
        List<String> notes = new ArrayList<>();
        for (HistoryEntry e : h.entries()) {
            if (highest == null || e.version().compareTo(highest) > 0) {
                notes.add(Planner.futureNote(e.version(), e.name()));
            } else if (set.get(e.version()).isEmpty()) {
                notes.add("migration " + e.version() + " (" + e.name() + ") is recorded but has no file: allowed");
            }
        }
        return notes;
    }

    /** Splits and checks every file not yet applied: incomplete SQL and statements that would break atomicity. */
    private static void checkFiles(MigrationSet set, History h, Script baseline, String historyTable) {
        var byVersion = h.byVersion();
        for (Migration m : set) {
            HistoryEntry e = byVersion.get(m.version());
            if (e == null || !m.hasChecksum(e.checksum())) {
                m.checkAtomicity(); // splits the file once: the migration keeps its statements
                HistoryTableGuard.refuseTouching(m.statements(), m.origin(), historyTable);
            }
        }
        if (baseline != null && h.entries().isEmpty()) {
            HistoryTableGuard.refuseTouching(baseline.statements(), baseline.origin(), historyTable);
        }
    }


    private Plan makePlan(Connection c, MigrationSet set, boolean prove) {
        Reference ref = Reference.of(set, config.referenceCache());
        Schema baselineSchema = config.baseline() == null ? null : BaselineSchemas.of(config.baseline());
        // history, the live schema and the rehearsal's copy of it all come from one read transaction: one snapshot
        exec(c, "BEGIN", "starting a read transaction");
        try {
            History h = historyTable.read(c);
            Schema live = dialect.readSchema(c, config.historyTable(), ref.target());
            if (config.legacyHistoryTable() != null) {
                live = live.without(ObjectId.table(config.legacyHistoryTable()));
            }
            live = Switching.withoutOtherToolsTables(c, live);
            long sv = dialect.schemaVersion(c);
            RowFacts rows = table -> holdsRows(c, table);
            Plan plan = Switching.naming(Planner.plan(ref, live, h, sv, config.options(), config.baseline(),
                    baselineSchema, rows, Reading.FIRST), h);
            plan = UnknownColumns.check(c, plan, config.allowDropUnknownColumns());
            if (!prove) {
                return plan;
            }
            Set<String> historyTables = Switching.withOtherToolsTables(c, historyNames());
            Plan proven = Rehearsal.prove(dialect, c, plan, historyTables, live); // live: read in this transaction
            if (!proven.refused() || !proven.problems().stream().allMatch(p -> p.code() == ErrorCode.AMBIGUOUS_STATE)) {
                return proven;
            }
            // where the rules leave more than one reading, try the others (bounded); keep the first plan that proves
            List<Reading> others = Detector.alternatives(ref, live, plan.detection());
            for (Reading r : others.subList(0, Math.min(others.size(), MAX_READINGS))) {
                Plan alt = Rehearsal.prove(dialect, c, UnknownColumns.check(c, Switching.naming(Planner.plan(ref, live, h, sv,
                        config.options(), config.baseline(), baselineSchema, rows, r), h),
                        config.allowDropUnknownColumns()), historyTables);
                if (!alt.refused()) {
                    List<String> notes = new ArrayList<>(alt.notes());
                    notes.add("the first reading of this database did not prove (" + proven.problems().get(0).message()
                            .lines().findFirst().orElse("").strip() + "); this plan reads it with " + r);
                    return new Plan(alt.steps(), alt.problems(), notes, alt.detection(), alt.historyFingerprint(),
                            alt.schemaVersion(), alt.tolerated(), alt.reference());
                }
            }
            return proven;
        } finally {
            exec(c, "COMMIT", "ending a read transaction");
        }
    }

    /** Reads whether a live table holds a row (one b-tree step); false when it does not exist. */
    private static boolean holdsRows(Connection c, String table) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM " + dev.converge.sql.Identifiers.quote(table) + " LIMIT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false; // no such table
        }
    }

    private Set<String> historyNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(config.historyTable());
        if (config.legacyHistoryTable() != null) {
            names.add(config.legacyHistoryTable());
        }
        return names;
    }

    private History readHistory(Connection c) {
        return historyTable.read(c);
    }

    /** One full comparison against the target after the last migration; then stamps history for the fast path. */
    private void finalCheck(Connection c, MigrationSet set, Plan plan, List<Step> committed) {
        Schema live = dialect.readSchema(c, config.historyTable(), plan.reference().target());
        List<String> diff = new ArrayList<>();
        for (Change ch : SchemaDiff.between(plan.reference().target(), live)) {
            if (!plan.tolerated().contains(ch.object()) && !(ch instanceof Change.ObjectUnexpected)) {
                diff.add(ch.describe());
            }
        }
        if (!diff.isEmpty()) {
            throw new ConvergeException(committed.isEmpty() ? ErrorCode.INTERNAL : ErrorCode.STOPPED_PART_WAY,
                    "after the run the database does not match the target schema: " + String.join("; ", diff)
                            + (committed.isEmpty() ? "" : "\n  Committed: " + names(committed)));
        }
        History h = historyTable.read(c);
        if (h.layout() == History.Layout.LEGACY) {
            // everything was recorded already, but in an older runner's table: upgrade it so the fast path applies
            beginWrite(c, "adopting the legacy history table");
            try {
                historyTable.adopt(c, h, set);
                exec(c, "COMMIT", "adopting the legacy history table");
            } catch (RuntimeException e) {
                exec(c, "ROLLBACK", "rolling back");
                throw e;
            }
            h = historyTable.read(c);
        }
        long sv = dialect.schemaVersion(c);
        if (h.layout() == History.Layout.CURRENT && !h.entries().isEmpty() && h.lastSchemaVersion() != sv) {
            beginWrite(c, "stamping history");
            try {
                historyTable.stamp(c);
                exec(c, "COMMIT", "stamping history");
            } catch (RuntimeException e) {
                exec(c, "ROLLBACK", "rolling back");
                throw e;
            }
        }
    }

    /** A consistent copy with SQLite's backup API (sqlite-jdbc's {@code backup to} command), before any change. */
    private void backup(Connection c) {
        java.nio.file.Path target = config.backup().toAbsolutePath();
        if (java.nio.file.Files.exists(target)) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "the backup file " + target
                    + " already exists; choose a new file (Converge never overwrites a backup). Nothing was changed.")
                    .file(target.toString()).build();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("backup to " + target);
        } catch (SQLException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot write the backup " + target + ": "
                    + e.getMessage() + ". Nothing was changed.").file(target.toString()).cause(e).build();
        }
    }

    private static String names(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.name());
        }
        return String.join(", ", out);
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Converge's own connection, with foreign_keys off and the busy timeout set; restores both on close. A path that is
     * not a regular file is refused before anything is opened; a WAL database in a folder that cannot be written (a
     * read-only mount, where SQLite cannot create the {@code -shm}) is opened read-only and immutable, so that what
     * only reads still works and a write is refused as read-only.
     */
    private Session open(boolean create) {
        java.nio.file.Path file = dialect.fileOf(config.url(), config.dataSource()).orElse(null);
        if (file != null) {
            DatabaseFile.refuseIfNotRegular(file);
        }
        try {
            Session s = open(create, config.url(), file);
            if (file != null && Files.exists(file) && !Files.isWritable(file)) {
                s.readOnlyMount = file; // read what it can; refuse before the first write, naming the file
            }
            return s;
        } catch (ConvergeException e) {
            String readOnly = file == null || config.url() == null ? null : dialect.readOnlyUrl(file).orElse(null);
            if (readOnly == null || (e.code() != ErrorCode.NO_DATABASE && e.code() != ErrorCode.READ_ONLY)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, file + ": cannot create its -shm in a read-only folder; opening it"
                    + " read-only and immutable");
            Session s = open(false, readOnly, file);
            s.readOnlyMount = file;
            return s;
        }
    }

    private Session open(boolean create, String url, java.nio.file.Path file) {
        Connection c;
        try {
            if (config.dataSource() != null) {
                c = config.dataSource().getConnection();
            } else if (url != null) {
                c = dialect.open(url, create, config.lockTimeout().toMillis());
            } else {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "no database configured: call url(...) or dataSource(...)");
            }
        } catch (SQLException e) {
            ConvergeException t = dialect.translate(e, "opening " + config.url(), file);
            if (t.code() == ErrorCode.NO_DATABASE || t.code() == ErrorCode.INTERNAL) {
                throw new ConvergeException(create ? t.code() : ErrorCode.NO_DATABASE, "cannot open the database "
                        + describeUrl() + (create ? "" : " (plan, status and the history commands never create one)")
                        + ": " + e.getMessage(), e);
            }
            throw t;
        }
        return new Session(dialect, c, config.lockTimeout().toMillis(), file);
    }

    /** Off the fast path, before any change: a database whose pages are damaged is refused, unless asked not to. */
    private void checkIntegrity(Connection c) {
        if (config.integrityCheck()) {
            dialect.refuseIfDamaged(c, dialect.fileOf(config.url(), config.dataSource())
                    .map(java.nio.file.Path::toString).orElse(describeUrl()));
        }
    }

    private String describeUrl() {
        return config.url() == null ? "(data source)" : config.url().replaceFirst("^jdbc:sqlite:", "");
    }

    private static final class Session implements AutoCloseable {
        final Connection connection;
        private final Dialect.SessionSettings settings;
        /** The file, when this process cannot write it (or could open it only read-only and immutable); else null. */
        java.nio.file.Path readOnlyMount;

        Session(Dialect dialect, Connection c, long lockTimeoutMs, java.nio.file.Path file) {
            this.connection = c;
            try {
                this.settings = dialect.prepareSession(c, lockTimeoutMs);
            } catch (SQLException e) {
                closeQuietly(c);
                throw dialect.translate(e, "opening the database", file);
            }
        }

        /** Before the first write: a database that could be opened only read-only is refused, naming it. */
        void refuseIfReadOnlyMount() {
            if (readOnlyMount != null) {
                throw DatabaseFile.readOnly(readOnlyMount);
            }
        }

        @Override
        public void close() {
            try {
                settings.close();
            } finally {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing: " + e.getMessage());
            }
        }
    }
}
