package dev.converge.scenarios.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small tmpfs mounted on a test's folder, for faults only a real file system shows: a disk that is full, a mount
 * that is read-only. Needs root (CI runs as root); without it the test is skipped, saying why.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kilobytes} on {@code dir} (created if need be); skips the test when it cannot. */
    static Tmpfs mount(Path dir, int kilobytes) throws Exception {
        Files.createDirectories(dir);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString()),
                "mounting a tmpfs needs root");
        return new Tmpfs(dir);
    }

    /** Makes the mount read-only. */
    void remountReadOnly() throws Exception {
        if (!run("mount", "-o", "remount,ro", dir.toString())) {
            throw new IllegalStateException("cannot remount " + dir + " read-only");
        }
    }

    /** Fills the file system with a file {@code name} until the disk is full. */
    void fill(String name) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (Files.getFileStore(dir).getUsableSpace() > chunk.length) {
                throw full;
            }
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Override
    public void close() throws IOException {
        try {
            run("umount", "-l", dir.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException("cannot unmount " + dir, e);
        }
    }
}
