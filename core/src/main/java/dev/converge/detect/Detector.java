package dev.converge.detect;

import dev.converge.history.History;
import dev.converge.history.HistoryEntry;
import dev.converge.schema.ObjectId;
import dev.converge.schema.Schema;
import dev.converge.source.Version;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from the reference, the live schema, the history and facts about the live rows alone, the state of every
 * migration. Pure: values in, a {@link Detection} out. Five passes, each in its own class, with the rules listed in
 * order in docs/design.md §5:
 * <ol>
 *   <li>positions ({@link Scene}): the intervals of each object's timeline that match its live definition;</li>
 *   <li>the frontier F ({@link Frontier}): the last migration up to which the schema shows every migration in place;</li>
 *   <li>the interruption ({@link Interruption}): the one migration after F that stands exactly after one of its
 *       statements, and the point to resume at;</li>
 *   <li>each object's position ({@link Positions}) against F or the interruption;</li>
 *   <li>a verdict per migration ({@link Verdicts}), then history rows without files.</li>
 * </ol>
 * A verdict says only what is true of the database; which statements run is decided after it, by the {@link Planner}.
 */
public final class Detector {
    private Detector() {
    }

    /**
     * Gives every migration of the reference, and every history row without a file, its state.
     *
     * @param ref     the reference of the migration set
     * @param live    the live schema, without the history table
     * @param history the history as read
     */
    public static Detection detect(Reference ref, Schema live, History history) {
        return detect(ref, live, history, RowFacts.NONE, Reading.FIRST);
    }

