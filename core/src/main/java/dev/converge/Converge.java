package dev.converge;

import dev.converge.apply.RunListener;
import dev.converge.apply.RunResult;
import dev.converge.detect.Plan;
import dev.converge.detect.PlanOptions;
import dev.converge.detect.ReferenceCache;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.Layout;
import dev.converge.source.MigrationSource;
import dev.converge.source.Script;
import dev.converge.source.Version;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point: migrates a SQLite database to the one correct schema from whatever state it is in.
 *
 * <pre>{@code
 * Converge.configure()
 *         .url("jdbc:sqlite:app.db")
 *         .migrations(Path.of("db/migrations"))
 *         .baseline(Path.of("db/schema.sql"))
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * Converge uses its own connection and leaves the application's settings as it found them. Every method either
 * succeeds or throws a {@link ConvergeException} whose {@link ErrorCode} says whether anything changed.
 */
public final class Converge {
    /** The history table's name unless configured otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "schema_migrations";

    private final Config config;

    private Converge(Config config) {
        this.config = config;
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Brings the database to the target schema; a no-op that only reads history when it is up to date. */
    public RunResult migrate() {
        return new Engine(config).migrate(null);
    }

    /** Carries out a plan made earlier by {@link #plan()}; refuses with {@link ErrorCode#STALE_PLAN} if the database changed since. */
    public RunResult migrate(Plan plan) {
        return new Engine(config).migrate(plan);
    }

    /** What {@link #migrate()} would do, proven by rehearsal; changes nothing. A refused plan carries its problems. */
    public Plan plan() {
        return new Engine(config).plan(true);
    }

    /** The state of every migration, without rehearsal; changes nothing. */
    public Plan status() {
        return new Engine(config).plan(false);
    }

    /** Static checks of the migration set and baseline; needs no database. */
    public LintReport lint() {
        return new Engine(config).lint();
    }

    /** Records {@code version} as applied ({@code how = marked}) without running it. */
    public void mark(Version version) {
        new Engine(config).mark(version);
    }

    /** Deletes the history row of {@code version}; true when there was one. */
    public boolean unmark(Version version) {
        return new Engine(config).unmark(version);
    }

    /** Accepts today's checksums for recorded migrations whose files changed; returns one line per change. */
    public List<String> repair() {
        return new Engine(config).repair();
    }

    /** Builds a {@link Converge}. A JDBC URL or a DataSource, and the migrations, are required. */
    public static final class Builder {
        private String url;
        private DataSource dataSource;
        private MigrationSource migrations;
        private Script baseline;
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private String legacyHistoryTable;
        private Duration lockTimeout = Duration.ofSeconds(30);
        private boolean allowMissing;
        private boolean allowOutOfOrder;
        private boolean refuseFuture;
        private boolean createDatabase = true;
        private RunListener listener = RunListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Path backup;
        private boolean logRuns = true;
        private Path folder;
        private Layout layout;
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private boolean integrityCheck = true;
        private boolean allowDropUnknownColumns;
        private Path referenceCache;

        private Builder() {
        }

        /** A JDBC URL, {@code jdbc:sqlite:path}. */
        public Builder url(String jdbcUrl) {
            this.url = jdbcUrl;
            return this;
        }

        /** A database file. */
        public Builder database(Path file) {
            return url("jdbc:sqlite:" + file.toAbsolutePath());
        }

        public Builder dataSource(DataSource ds) {
            this.dataSource = ds;
            return this;
        }

        public Builder migrations(MigrationSource source) {
            this.migrations = source;
            this.folder = null;
            return this;
        }

        /**
         * A migration folder: Converge's {@code NNN_name.sql} files, or another tool's folder read in place (its
         * layout found by looking at it, or named with {@link #layout}).
         */
        public Builder migrations(Path folder) {
            this.migrations = null;
            this.folder = folder;
            return this;
        }

        /** The layout of the {@link #migrations(Path) migration folder}; found by looking at it when not given. */
        public Builder layout(Layout layout) {
            this.layout = layout;
            return this;
        }

        /** A value for Flyway's {@code ${name}} placeholder in the migration folder's files. */
        public Builder placeholder(String name, String value) {
            this.placeholders.put(name, value);
            return this;
        }

        public Builder baseline(Script script) {
            this.baseline = script;
            return this;
        }

        public Builder baseline(Path file) {
            return baseline(file == null ? null : Script.read(file));
        }

        /** The history table's name; {@code schema_migrations} by default. */
        public Builder historyTable(String name) {
            this.historyTable = name;
            return this;
        }

        /** A legacy-layout history table with another name than the history table, to adopt. */
        public Builder legacyHistoryTable(String name) {
            this.legacyHistoryTable = name;
            return this;
        }

        /** How long to wait for another process's write lock; 30 s by default. */
        public Builder lockTimeout(Duration d) {
            this.lockTimeout = d;
            return this;
        }

        public Builder allowMissing(boolean b) {
            this.allowMissing = b;
            return this;
        }

        public Builder allowOutOfOrder(boolean b) {
            this.allowOutOfOrder = b;
            return this;
        }

        public Builder refuseFuture(boolean b) {
            this.refuseFuture = b;
            return this;
        }

        /** Whether {@code migrate} may create a missing database file (true by default; plan and status never do). */
        public Builder createDatabase(boolean b) {
            this.createDatabase = b;
            return this;
        }

        public Builder listener(RunListener l) {
            this.listener = l == null ? RunListener.NONE : l;
            return this;
        }

        /**
         * Whether {@code migrate} logs what it does through {@link System.Logger} (logger {@code dev.converge.RunLog}:
         * INFO per step and a summary, WARNING for what it tolerated, DEBUG for the rest); true by default. Tools that
         * rehearse many runs, and callers that report runs themselves, turn it off.
         */
        public Builder logRuns(boolean b) {
            this.logRuns = b;
            return this;
        }

        /** The clock for {@code applied_at}; the system UTC clock by default. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * Before {@code migrate} changes anything, take a consistent copy of the database to this file with SQLite's
         * backup API. No copy is made when the database is already up to date.
         */
        public Builder backup(Path file) {
            this.backup = file;
            return this;
        }

        /**
         * Whether a run that will change the database first checks its pages with SQLite's {@code PRAGMA quick_check}
         * and refuses a damaged one (true by default). The check reads the whole file; switch it off only for very
         * large files whose integrity is checked otherwise. The fast path never runs it.
         */
        public Builder integrityCheck(boolean b) {
            this.integrityCheck = b;
            return this;
        }

        /**
         * Whether a table rebuild may drop a column that no migration knows and that holds values (false by default:
         * such a run is refused before any change, naming the column).
         */
        public Builder allowDropUnknownColumns(boolean b) {
            this.allowDropUnknownColumns = b;
            return this;
        }

        /**
         * A folder where the replayed reference of the migration set is kept between processes, so a new process
         * plans without replaying every migration. Files are named by the set's checksum chain, checked on load
         * (format, chain, content hash) and replaced when stale. None by default: Converge writes no files it was not
         * asked to. A {@code META-INF/converge/reference-<chain>.bin} resource on the class path is used either way.
         */
        public Builder referenceCache(Path folder) {
            this.referenceCache = folder;
            return this;
        }

        public Converge load() {
            dev.converge.sqlite.SqliteLibrary.loadInBackground(); // while the migration files are read (new class)
            resolveFolder();
            if (migrations == null) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "no migrations configured: call migrations(...)");
            }
            if (historyTable == null || historyTable.isBlank()) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "the history table name is empty");
            }
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "the lock timeout must be zero or more, not " + lockTimeout);
            }
            return new Converge(new Config(url, dataSource, migrations, baseline, historyTable, legacyHistoryTable,
                    lockTimeout, new PlanOptions(allowMissing, allowOutOfOrder, refuseFuture), createDatabase,
                    logRuns ? RunLog.around(listener) : listener, clock, backup, integrityCheck,
                    allowDropUnknownColumns, ReferenceCache.in(referenceCache)));
        }

        /** The source of a {@link #migrations(Path) folder}, in its layout; a layout or placeholder given for none is refused. */
        private void resolveFolder() {
            if (folder != null) {
                migrations = MigrationSource.folder(folder, layout, placeholders);
            } else if (layout != null || !placeholders.isEmpty()) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "layout(...) and placeholder(...) apply to a migration"
                        + " folder given with migrations(Path); for another source, use MigrationSource.folder(dir,"
                        + " layout, placeholders)");
            }
        }

        /** Lint needs no database: a Converge for {@link Converge#lint()} only. */
        public Converge loadForLint() {
            resolveFolder();
            if (migrations == null) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "no migrations configured: call migrations(...)");
            }
            return new Converge(new Config(null, null, migrations, baseline, historyTable, legacyHistoryTable,
                    lockTimeout, new PlanOptions(allowMissing, allowOutOfOrder, refuseFuture), false, listener, clock, null,
                    integrityCheck, allowDropUnknownColumns, ReferenceCache.NONE));
        }
    }

    /** The settings of one Converge, immutable. */
    record Config(String url, DataSource dataSource, MigrationSource migrations, Script baseline, String historyTable,
                  String legacyHistoryTable, Duration lockTimeout, PlanOptions options, boolean createDatabase,
                  RunListener listener, Clock clock, Path backup, boolean integrityCheck,
                  boolean allowDropUnknownColumns, ReferenceCache referenceCache) {
        /** The dialect of this database: SQLite, the only one today. */
        dev.converge.dialect.Dialect dialect() {
            return dev.converge.sqlite.SqliteDialect.INSTANCE;
        }
    }
}
