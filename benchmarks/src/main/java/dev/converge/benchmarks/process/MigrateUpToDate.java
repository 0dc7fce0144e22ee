package dev.converge.benchmarks.process;

import dev.converge.Converge;
import dev.converge.apply.RunResult;

import java.nio.file.Path;

/**
 * What {@code converge migrate} does in a fresh JVM, without the CLI's argument parsing and output: a stand-in for
 * timing the whole process while the CLI is not built. {@code MigrateUpToDate DB MIGRATIONS_DIR}
 */
public final class MigrateUpToDate {
    private MigrateUpToDate() {
    }

    public static void main(String[] args) {
        RunResult r = Converge.configure().database(Path.of(args[0])).migrations(Path.of(args[1])).load().migrate();
        System.out.println(r.fastPath() ? "up to date" : r.done().size() + " migrations applied");
    }
}
