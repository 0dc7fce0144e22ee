package dev.converge.fleet;

import dev.converge.Converge;
import dev.converge.apply.RunResult;
import dev.converge.detect.MigrationStatus;
import dev.converge.detect.Plan;
import dev.converge.detect.Reference;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import dev.converge.source.MigrationSet;
import dev.converge.source.MigrationSource;
import dev.converge.source.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Many databases, one migration set: {@code migrate}, {@code status} or {@code plan} over every file of a fleet (a
 * tenant, user or device per SQLite file) in one process.
 *
 * <p>The set is read once and replayed once, when the fleet is prepared — a set that does not load or replay is
 * refused then, before any database is opened. Every database then runs with that same set (one immutable value
 * shared by every thread; {@link Reference#of} finds its reference by the set's checksum chain). An up-to-date
 * database costs little more than reading its history.
 *
 * <p>Each database is its own unit: its own connection, lock and transactions, its own outcome. A failure is recorded
 * as that database's {@link DatabaseOutcome} and never stops or changes the others, unless {@link #failFast} asks the
 * run to start no new database after the first failure. A database that another process holds is waited for up to the
 * lock timeout (as for one database), then reported {@link Outcome#LOCKED}. A fleet never creates a missing file.
 */
public final class Fleet {
    private final MigrationSet set;
    private final Reference reference;
    private final Consumer<Converge.Builder> settings;
    private final int parallel;
    private final boolean failFast;
    private final FleetListener listener;

    private Fleet(MigrationSet set, Reference reference, Consumer<Converge.Builder> settings, int parallel,
                  boolean failFast, FleetListener listener) {
        this.set = set;
        this.reference = reference;
        this.settings = settings;
        this.parallel = parallel;
        this.failFast = failFast;
        this.listener = listener;
    }

    /**
     * Loads and replays {@code migrations} once. {@code settings} configures each database's run like one
     * {@link Converge#configure()} (baseline, history table, lock timeout, planning options); the fleet sets the
     * database and the migrations itself.
     *
     * @throws ConvergeException when the set does not load or replay (bad name, SQL that does not split or run)
     */
    public static Fleet prepare(MigrationSource migrations, Consumer<Converge.Builder> settings) {
        MigrationSet set = migrations.load();
        return new Fleet(set, Reference.of(set), Objects.requireNonNull(settings, "settings"),
                Runtime.getRuntime().availableProcessors(), false, FleetListener.NONE);
    }

    /** How many databases run at once; the number of processors by default. */
    public Fleet parallel(int threads) {
        if (threads < 1) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "the number of databases to run at once must be 1 or"
                    + " more, not " + threads);
        }
        return new Fleet(set, reference, settings, threads, failFast, listener);
    }

    /** After the first database that does not converge, start no other (they are reported skipped). */
    public Fleet failFast(boolean stop) {
        return new Fleet(set, reference, settings, parallel, stop, listener);
    }

    public Fleet listener(FleetListener l) {
        return new Fleet(set, reference, settings, parallel, failFast, l == null ? FleetListener.NONE : l);
    }

    /** The migration set every database runs with. */
    public MigrationSet migrations() {
        return set;
    }

    /** The reference, replayed once when the fleet was prepared. */
    public Reference reference() {
        return reference;
    }

    /** Migrates every database; one outcome each, in the order given. */
    public FleetResult migrate(List<Path> databases) {
        long t0 = System.nanoTime();
        listener.started(databases.size());
        List<DatabaseOutcome> outcomes = Workers.map(databases, parallel, this::migrateOne, DatabaseOutcome::skipped,
                d -> !d.outcome().converged(), failFast, listener::finished);
        return new FleetResult(outcomes, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Where every database stands: {@link Converge#status()} on each, or {@link Converge#plan()} (rehearsed) when
     * {@code rehearse}. Changes nothing.
     */
    public Survey survey(List<Path> databases, boolean rehearse) {
        long t0 = System.nanoTime();
        List<Position> positions = Workers.map(databases, parallel, db -> position(db, rehearse),
                db -> new Position(db, null, 0, null, null), p -> false, false, p -> { });
        return new Survey(positions, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The one database's run, configured as the fleet's settings say, with the shared set. */
    public Converge converge(Path database) {
        Converge.Builder b = Converge.configure();
        settings.accept(b);
        return b.migrations(() -> set).database(database).createDatabase(false).load();
    }

    /** Migrates one database and says how it went; never throws for a failure of that database. */
    public DatabaseOutcome migrateOne(Path database) {
        long t0 = System.nanoTime();
        try {
            RunResult r = converge(database).migrate();
            return DatabaseOutcome.of(database, r);
        } catch (ConvergeException e) {
            return DatabaseOutcome.of(database, e, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            return DatabaseOutcome.internal(database, e, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private Position position(Path database, boolean rehearse) {
        try {
            Converge c = converge(database);
            Plan p = rehearse ? c.plan() : c.status();
            if (p.refused()) {
                ConvergeException e = p.refusal();
                return new Position(database, inPlaceUpTo(p), p.work().size(), e.code(), e.getMessage());
            }
            return new Position(database, inPlaceUpTo(p), p.work().size(), null, null);
        } catch (ConvergeException e) {
            return new Position(database, null, 0, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return new Position(database, null, 0, ErrorCode.INTERNAL, "internal error: " + e);
        }
    }

    /** The last version of the unbroken run of settled migrations from the first one. */
    private static Version inPlaceUpTo(Plan p) {
        Version last = null;
        for (MigrationStatus s : p.detection().statuses()) {
            if (s.migration() == null) {
                continue; // a history row without a file is not a point of this set's timeline
            }
            if (!s.state().isSettled()) {
                break;
            }
            last = s.version();
        }
        return last;
    }
}
