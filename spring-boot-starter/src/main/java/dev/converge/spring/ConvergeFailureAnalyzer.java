package dev.converge.spring;

import dev.converge.error.ConvergeException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up that Converge refused ends with Converge's own message and what to do, not a page of stack trace. */
class ConvergeFailureAnalyzer extends AbstractFailureAnalyzer<ConvergeException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConvergeException cause) {
        return new FailureAnalysis("Converge did not migrate the application's database (" + cause.code() + "):\n"
                + cause.getMessage(), "Follow what the message says, or inspect the database with `converge plan`"
                + " (the command line) or the Maven plugin's plan goal; converge.enabled=false starts without"
                + " migrating.", cause);
    }
}
