package dev.converge.spring;

import dev.converge.Converge;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * converge.*: how the application's database is migrated at start-up.
 */
@ConfigurationProperties(prefix = "converge")
public class ConvergeProperties {
    /** Whether to migrate the application's DataSource at start-up. */
    private boolean enabled = true;

    /**
     * Where the NNN_name.sql migrations are: classpath:db/migrations (the default), or a folder as
     * filesystem:db/migrations or file:db/migrations.
     */
    private String migrations = "classpath:db/migrations";

    /** Today's full schema, used on an empty database, e.g. classpath:db/schema.sql (optional). */
    private String baseline;

    /** The history table's name. */
    private String historyTable = Converge.DEFAULT_HISTORY_TABLE;

    /** How long to wait for another process's lock on the database. */
    private Duration lockTimeout = Duration.ofSeconds(30);

    /** Tolerate recorded migrations whose files are gone. */
    private boolean allowMissing;

    /** Run a migration with a version below the highest applied one instead of refusing it. */
    private boolean allowOutOfOrder;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMigrations() {
        return migrations;
    }

    public void setMigrations(String migrations) {
        this.migrations = migrations;
    }

    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public boolean isAllowMissing() {
        return allowMissing;
    }

    public void setAllowMissing(boolean allowMissing) {
        this.allowMissing = allowMissing;
    }

    public boolean isAllowOutOfOrder() {
        return allowOutOfOrder;
    }

    public void setAllowOutOfOrder(boolean allowOutOfOrder) {
        this.allowOutOfOrder = allowOutOfOrder;
    }
}
