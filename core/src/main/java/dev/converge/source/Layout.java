package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a migration folder is laid out: Converge's own, or another tool's, read in place with no file renamed or
 * edited. Each constant says what a migration is in that layout and which version it has.
 */
public enum Layout {
    /** {@code NNN_name.sql}: Converge's own. */
    CONVERGE("converge"),
    /**
     * Flyway: {@code V<version>__<description>.sql}, versions such as {@code 1}, {@code 1.1}, {@code 2024.01.05.1}
     * ordered part by part; {@code ${name}} placeholders filled in; {@code R__} repeatable and {@code U} undo
     * migrations refused by name.
     */
    FLYWAY("flyway"),
    /** golang-migrate: {@code <version>_<name>.up.sql}; {@code .down.sql} files ignored. */
    GOLANG_MIGRATE("golang-migrate"),
    /**
     * dbmate: {@code <timestamp>_<name>.sql}, the part between {@code -- migrate:up} and {@code -- migrate:down} runs;
     * {@code transaction:false} refused.
     */
    DBMATE("dbmate"),
    /**
     * goose: {@code <version>_<name>.sql}, the part between {@code -- +goose Up} and {@code -- +goose Down} runs
     * ({@code StatementBegin}/{@code StatementEnd} blocks are single statements); {@code .go} migrations refused.
     */
    GOOSE("goose"),
    /** sqlx: {@code <version>_<name>.sql}, or {@code <version>_<name>.up.sql} with {@code .down.sql} ignored. */
    SQLX("sqlx"),
    /** diesel: a folder {@code <timestamp>_<name>/} holding {@code up.sql} (and an ignored {@code down.sql}). */
    DIESEL("diesel"),
    /** Prisma: a folder {@code <timestamp>_<name>/} holding {@code migration.sql}; {@code migration_lock.toml} ignored. */
    PRISMA("prisma"),
    /**
     * drizzle: {@code NNNN_<name>.sql} with {@code --> statement-breakpoint} between statements, ordered by
     * {@code meta/_journal.json}.
     */
    DRIZZLE("drizzle"),
    /**
     * Liquibase formatted SQL: {@code .sql} changelog files starting {@code --liquibase formatted sql}, read in name
     * order, each {@code --changeset author:id} a migration numbered by its position (XML, YAML and JSON changelogs,
     * and the master changelog's includes, are not read).
     */
    LIQUIBASE("liquibase");

    private final String cliName;

    Layout(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --layout} takes: {@code flyway}, {@code golang-migrate}… */
    public String cliName() {
        return cliName;
    }

    /**
     * The layout called {@code name} ({@link #cliName()}, any case; underscores allowed for dashes).
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} listing the known names
     */
    public static Layout named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Layout l : values()) {
            if (l.cliName.equals(wanted)) {
                return l;
            }
        }
        List<String> known = new ArrayList<>();
        for (Layout l : values()) {
            known.add(l.cliName);
        }
        throw new ConvergeException(ErrorCode.BAD_INPUT, "unknown migration layout '" + name + "'; known layouts: "
                + String.join(", ", known));
    }

    /**
     * The layout of {@code dir}, found by looking at it: a {@code meta/_journal.json} is drizzle's; subfolders
     * holding {@code migration.sql} are Prisma's, holding {@code up.sql} diesel's; {@code V1__x.sql} names are
     * Flyway's; {@code .up.sql} files golang-migrate's (which sqlx reads the same way); a first file marked
     * {@code -- +goose Up}, {@code -- migrate:up} or {@code --liquibase formatted sql} is goose's, dbmate's or
     * Liquibase's; anything else is Converge's. Only the
     * first {@code .sql} file is opened, and only its first few kilobytes.
     */
    public static Layout detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            return CONVERGE; // the folder source says what is wrong with it
        }
        if (Files.isRegularFile(dir.resolve("meta").resolve("_journal.json"))) {
            return DRIZZLE;
        }
        // one pass, no sort and no stat of a .sql file: an application pays for this at every start
        String firstSql = null;
        boolean upDown = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (MigrationFileName.isSqlFile(name)) {
                    if (ToolFileName.looksLikeFlyway(name)) {
                        return FLYWAY;
                    }
                    if (lower.endsWith(".up.sql") || lower.endsWith(".down.sql")) {
                        upDown = true;
                    }
                    if (firstSql == null || name.compareTo(firstSql) < 0) {
                        firstSql = name;
                    }
                } else if (lower.endsWith(".go")) {
                    if (!lower.endsWith("_test.go") && Character.isDigit(name.charAt(0))) {
                        return GOOSE;
                    }
                } else if (name.indexOf('.') < 0 && Files.isDirectory(p)) {
                    if (Files.isRegularFile(p.resolve("migration.sql"))) {
                        return PRISMA;
                    }
                    if (Files.isRegularFile(p.resolve("up.sql"))) {
                        return DIESEL;
                    }
                }
            }
        } catch (IOException e) {
            return CONVERGE; // the folder source says what is wrong with it
        }
        if (upDown) {
            return GOLANG_MIGRATE;
        }
        if (firstSql != null) {
            String head = head(dir.resolve(firstSql));
            if (head.contains("-- +goose Up") || head.contains("-- +goose up")) {
                return GOOSE;
            }
            if (head.contains("-- migrate:up")) {
                return DBMATE;
            }
            if (LiquibaseChangelog.isChangelog(head)) {
                return LIQUIBASE;
            }
        }
        return CONVERGE;
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the source reports the unreadable file when it reads it
        }
    }
}
