package dev.converge.fleet;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One share of a fleet split among {@code count} processes (a Kubernetes Indexed Job's pods): database {@code p}
 * belongs to share {@code CRC32(p) mod count}, where {@code p} is the path exactly as it was listed, with {@code /}
 * between its parts. Every database belongs to exactly one share, and a retried process takes the same databases,
 * whatever else is in the fleet — as long as every process lists the fleet the same way: give the same relative
 * pattern or list from the same working directory (then the volume may be mounted anywhere), or the same absolute
 * paths (then it must be mounted at the same place in every pod). CRC32 is fixed by its specification, so shares do
 * not change with the Java version or the machine.
 *
 * @param index which share, from 0
 * @param count how many shares
 */
public record Shard(int index, int count) {
    /** The variable a Kubernetes Indexed Job sets to the pod's index. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "a shard is INDEX/COUNT with 0 <= INDEX < COUNT,"
                    + " not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code INDEX/COUNT}, or {@code COUNT} alone (or {@code /COUNT}) with the index from
     * {@code environmentIndex}
     * (the value of {@link #INDEX_VARIABLE}, or null when it is not set).
     *
     * @throws ConvergeException {@link ErrorCode#BAD_INPUT} naming what is wrong
     */
    public static Shard parse(String text, String environmentIndex) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String index = slash < 0 ? "" : t.substring(0, slash);
        String count = slash < 0 ? t : t.substring(slash + 1);
        if (index.isEmpty()) {
            if (environmentIndex == null || environmentIndex.isBlank()) {
                throw new ConvergeException(ErrorCode.BAD_INPUT, "--shard " + text + " has no index and "
                        + INDEX_VARIABLE + " is not set: give INDEX/COUNT, such as 0/4.");
            }
            index = environmentIndex.strip();
        }
        try {
            return new Shard(Integer.parseInt(index), Integer.parseInt(count));
        } catch (NumberFormatException e) {
            throw new ConvergeException(ErrorCode.BAD_INPUT, "--shard takes INDEX/COUNT, two whole numbers such as"
                    + " 0/4, not " + text + (slash < 0 || t.startsWith("/") ? " (index from " + INDEX_VARIABLE + ": "
                    + environmentIndex + ")" : ""), e);
        }
    }

    /** True when {@code database} belongs to this share. */
    public boolean owns(Path database) {
        CRC32 crc = new CRC32();
        crc.update(database.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index;
    }

    /** The databases of {@code fleet} that belong to this share, in their order. */
    public List<Path> of(List<Path> fleet) {
        List<Path> out = new ArrayList<>();
        for (Path p : fleet) {
            if (owns(p)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
