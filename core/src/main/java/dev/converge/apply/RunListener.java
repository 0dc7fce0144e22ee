package dev.converge.apply;

/** Receives {@link RunEvent}s as a run progresses. Must not throw. */
@FunctionalInterface
public interface RunListener {
    RunListener NONE = e -> { };

    void on(RunEvent event);
}
