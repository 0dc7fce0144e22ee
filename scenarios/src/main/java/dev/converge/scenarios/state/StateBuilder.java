package dev.converge.scenarios.state;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.sql.Identifiers;
import dev.converge.sql.SqlSplitter;
import dev.converge.sql.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the database states of DESIGN.md §6 for one migration set as real SQLite files, by raw JDBC replay and
 * never through the engine under test: whole files go through {@code sqlite3_exec}, history rows are written by
 * this package's own writer in either layout. The clock is a fixed instant, so the same state built twice gives
 * the same rows. Every build method writes a new file at {@code target} (replacing one that is there) and returns
 * it. Instances are immutable; the {@code with…} methods return changed copies.
 */
public final class StateBuilder {
    /** The history table's default name. */
    public static final String DEFAULT_HISTORY_TABLE = "schema_migrations";
    /** The default {@code applied_at} of every recorded row. */
    public static final Instant DEFAULT_APPLIED_AT = Instant.parse("2024-01-01T00:00:00Z");

    /** The head of a {@code CREATE} that takes {@code IF NOT EXISTS} right after it. */
    private static final Pattern CREATE_HEAD = Pattern.compile(
            "^(CREATE\\s+(?:(?:TEMP|TEMPORARY|UNIQUE|VIRTUAL)\\s+)?(?:TABLE|INDEX|VIEW|TRIGGER))\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Reads the first index, by name, that a script created (not an automatic one), outside the history table. */
    private static final String FIRST_CREATED_INDEX = "SELECT name FROM sqlite_schema"
            + " WHERE type = 'index' AND sql IS NOT NULL AND tbl_name <> ? COLLATE NOCASE ORDER BY name LIMIT 1";
    /** Reads a table's first visible column. */
    private static final String FIRST_COLUMN = "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid LIMIT 1";

    private final List<MigrationFile> migrations;
    private final Baseline baseline;
    private final List<Baseline> releases;
    private final String historyTable;
    private final Instant appliedAt;
    private final long legacyRecordedFrom;

    private StateBuilder(List<MigrationFile> migrations, Baseline baseline, List<Baseline> releases,
                         String historyTable, Instant appliedAt, long legacyRecordedFrom) {
        this.migrations = List.copyOf(migrations);
        this.baseline = baseline;
        this.releases = List.copyOf(releases);
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
        this.appliedAt = Objects.requireNonNull(appliedAt, "appliedAt");
        this.legacyRecordedFrom = legacyRecordedFrom;
    }

    /** A builder for the migrations of a folder ({@code NNN_name.sql}, ordered by version). */
    public static StateBuilder forFolder(Path migrationFolder) {
        return of(MigrationFile.readFolder(migrationFolder));
    }

    /**
     * A builder for a set another tool laid out (Flyway, golang-migrate, dbmate, goose, sqlx, diesel, Prisma, drizzle),
     * read by core's migration sources: each migration's runnable part (its up section, placeholders filled), under a
     * name {@code <version>_<name>.sql} that both history layouts record. A set with a dotted version (Flyway's
     * {@code 1.1}) is numbered by position instead, each migration recorded in Converge's layout under its own
     * version, and has no states in the legacy layout, whose file names can only hold whole numbers; a folder in
     * Converge's own layout is read by {@link #forFolder} instead, without core's source package.
     */
    public static StateBuilder forSet(dev.converge.source.MigrationSet set) {
        boolean dotted = set.migrations().stream().anyMatch(m -> !m.version().isNumber());
        List<MigrationFile> files = new ArrayList<>();
        long position = 0;
        for (dev.converge.source.Migration m : set.migrations()) {
            position++;
            long v = dotted ? position : m.version().value();
            String name = m.description().replaceAll("[^A-Za-z0-9_]+", "_");
            String file = v + "_" + (name.isEmpty() ? "migration" : name) + ".sql";
            files.add(dotted ? new MigrationFile(v, file, m.text(), m.version().text()) : new MigrationFile(v, file, m.text()));
        }
        return of(files);
    }

    /** True when history records some migration under a dotted version: no legacy-layout states then. */
    private boolean recordsText() {
        return migrations.stream().anyMatch(MigrationFile::recordedAsText);
    }

    /** The history layouts this set's states are built in. */
    private List<HistoryLayout> layouts() {
        return recordsText() ? List.of(HistoryLayout.CONVERGE) : List.of(HistoryLayout.values());
    }

    /** A builder for the given migrations, which it orders by version. */
    public static StateBuilder of(List<MigrationFile> migrations) {
        List<MigrationFile> sorted = new ArrayList<>(migrations);
        sorted.sort((a, b) -> Long.compare(a.version(), b.version()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw ConvergeException.builder(ErrorCode.BAD_MIGRATION_NAME, "version " + sorted.get(i).version()
                                + " is used by both " + sorted.get(i - 1).fileName() + " and " + sorted.get(i).fileName())
                        .version(sorted.get(i).version()).build();
            }
        }
        return new StateBuilder(sorted, null, List.of(), DEFAULT_HISTORY_TABLE, DEFAULT_APPLIED_AT, Long.MIN_VALUE);
    }

    /** With today's baseline (the app's {@code SCHEMA_SQL}). */
    public StateBuilder withBaseline(Baseline today) {
        return new StateBuilder(migrations, Objects.requireNonNull(today), releases, historyTable, appliedAt, legacyRecordedFrom);
    }

    /** With the full schemas of older releases, for {@code legacy} and {@code prefix+baseline} states. */
    public StateBuilder withReleases(List<Baseline> olderReleases) {
        return new StateBuilder(migrations, baseline, olderReleases, historyTable, appliedAt, legacyRecordedFrom);
    }

    /** With another history table name. */
    public StateBuilder withHistoryTable(String name) {
        return new StateBuilder(migrations, baseline, releases, name, appliedAt, legacyRecordedFrom);
    }

    /** With another {@code applied_at} for every recorded row. */
    public StateBuilder withAppliedAt(Instant instant) {
        return new StateBuilder(migrations, baseline, releases, historyTable, instant, legacyRecordedFrom);
    }

    /**
     * With legacy history that records only versions ≥ {@code version}. An application that moved its original
     * schema script into the set as {@code 000_initial.sql} (DESIGN.md §2) had an older runner that never knew
     * version 0: its legacy history starts at 1. Converge history is not affected.
     */
    public StateBuilder withLegacyHistoryFrom(long version) {
        return new StateBuilder(migrations, baseline, releases, historyTable, appliedAt, version);
    }

    public List<MigrationFile> migrations() {
        return migrations;
    }

    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    public List<Baseline> releases() {
        return releases;
    }

    public String historyTable() {
        return historyTable;
    }

    /** The highest version of the set, n; -1 for an empty set. */
    public long lastVersion() {
        return migrations.isEmpty() ? -1 : migrations.get(migrations.size() - 1).version();
    }

    /** How many statements the migration with this version has. */
    public int statementCount(long version) {
        MigrationFile m = migration(version);
        return SqlSplitter.split(m.text(), m.fileName()).size();
    }

    /** Builds any state. */
    public Path build(State state, Path target) {
        return build(state, target, null);
    }

    /**
     * Puts rows into a state while it is built. Called once, with the connection, at the moment a real database
     * would have held its rows: for {@code half-applied(k, j)} after the migrations before k and BEFORE the first j
     * statements of k run (so a rebuild stopped between its {@code CREATE} and its copy holds the rows in the old
     * table); for every other state once it is built.
     */
    @FunctionalInterface
    public interface Rows {
        void fill(Connection c) throws SQLException;
    }

    /** Builds any state with rows put in by {@code rows} where a real database would hold them; null for no rows. */
    public Path build(State state, Path target, Rows rows) {
        if (state.kind() == State.Kind.HALF_APPLIED) {
            return halfApplied(target, state.version(), state.statements(), state.layout(), rows);
        }
        Path built = build(state.kind(), state, target);
        if (rows != null) {
            write(target, false, rows::fill);
        }
        return built;
    }

    private Path build(State.Kind kind, State state, Path target) {
        return switch (kind) {
            case EMPTY -> empty(target);
            case BASELINE_ONLY -> baselineOnly(target, state.baseline());
            case PREFIX -> prefix(target, state.version(), state.layout());
            case PREFIX_PLUS_BASELINE -> prefixPlusBaseline(target, state.version(), state.layout(), state.baseline());
            case HISTORY_LOST -> historyLost(target, state.version());
            case HALF_APPLIED -> halfApplied(target, state.version(), state.statements(), state.layout());
            case LEGACY -> legacy(target, state.baseline());
            case DRIFTED -> drifted(target, state.drift());
        };
    }

    /**
     * Every state for this set, its baseline and its releases: empty; baseline-only(today); prefix(k) for every
     * version in both history layouts; history-lost(k) for every version; half-applied(k, j) for every version and
     * every j strictly inside it, in both layouts; prefix(k)+baseline(B) for every version, every script and both
     * layouts; legacy(R) for every release; drifted for every kind of drift.
     */
    public List<State> allStates() {
        List<State> out = new ArrayList<>();
        out.add(State.empty());
        if (baseline != null) {
            out.add(State.baselineOnly(baseline));
        }
        for (HistoryLayout layout : layouts()) {
            for (MigrationFile m : migrations) {
                out.add(State.prefix(m.version(), layout));
            }
        }
        for (MigrationFile m : migrations) {
            out.add(State.historyLost(m.version()));
        }
        for (HistoryLayout layout : layouts()) {
            for (MigrationFile m : migrations) {
                int count = statementCount(m.version());
                for (int j = 1; j < count; j++) {
                    out.add(State.halfApplied(m.version(), j, layout));
                }
            }
        }
        List<Baseline> scripts = new ArrayList<>();
        if (baseline != null) {
            scripts.add(baseline);
        }
        scripts.addAll(releases);
        for (HistoryLayout layout : layouts()) {
            for (MigrationFile m : migrations) {
                for (Baseline b : scripts) {
                    out.add(State.prefixPlusBaseline(m.version(), layout, b));
                }
            }
        }
        for (Baseline r : releases) {
            out.add(State.legacy(r));
        }
        if (!migrations.isEmpty()) {
            for (Drift d : applicableDrifts()) {
                out.add(State.drifted(d));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The drifts the full schema allows: an extra index needs a table, a missing index needs an index the migrations
     * create (a set of virtual tables and triggers has none). All of them when the set does not replay, so that
     * building the state reports why.
     */
    private List<Drift> applicableDrifts() {
        List<Drift> out = new ArrayList<>();
        try (Connection c = RawSqlite.openInMemory()) {
            replay(c, lastVersion(), writer(HistoryLayout.CONVERGE));
            boolean table = !Tables.ordinary(c, List.of(historyTable)).isEmpty();
            boolean index = firstString(c, FIRST_CREATED_INDEX, historyTable) != null;
            for (Drift d : Drift.values()) {
                if ((d != Drift.EXTRA_INDEX || table) && (d != Drift.MISSING_INDEX || index)) {
                    out.add(d);
                }
            }
            return out;
        } catch (SQLException | ConvergeException e) {
            return List.of(Drift.values());
        }
    }

    /** A new file with no objects. */
    public Path empty(Path target) {
        return write(target, c -> RawSqlite.exec(c, "VACUUM"));
    }

    /** The baseline run whole on a new file; no history. */
    public Path baselineOnly(Path target, Baseline b) {
        return write(target, c -> runScript(c, b.text(), b.name()));
    }

    /** An older release's full schema run whole on a new file; no history. */
    public Path legacy(Path target, Baseline release) {
        return baselineOnly(target, release);
    }

    /** Migrations with version ≤ k applied and recorded in Converge's layout. */
    public Path prefix(Path target, long k) {
        return prefix(target, k, HistoryLayout.CONVERGE);
    }

    /** Migrations with version ≤ k applied and recorded in the given layout. */
    public Path prefix(Path target, long k, HistoryLayout layout) {
        return write(target, c -> replay(c, k, writer(layout)));
    }

    /** Migrations with version ≤ k applied, no history table: S_k. */
    public Path historyLost(Path target, long k) {
        return write(target, c -> replay(c, k, null));
    }

    /**
     * {@code prefix(k)}, then the script run as an application runs its {@code SCHEMA_SQL}: statement by statement,
     * every {@code CREATE TABLE/INDEX/VIEW/TRIGGER} made {@code IF NOT EXISTS}, stopping quietly at the first
     * statement that fails (the application would stop there too).
     */
    public Path prefixPlusBaseline(Path target, long k, HistoryLayout layout, Baseline b) {
        return write(target, c -> {
            replay(c, k, writer(layout));
            for (Statement s : SqlSplitter.split(b.text(), b.name())) {
                try {
                    RawSqlite.exec(c, ifNotExists(s));
                } catch (SQLException stop) {
                    return;
                }
            }
        });
    }

    /** Migrations before k applied and recorded; the first j statements of k run one by one; nothing recorded for k. */
    public Path halfApplied(Path target, long k, int j, HistoryLayout layout) {
        return halfApplied(target, k, j, layout, null);
    }

    private Path halfApplied(Path target, long k, int j, HistoryLayout layout, Rows rows) {
        MigrationFile m = migration(k);
        List<Statement> statements = SqlSplitter.split(m.text(), m.fileName());
        if (j < 0 || j > statements.size()) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "half-applied(" + k + ", " + j + "): " + m.fileName()
                    + " has " + statements.size() + " statements; choose j from 0 to " + statements.size());
        }
        return write(target, c -> {
            replay(c, k - 1, writer(layout));
            if (rows != null) {
                rows.fill(c);
            }
            for (Statement s : statements.subList(0, j)) {
                try {
                    RawSqlite.exec(c, s.text());
                } catch (SQLException e) {
                    throw replayFailed(m.fileName() + ":" + s.line(), e);
                }
            }
        });
    }

    /** Every migration applied and recorded (Converge's layout), then changed by hand. */
    public Path drifted(Path target, Drift drift) {
        return write(target, c -> {
            replay(c, lastVersion(), writer(HistoryLayout.CONVERGE));
            switch (drift) {
                case EXTRA_TABLE -> RawSqlite.exec(c, "CREATE TABLE drift_extra_table (id INTEGER PRIMARY KEY, note TEXT)");
                case EXTRA_INDEX -> {
                    List<String> tables = Tables.ordinary(c, List.of(historyTable));
                    if (tables.isEmpty()) {
                        throw new ConvergeException(ErrorCode.BAD_INPUT, "drifted(extra index): the migrations create no table");
                    }
                    String table = tables.get(0);
                    String column = firstString(c, FIRST_COLUMN, table);
                    RawSqlite.exec(c, "CREATE INDEX drift_extra_index ON " + Identifiers.quote(table)
                            + " (" + Identifiers.quote(column) + ")");
                }
                case MISSING_INDEX -> {
                    String index = firstString(c, FIRST_CREATED_INDEX, historyTable);
                    if (index == null) {
                        throw new ConvergeException(ErrorCode.BAD_INPUT, "drifted(missing index): the migrations create no index");
                    }
                    RawSqlite.exec(c, "DROP INDEX " + Identifiers.quote(index));
                }
            }
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private Path write(Path target, Work work) {
        return write(target, true, work);
    }

    private Path write(Path target, boolean fresh, Work work) {
        if (fresh) {
            RawSqlite.delete(target);
        }
        try (Connection c = RawSqlite.open(target)) {
            work.run(c);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot build " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private HistoryWriter writer(HistoryLayout layout) {
        return new HistoryWriter(Objects.requireNonNull(layout, "layout"), historyTable, appliedAt, recordsText());
    }

    /** Runs every migration with version ≤ upTo whole, recording each when a writer is given. */
    private void replay(Connection c, long upTo, HistoryWriter history) throws SQLException {
        if (history != null) {
            history.create(c);
        }
        for (MigrationFile m : migrations) {
            if (m.version() > upTo) {
                break;
            }
            runScript(c, m.text(), m.fileName());
            if (history != null && (history.layout() == HistoryLayout.CONVERGE || m.version() >= legacyRecordedFrom)) {
                history.record(c, m);
            }
        }
    }

    private static void runScript(Connection c, String text, String origin) {
        try {
            RawSqlite.execScript(c, text);
        } catch (SQLException e) {
            throw replayFailed(origin, e);
        }
    }

    private static ConvergeException replayFailed(String where, SQLException e) {
        return ConvergeException.builder(ErrorCode.REPLAY_FAILED, where + ": " + e.getMessage()
                + "; the script must run on the state before it").file(where).cause(e).build();
    }

    /** The statement's text, with {@code IF NOT EXISTS} added to a CREATE of a table, index, view or trigger. */
    static String ifNotExists(Statement s) {
        boolean create = switch (s.kind()) {
            case CREATE_TABLE, CREATE_VIRTUAL_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_TRIGGER -> true;
            default -> false;
        };
        if (!create || s.ifExists()) {
            return s.text();
        }
        Matcher m = CREATE_HEAD.matcher(s.text());
        return m.find() ? m.group(1) + " IF NOT EXISTS " + s.text().substring(m.end()) : s.text();
    }

    private MigrationFile migration(long version) {
        for (MigrationFile m : migrations) {
            if (m.version() == version) {
                return m;
            }
        }
        throw new ConvergeException(ErrorCode.BAD_INPUT, "no migration has version " + version + "; the versions are "
                + migrations.stream().map(MigrationFile::version).toList());
    }

    private static String firstString(Connection c, String sql, String parameter) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
