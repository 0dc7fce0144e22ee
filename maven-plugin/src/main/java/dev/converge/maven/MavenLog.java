package dev.converge.maven;

import org.apache.maven.plugin.logging.Log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Converge's run log ({@code System.Logger}, so java.util.logging inside Maven) shown as Maven's own log lines while a
 * goal runs: WARNING as {@code [WARNING]}, INFO as {@code [INFO]}, the rest only with {@code mvn -X}; never twice
 * through JUL's console handler.
 */
final class MavenLog extends Handler implements AutoCloseable {
    private final Log log;
    private final Logger logger = ConvergeMojo.CONVERGE_LOGGER;
    private final Level levelBefore;
    private final boolean parentsBefore;

    private MavenLog(Log log) {
        this.log = log;
        this.levelBefore = logger.getLevel();
        this.parentsBefore = logger.getUseParentHandlers();
    }

    static MavenLog forward(Log log) {
        MavenLog h = new MavenLog(log);
        h.logger.setLevel(ConvergeMojo.levelOf(log));
        h.logger.setUseParentHandlers(false);
        h.logger.addHandler(h);
        return h;
    }

    @Override
    public void publish(LogRecord r) {
        String message = r.getMessage();
        if (r.getParameters() != null && r.getParameters().length > 0) {
            message = java.text.MessageFormat.format(message, r.getParameters());
        }
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            log.warn(message);
        } else if (r.getLevel().intValue() >= Level.INFO.intValue()) {
            log.info(message);
        } else {
            log.debug(message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(parentsBefore);
        logger.setLevel(levelBefore);
    }
}
