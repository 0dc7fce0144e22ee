package dev.converge.scenarios.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running {@link FaultChild} on this test's class path, with its stdout and stderr collected line by
 * line as they come, so the parent can wait for a line ({@code HELD}, {@code READY}) and then act on the process.
 */
final class ChildJvm implements AutoCloseable {
    private static final long DEFAULT_TIMEOUT_S = 120;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final String command;

    /** The JVM options of a child unless given: quick to start, small and predictable. */
    private static final List<String> DEFAULT_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx128m");

    private ChildJvm(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(FaultChild.class.getName());
        cmd.addAll(args);
        this.command = String.join(" ", args);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + cmd, e);
        }
        reader = new Thread(this::readOutput, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(List<String> args) {
        return new ChildJvm(DEFAULT_OPTIONS, args);
    }

    /** A child with these JVM options instead of the defaults (a serial collector, 128 MB of heap). */
    static ChildJvm start(List<String> jvmOptions, List<String> args) {
        return new ChildJvm(jvmOptions, args);
    }

    /** Surefire and failsafe may hand the tests a manifest-only jar; both name the real class path here. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(output lost: " + e + ")");
            }
        }
    }

    /** Waits until a line equal to {@code line} was printed; false when the child ended or the time ran out first. */
    boolean awaitLine(String line, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        synchronized (lines) {
            while (!lines.contains(line)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return lines.contains(line);
                }
                lines.wait(Math.min(left, 50));
            }
            return true;
        }
    }

    /** Waits until {@code count} lines starting with {@code prefix} were printed; false when the child ended first. */
    boolean awaitLines(String prefix, int count, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        synchronized (lines) {
            while (lines.stream().filter(l -> l.startsWith(prefix)).count() < count) {
                long left = end - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return false;
                }
                lines.wait(Math.min(left, 20));
            }
            return true;
        }
    }

    /** Waits for the child to end and its output to be read; returns the exit status. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(DEFAULT_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("child JVM did not end within " + DEFAULT_TIMEOUT_S + " s: " + command
                    + "\n" + output());
        }
        reader.join(10_000);
        return process.exitValue();
    }

    /** kill -9: SIGKILL on Unix. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(10_000);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String output() {
        return "--- child: " + command + "\n" + String.join("\n", lines()) + "\n---";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