    /** Like {@link #detect(Reference, Schema, History)}, with facts about the live rows and the reading to try. */
    public static Detection detect(Reference ref, Schema live, History history, RowFacts rows, Reading reading) {
        Scene scene = new Scene(ref, live, rows, reading);
        Map<Version, HistoryEntry> recorded = history.byVersion();
        List<MigrationEffects> ms = ref.migrations();
        int f = Frontier.find(scene, ms, recorded);
        int point = f < 0 ? 0 : ms.get(f).end();
        Interruption.At half = Interruption.find(scene, ms, f, recorded);
        if (half != null) {
            point = ms.get(half.index()).start() + half.point();
        }
        Map<ObjectId, Integer> position = Positions.of(scene, point);

        Version highestApplied = null;
        for (HistoryEntry e : history.entries()) {
            if (highestApplied == null || e.version().compareTo(highestApplied) > 0) {
                highestApplied = e.version();
            }
        }
        List<MigrationStatus> out = new ArrayList<>();
        boolean allBeforeInPlace = true;
        boolean someBeforeUnrecorded = false;
        // objects that earlier migrations of this run will execute on: a later migration cannot count them as held,
        // since they will stand as before it once the earlier migration has run
        Set<ObjectId> willChange = new HashSet<>();
        int first = -1;
        List<ObjectId> ahead = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            MigrationEffects me = ms.get(i);
            Version v = me.migration().version();
            HistoryEntry entry = recorded.get(v);
            if (entry != null) {
                MigrationStatus s = recordedStatus(me, entry);
                out.add(s);
                allBeforeInPlace &= s.state() == MigrationState.APPLIED;
                continue;
            }
            MigrationStatus s = half != null && i == half.index()
                    ? Interruption.halfApplied(scene, me, half.point(), Reason.of(""))
                    : Verdicts.judge(scene, me, position, willChange, i <= f, i <= f && allBeforeInPlace);
            if (Verdicts.uncertain(me, s, allBeforeInPlace, someBeforeUnrecorded)) {
                s = Verdicts.status(me, MigrationState.UNCERTAIN, Reason.of("no schema effect, and the migrations"
                        + " before it are in place but not all recorded: the schema cannot show whether it ran"));
            } else if ((i > 0 || history.layout() != History.Layout.NONE) && allBeforeInPlace && !someBeforeUnrecorded) {
                s = Verdicts.trailingDataUncertain(scene, me, s);
            }
            someBeforeUnrecorded = true;
            if (highestApplied != null && v.compareTo(highestApplied) < 0 && s.state() != MigrationState.PRESENT) {
                s = outOfOrder(s, highestApplied);
            }
            out.add(s);
            allBeforeInPlace &= s.state() == MigrationState.PRESENT || s.state() == MigrationState.UNCERTAIN;
            willChange.addAll(Verdicts.changes(me, s));
            if (first < 0 && Verdicts.executes(s)) {
                first = i;
                ahead.addAll(Verdicts.ahead(scene, me, s));
                willChange.addAll(ahead); // put back as they stand before it: later migrations re-make them
            }
        }
        out.addAll(withoutFiles(ref, history));
        out.sort((a, b) -> a.version().compareTo(b.version()));
        return new Detection(out, f < 0 ? null : ms.get(f).migration().version(), Verdicts.unmanaged(scene), ahead);
    }

    /**
     * The other readings worth trying when the plan made from {@code d} does not prove: every other statement point an
     * interrupted migration's objects fit (latest first), then the reading in which it was not interrupted.
     */
    public static List<Reading> alternatives(Reference ref, Schema live, Detection d) {
        Scene scene = new Scene(ref, live, RowFacts.NONE, Reading.FIRST);
        List<Reading> out = new ArrayList<>();
        for (MigrationStatus s : d.statuses()) {
            if (!(s instanceof MigrationStatus.HalfApplied half) || s.migration() == null) {
                continue;
            }
            for (MigrationEffects me : ref.migrations()) {
                if (me.migration().version().equals(s.version())) {
                    for (int j : Interruption.fittingPoints(scene, me)) {
                        if (j != half.resumeAfter()) {
                            out.add(new Reading(Map.of(s.version(), j)));
                        }
                    }
                    out.add(new Reading(Map.of(s.version(), 0)));
                }
            }
        }
        return out;
    }

    /** Rule "recorded": APPLIED, or CHECKSUM_MISMATCH when the file changed since. */
    private static MigrationStatus recordedStatus(MigrationEffects me, HistoryEntry entry) {
        boolean same = entry.checksum().isEmpty() || me.migration().hasChecksum(entry.checksum());
        String when = entry.appliedAt() == null || entry.appliedAt().isEmpty() ? "" : " at " + entry.appliedAt();
        return new MigrationStatus.Plain(me.migration().version(), me.migration().name(),
                same ? MigrationState.APPLIED : MigrationState.CHECKSUM_MISMATCH,
                same ? Reason.of("recorded " + entry.howText() + when)
                        : Reason.of("recorded with checksum " + entry.checksum() + ", file now has "
                                + me.migration().checksumLike(entry.checksum())),
                me.migration(), entry);
    }

    /** Rule "out of order": unrecorded, older than the newest recorded migration, and not present. */
    private static MigrationStatus outOfOrder(MigrationStatus s, Version highestApplied) {
        return new MigrationStatus.OutOfOrder(
                new Reason("not recorded, older than the newest applied migration " + highestApplied
                        + "; would be " + s.state() + ": " + s.reason().summary(), s.reason().holding(),
                        s.reason().missing(), s.reason().intermediate(), s.reason().conflicts()),
                s);
    }

    /** Rule "rows without files": FUTURE above the set's highest version, MISSING otherwise. */
    private static List<MigrationStatus> withoutFiles(Reference ref, History history) {
        List<MigrationStatus> out = new ArrayList<>();
        Version highest = ref.migrationSet().highest().orElse(null);
        for (HistoryEntry e : history.entries()) {
            if (ref.migrationSet().get(e.version()).isPresent()) {
                continue;
            }
            boolean future = highest == null || e.version().compareTo(highest) > 0;
            out.add(new MigrationStatus.Plain(e.version(), e.name(), future ? MigrationState.FUTURE : MigrationState.MISSING,
                    Reason.of(future ? "recorded by a newer release: above this set's highest version " + highest
                            : "recorded, but no file " + e.name() + " in the migration set"),
                    null, e));
        }
        return out;
    }
}
