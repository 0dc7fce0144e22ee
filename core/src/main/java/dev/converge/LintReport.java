package dev.converge;

import java.util.List;

/**
 * What {@link Converge#lint()} found. Errors make {@code converge lint} fail; warnings and notes are reported.
 *
 * @param findings every finding, errors first
 */
public record LintReport(List<Finding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** How serious a finding is. */
    public enum Severity {
        /** The set or baseline is wrong: a baseline install would not build the target, or a file breaks atomicity. */
        ERROR,
        /** Probably a mistake: column orders differ, a positional copy. */
        WARNING,
        /** Worth knowing: data statements a baseline install never runs. */
        NOTE
    }

    /**
     * One finding.
     *
     * @param severity how serious
     * @param file     the file concerned, or null
     * @param line     1-based line, or 0
     * @param message  what and what to do
     */
    public record Finding(Severity severity, String file, int line, String message) {
        @Override
        public String toString() {
            return severity + (file == null ? "" : " " + file + (line > 0 ? ":" + line : "")) + ": " + message;
        }
    }

    public boolean ok() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
