package dev.converge.scenarios.faults;

import dev.converge.apply.RunEvent;
import dev.converge.detect.Step;

/**
 * Where a child JVM kills itself during a run, by the run's own events: at the start of the step of a version
 * (before its transaction begins), after its statement {@code i} ran (inside the transaction), or after its history
 * row was written (inside the transaction, just before COMMIT). "Before statement j" is {@code step} for j = 1 and
 * {@code after(j - 1)} otherwise.
 */
record HaltPoint(Kind kind, long version, int statement) {
    enum Kind { STEP, STATEMENT, RECORDED }

    static HaltPoint atStep(long version) {
        return new HaltPoint(Kind.STEP, version, 0);
    }

    static HaltPoint afterStatement(long version, int i) {
        return i == 0 ? atStep(version) : new HaltPoint(Kind.STATEMENT, version, i);
    }

    static HaltPoint recorded(long version) {
        return new HaltPoint(Kind.RECORDED, version, 0);
    }

    static HaltPoint parse(String s) {
        String[] p = s.split(":");
        return switch (p[0]) {
            case "step" -> atStep(Long.parseLong(p[1]));
            case "stmt" -> afterStatement(Long.parseLong(p[1]), Integer.parseInt(p[2]));
            case "recorded" -> recorded(Long.parseLong(p[1]));
            default -> throw new IllegalArgumentException("not a halt point: " + s);
        };
    }

    boolean matches(RunEvent e) {
        return switch (kind) {
            case STEP -> e instanceof RunEvent.StepStarted s && is(s.step());
            case STATEMENT -> e instanceof RunEvent.StatementExecuted s && is(s.step()) && s.index() == statement;
            case RECORDED -> e instanceof RunEvent.Recorded r && r.entry().version().value() == version;
        };
    }

    private boolean is(Step step) {
        return step.version() != null && step.version().value() == version;
    }

    /** The argument form, {@code step:V}, {@code stmt:V:I}, {@code recorded:V}. */
    String arg() {
        return switch (kind) {
            case STEP -> "step:" + version;
            case STATEMENT -> "stmt:" + version + ":" + statement;
            case RECORDED -> "recorded:" + version;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STEP -> "before statement 1 of " + version;
            case STATEMENT -> "after statement " + statement + " of " + version;
            case RECORDED -> "after the history row of " + version + ", before COMMIT";
        };
    }
}
