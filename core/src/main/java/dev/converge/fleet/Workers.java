package dev.converge.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs one piece of work per database on a fixed number of threads, each thread taking the next database from the
 * list until none is left. The work reports every failure as a value, so one database never stops the others; only
 * when {@code stopOnFailure} is set does the first failed result make the databases not yet started come back
 * skipped. Results are told to {@code done} one at a time, and returned in the order of the list.
 */
final class Workers {
    private Workers() {
    }

    static <T> List<T> map(List<Path> databases, int threads, Function<Path, T> work, Function<Path, T> skipped,
                           Predicate<T> failed, boolean stopOnFailure, Consumer<T> done) {
        Object[] results = new Object[databases.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Object reporting = new Object();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                Path db = databases.get(i);
                T r = stop.get() ? skipped.apply(db) : work.apply(db);
                results[i] = r;
                if (stopOnFailure && failed.test(r)) {
                    stop.set(true);
                }
                synchronized (reporting) {
                    done.accept(r);
                }
            }
        };
        int n = Math.max(1, Math.min(threads, databases.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "converge-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating the fleet", e);
        } catch (ExecutionException e) {
            // the work turns every exception into a result: what arrives here is an Error (out of memory, …)
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) Arrays.asList(results);
        return List.copyOf(out);
    }
}
