package dev.converge.scenarios;

import dev.converge.Converge;
import dev.converge.detect.Plan;
import dev.converge.error.ConvergeException;
import dev.converge.scenarios.state.Baseline;
import dev.converge.scenarios.state.HistoryLayout;
import dev.converge.scenarios.state.State;
import dev.converge.scenarios.state.StateBuilder;
import dev.converge.scenarios.verify.Outcome;
import dev.converge.scenarios.verify.Verifier;
import dev.converge.source.MigrationSource;
import dev.converge.sql.Identifiers;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The idioms that schema generators write converge from every state {@code verify} builds (issue 11): one migration
 * set per tool under {@code src/test/resources/idioms/<tool>/migrations}, written from what the tool is documented to
 * emit, with {@code schema.sql} the plain dump ({@code sqlite3 db .schema}) of what the set builds, and {@code old/}
 * the full schemas of older releases where a set has them.
 * <p>
 * An on-timeline state — empty, baseline-only, every prefix (both history layouts, with and without the baseline run
 * over it), history lost, every half-applied statement, legacy — must converge: a refusal of one is a failure. Only a
 * drifted state (changed by hand after the last migration) may be refused, and then only cleanly. Beyond the
 * Verifier's guarantees each state is held to issue 11's: a half-applied state holds its rows where a real database
 * would ({@link RowsFirst}); where a plain sequential runner finishes from the state, Converge must end with the same
 * rows ({@link PlainRun}); elsewhere its plan must not drop rows it never copied ({@link UncopiedDrops}); and the
 * result must pass {@code PRAGMA integrity_check}.
 * <p>
 * By default the half-applied and prefix+baseline states are built in Converge's history layout only;
 * {@code -Dconverge.long=true} adds them in the legacy layout (see {@link #sampled}). To look at a failing state,
 * {@code -Dconverge.idioms=rails,diesel} runs only those sets, and {@code -Dconverge.idioms.dir=DIR} keeps every
 * state's database there for {@code converge plan --db …} (a refused state is left as it was built, with its rows).
 */
class IdiomsConvergeTest {
    /** The sets, by folder; a folder that is not listed fails {@link #everyIdiomFolderIsVerified()}. */
    static final List<String> IDIOMS = List.of("prisma", "drizzle", "django", "alembic", "sqlite-utils", "room",
            "diesel", "rails", "rails-rename", "flyway",
            "efcore", "laravel", "knex", "typeorm", "sequelize", "sqldelight", "ecto",
            "go-notes", "room-habits", "rails-forum", "django-crm");

    /**
     * Sets of 6 to 12 migrations, each a short application history as one more generator writes it for SQLite: Entity
     * Framework Core's {@code ef_temp_} rebuilds, Laravel's {@code __temp__} copies, Knex's {@code _knex_temp_alter},
     * TypeORM's {@code temporary_}, Sequelize's {@code _backup} round trip, SQLDelight's numbered {@code .sqm} files and
     * Ecto's plain ALTERs, with data moved between tables, views and triggers over rebuilt tables, cascading foreign
     * keys across rebuilds, and seeds updated later.
     */
    static final List<String> GENERATOR_HISTORIES = List.of("efcore", "laravel", "knex", "typeorm", "sequelize",
            "sqldelight", "ecto");

    /**
     * Sets modelled on how a long-lived application's schema evolves over years (15 to 40 migrations each): views
     * re-made after ALTERs, triggers, FTS5 external content, STRICT and WITHOUT ROWID tables, tables renamed and made
     * again under the old name, columns dropped and re-added, seeds that later migrations update.
     */
    static final List<String> LONG_HISTORIES = List.of("go-notes", "room-habits", "rails-forum", "django-crm");

    /** Sets whose older runner recorded versions from 1 on (their {@code 000} is the original schema script). */
    static final List<String> LEGACY_HISTORY_FROM_1 = List.of("flyway");

    @TempDir
    static Path dir;

    /** Where the states are built: {@code -Dconverge.idioms.dir=DIR} keeps them for {@code converge plan}; else a temporary folder. */
    static Path workDir() {
        String keep = System.getProperty("converge.idioms.dir");
        if (keep == null) {
            return dir;
        }
        try {
            return Files.createDirectories(Path.of(keep));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path idioms() {
        try {
            return Path.of(Objects.requireNonNull(IdiomsConvergeTest.class.getResource("/idioms"), "idioms on the test classpath").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static StateBuilder builder(Path set, String name) {
        StateBuilder b = StateBuilder.forFolder(set.resolve("migrations"))
                .withBaseline(Baseline.read(set.resolve("schema.sql")));
        if (Files.isDirectory(set.resolve("old"))) {
            b = b.withReleases(Baseline.readFolder(set.resolve("old")));
        }
        return LEGACY_HISTORY_FROM_1.contains(name) ? b.withLegacyHistoryFrom(1) : b;
    }

    /** {@code -Dconverge.long=true}: every state, the half-applied ones in the legacy history layout too. */
    static final boolean LONG = Boolean.getBoolean("converge.long");

    /**
     * The states run by default: every state but the half-applied and prefix+baseline ones recorded in the legacy
     * history layout, which repeat the Converge-layout ones with the other history table (about a third of the states,
     * and of the time; on today's engine they fail exactly where their Converge-layout twins do); all of them with
     * {@link #LONG}. Every prefix is run in both layouts, so adopting legacy history is still exercised.
     */
    static boolean sampled(State s) {
        return LONG || s.layout() != HistoryLayout.LEGACY
                || s.kind() != State.Kind.HALF_APPLIED && s.kind() != State.Kind.PREFIX_PLUS_BASELINE;
    }

    /**
     * The states of the generator histories that name a rule (each failed before the rule it pins was made), run
     * always; see {@link #sampledHistory}.
     */
    static final Map<String, List<String>> PINNED = Map.of(
            "efcore", List.of("half-applied(3, 3)", "half-applied(3, 4)", "half-applied(6, 2)", "prefix(6)+baseline(schema)"),
            "laravel", List.of("half-applied(4, 3)", "half-applied(4, 4)", "prefix(6)", "half-applied(8, 2)"),
            "typeorm", List.of("half-applied(2, 3)", "prefix(5)+baseline(schema)"),
            "sqldelight", List.of("half-applied(3, 2)", "prefix(2)+baseline(schema)"),
            "ecto", List.of("half-applied(6, 3)"),
            "knex", List.of("half-applied(5, 3)", "half-applied(7, 4)"),
            "sequelize", List.of("half-applied(4, 4)", "half-applied(6, 9)"));

    /** Every how-many-th state of a generator history runs by default (about a fifth of the time of all of them). */
    static final int HISTORY_STRIDE = 8;

    /**
     * By default a generator history runs its pinned states ({@link #PINNED}) and every {@link #HISTORY_STRIDE}-th of
     * the others (all kinds come up across the sets): the seven sets hold about 450 states, three minutes on a loaded
     * two-core machine. {@link #LONG} runs every one. Other sets are not sampled here.
     */
    static boolean sampledHistory(String name, int index, State s) {
        return LONG || !GENERATOR_HISTORIES.contains(name) || index % HISTORY_STRIDE == 0
                || PINNED.getOrDefault(name, List.of()).contains(s.name());
    }

    /**
     * The states of set {@code name} run by default: for the short idiom sets {@link #sampled(State)}; a long history
     * yields some 150 states, so by default its prefixes run in Converge's layout only and a third of its half-applied
     * states (those with version + statements divisible by 3, a different statement point in each migration); all of
     * them with {@link #LONG}.
     */
    static boolean sampled(String name, State s) {
        if (LONG || !LONG_HISTORIES.contains(name)) {
            return sampled(s);
        }
        return switch (s.kind()) {
            case PREFIX, PREFIX_PLUS_BASELINE -> s.layout() == HistoryLayout.CONVERGE;
            case HALF_APPLIED -> s.layout() == HistoryLayout.CONVERGE && (s.version() + s.statements()) % 3 == 0;
            default -> true;
        };
    }

    /**
     * States of the long histories that do not converge yet, each with the reason (docs/design.md §10, "a table a
     * baseline made ahead"). They still run: such a state must still fail, and one that passes fails the test until it
     * is taken off this list, so the list cannot hide a regression nor outlive its fix.
     */
    static final Map<String, String> PENDING = pending();

    private static Map<String, String> pending() {
        Map<String, String> out = new HashMap<>();
        String collision = "a table the baseline made ahead at its final definition stands where a later migration"
                + " renames its predecessor (there is already another table)";
        for (int k = 2; k <= 10; k++) {
            prefixPlusBaseline(out, "rails-forum", k, collision + ": posts_tags -> taggings");
        }
        prefixPlusBaseline(out, "rails-forum", 1, "topics made ahead by the baseline matches two incarnations;"
                + " its indexes are read before the change_column rebuild, which is completed without its copy");
        for (int k = 1; k <= 8; k++) {
            prefixPlusBaseline(out, "django-crm", k, collision + ": crm_lead -> crm_deal");
        }
        for (int k = 8; k <= 10; k++) {
            prefixPlusBaseline(out, "room-habits", k, collision + ": Reminder -> Alarm");
        }
        return out;
    }

    /** prefix(k)+baseline(schema) of {@code set} in both history layouts. */
    private static void prefixPlusBaseline(Map<String, String> out, String set, int k, String reason) {
        out.put(set + " prefix(" + k + ")+baseline(schema)", reason);
        out.put(set + " prefix(" + k + ", legacy history)+baseline(schema)", reason);
    }

    /** True for the states a plain runner's timeline passes through (or an older release left): they must converge. */
    static boolean onTimeline(State s) {
        return s.kind() != State.Kind.DRIFTED;
    }

    @TestFactory
    Stream<DynamicContainer> everyIdiomConvergesFromEveryState() {
        AtomicInteger counter = new AtomicInteger();
        String only = System.getProperty("converge.idioms", "");
        return IDIOMS.stream().filter(name -> only.isBlank() || List.of(only.split(",")).contains(name)).map(name -> {
            Path set = idioms().resolve(name);
            StateBuilder builder = builder(set, name);
            Verifier verifier = new Verifier(set.resolve("migrations"), set.resolve("schema.sql"), builder);
            List<State> all = builder.allStates();
            Stream<DynamicTest> tests = java.util.stream.IntStream.range(0, all.size())
                    .filter(i -> sampled(name, all.get(i)) && sampledHistory(name, i, all.get(i))).mapToObj(all::get)
                    .map(state -> DynamicTest.dynamicTest(state.name(), () -> {
                        Path db = workDir().resolve(String.format("%04d-%s-%s", counter.getAndIncrement(), name, state.fileName()));
                        List<String> problems = check(set, builder, verifier, state, db);
                        String pending = PENDING.get(name + " " + state.name());
                        if (pending != null) {
                            assertThat(problems).as(name + " " + state.name() + " converges now: take it off PENDING"
                                    + " (it was: " + pending + ")").isNotEmpty();
                        } else if (!problems.isEmpty()) {
                            fail(name + " " + state.name() + ":\n  " + String.join("\n  ", problems)
                                    + "\n  (the database is at " + db + ")");
                        }
                    }));
            return DynamicContainer.dynamicContainer(name, tests);
        });
    }

    /**
     * Builds {@code state} with its rows at {@code db}, migrates it through the Verifier, and says what is wrong: a
     * guarantee the Verifier found broken; a refusal of an on-timeline state; rows that differ from what a plain
     * sequential runner ends with from the same state (where one finishes); elsewhere, a plan that drops rows it never
     * copied; a database that fails {@code PRAGMA integrity_check}.
     */
    static List<String> check(Path set, StateBuilder builder, Verifier verifier, State state, Path db)
            throws IOException, SQLException {
        List<String> problems = new ArrayList<>();
        RowsFirst.build(builder, verifier.filler(), state, db);
        Path plain = plainRun(builder, state, db);
        List<Path> twins = new ArrayList<>();
        for (State twin : PlainRun.sameDatabaseEarlier(builder, state)) {
            Path p = plainRun(builder, twin, db, ".plain-" + twin.fileName());
            if (p != null) {
                twins.add(p);
            }
        }
        if (plain == null) {
            for (String d : uncopiedDrops(set, builder, db)) {
                problems.add("the plan drops rows it never copied: " + d);
            }
        }
        Outcome o = verifier.verifyFilled(state, db);
        switch (o.result()) {
            case CONVERGED -> {
                for (String p : integrityProblems(db)) {
                    problems.add("converged, but PRAGMA integrity_check reports: " + p);
                }
                if (plain != null) {
                    Map<String, List<String>> rows = PlainRun.rows(db, builder.historyTable());
                    List<String> differences = PlainRun.differences(rows, PlainRun.rows(plain, builder.historyTable()));
                    for (Path twin : twins) {
                        if (PlainRun.differences(rows, PlainRun.rows(twin, builder.historyTable())).isEmpty()) {
                            differences = List.of(); // the rows of a reading the database cannot rule out
                        }
                    }
                    for (String d : differences) {
                        problems.add("converged, but not to the rows a plain sequential runner ends with (at " + plain
                                + "): " + d);
                    }
                }
            }
            case REFUSED -> {
                if (onTimeline(state)) {
                    problems.add("refused with " + o.refusal() + " (an on-timeline state must converge): " + o.message());
                }
            }
            case FAILED -> o.failures().forEach(f -> problems.add("a guarantee failed: " + f));
        }
        return problems;
    }

    /**
     * A copy of the filled state at {@code db} finished by a plain sequential runner (see {@link PlainRun}), or null
     * when the state has no point on the timeline to continue from, or the plain runner fails from it.
     */
    static Path plainRun(StateBuilder builder, State state, Path db) throws IOException, SQLException {
        return plainRun(builder, state, db, ".plain");
    }

    /** {@link #plainRun(StateBuilder, State, Path)} on a copy named with {@code suffix}. */
    static Path plainRun(StateBuilder builder, State state, Path db, String suffix) throws IOException, SQLException {
        List<dev.converge.sql.Statement> rest = PlainRun.rest(builder, state);
        if (rest == null) {
            return null;
        }
        Path copy = db.resolveSibling(db.getFileName() + suffix);
        Files.copy(db, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return PlainRun.finish(copy, rest) ? copy : null;
    }

    /**
     * What the plan for the state at {@code db} would drop without copying (see {@link UncopiedDrops}); nothing for a
     * plan that refuses (the Verifier reports the refusal). Planning changes nothing.
     */
    static List<String> uncopiedDrops(Path set, StateBuilder builder, Path db) throws SQLException {
        Map<String, Long> rows = rowCounts(db);
        Plan plan;
        try {
            plan = Converge.configure().database(db).migrations(MigrationSource.folder(set.resolve("migrations")))
                    .historyTable(builder.historyTable()).baseline(set.resolve("schema.sql")).load().plan();
        } catch (ConvergeException refused) {
            return List.of();
        }
        return UncopiedDrops.of(plan, rows);
    }

    /** Rows per ordinary table, keyed by {@link Identifiers#key}. */
    static Map<String, Long> rowCounts(Path db) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (String t : PlainRun.tables(c, null)) {
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Identifiers.quote(t))) {
                    rs.next();
                    out.put(Identifiers.key(t), rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * What {@code PRAGMA integrity_check} finds wrong with the database (empty when it says ok; the first three): a run can reach the
     * target schema text and still leave an index whose entries do not match its table, e.g. an index a baseline made
     * on a double-quoted name before the column existed (SQLite read it as a string literal) that the column's later
     * {@code ADD COLUMN} turns into an index on the column.
     */
    static List<String> integrityProblems(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next() && out.size() < 3) {
                if (!"ok".equals(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void everyIdiomFolderIsVerified() throws IOException {
        try (Stream<Path> folders = Files.list(idioms())) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(IDIOMS);
        }
    }

    /**
     * The sets hold no data hazard of their own: from every prefix, filled with rows, a plain sequential runner
     * finishes, so the row comparison of {@link #check} is made wherever the timeline allows it.
     */
    @Test
    void aPlainRunnerFinishesFromEveryPrefixWithRows() throws IOException, SQLException {
        List<String> stuck = new ArrayList<>();
        for (String name : IDIOMS) {
            StateBuilder b = builder(idioms().resolve(name), name);
            for (State s : b.allStates()) {
                if (s.kind() == State.Kind.PREFIX && s.layout() == HistoryLayout.CONVERGE) {
                    Path db = dir.resolve("plain-" + name + "-" + s.fileName());
                    RowsFirst.build(b, s, db);
                    if (plainRun(b, s, db) == null) {
                        stuck.add(name + " " + s.name());
                    }
                }
            }
        }
        assertThat(stuck).isEmpty();
    }

    /** A pinned state that a set no longer yields would silently stop pinning its rule. */
    @Test
    void everyPinnedStateIsOneTheSetYields() {
        PINNED.forEach((name, states) -> assertThat(builder(idioms().resolve(name), name).allStates().stream()
                .map(State::name)).as(name).containsAll(states));
    }

    /**
     * Each idiom set is small but real (3 to 6 migrations), each generator history 6 to 12, each long history 15 to
     * 40, and the states it yields include every on-timeline kind.
     */
    @Test
    void everySetYieldsEveryKindOfOnTimelineState() {
        for (String name : IDIOMS) {
            StateBuilder b = builder(idioms().resolve(name), name);
            if (GENERATOR_HISTORIES.contains(name)) {
                assertThat(b.migrations()).as(name).hasSizeBetween(6, 12);
            } else if (LONG_HISTORIES.contains(name)) {
                assertThat(b.migrations()).as(name).hasSizeBetween(15, 40);
            } else {
                assertThat(b.migrations()).as(name).hasSizeBetween(3, 6);
            }
            assertThat(b.allStates().stream().map(State::kind).distinct())
                    .as(name)
                    .contains(State.Kind.EMPTY, State.Kind.BASELINE_ONLY, State.Kind.PREFIX, State.Kind.PREFIX_PLUS_BASELINE,
                            State.Kind.HISTORY_LOST, State.Kind.HALF_APPLIED);
        }
        assertThat(builder(idioms().resolve("flyway"), "flyway").allStates().stream().map(State::kind))
                .contains(State.Kind.LEGACY);
    }
}
