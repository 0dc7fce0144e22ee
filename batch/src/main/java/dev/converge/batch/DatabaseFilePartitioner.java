package dev.converge.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition per database file, so that the job repository records, per database, whether it converged. A
 * partition's name is fixed by the path alone ({@code database-} and 16 hex digits of the path's SHA-256), not by its
 * place in the list: on a restart Spring Batch partitions again and skips every partition whose last execution
 * completed, so a name must keep meaning the same file even if files were added or removed since. The path itself,
 * which may be longer than the repository's step name column, is in the partition's context under
 * {@link #DATABASE}. The grid size is ignored: a fleet's unit is the database.
 */
public final class DatabaseFilePartitioner implements Partitioner {
    /** The context key of a partition's database path. */
    public static final String DATABASE = "converge.database";

    private final List<Path> databases;

    public DatabaseFilePartitioner(List<Path> databases) {
        this.databases = List.copyOf(databases);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Path db : databases) {
            ExecutionContext context = new ExecutionContext();
            context.putString(DATABASE, db.toString());
            partitions.put(name(db), context);
        }
        return partitions;
    }

    /** The partition name of {@code database}. */
    public static String name(Path database) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(database.toString().getBytes(StandardCharsets.UTF_8));
            return "database-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
