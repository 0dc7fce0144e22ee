package dev.converge.benchmarks.process;

import dev.converge.Converge;
import dev.converge.benchmarks.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the fixture for the whole-process measurement: {@code DIR/migrations} (n generated migrations) and
 * {@code DIR/app.db}, brought up to date. {@code ProcessFixture DIR N}
 */
public final class ProcessFixture {
    private ProcessFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        Path folder = Fixtures.writeConvergeFolder(Files.createDirectories(dir.resolve("migrations")),
                Fixtures.migrations(n));
        Path db = dir.resolve("app.db");
        Converge.configure().database(db).migrations(folder).load().migrate();
        System.out.println(db + ": " + n + " migrations applied");
    }
}
