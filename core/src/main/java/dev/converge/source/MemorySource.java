package dev.converge.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Migrations held in memory, file name to text, copied when the source is made. */
final class MemorySource implements MigrationSource {
    private final Map<String, String> files;

    MemorySource(Map<String, String> fileNameToText) {
        this.files = new TreeMap<>(fileNameToText);
        files.values().forEach(Objects::requireNonNull);
    }

    @Override
    public MigrationSet load() {
        List<Migration> migrations = new ArrayList<>(files.size());
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (MigrationFileName.isSqlFile(e.getKey())) {
                migrations.add(Migration.of(e.getKey(), e.getValue(), e.getKey()));
            } else {
                MigrationFiles.ignored(e.getKey(), "not a .sql file");
            }
        }
        return MigrationSet.of(migrations);
    }

    @Override
    public String toString() {
        return "memory " + files.keySet();
    }
}
