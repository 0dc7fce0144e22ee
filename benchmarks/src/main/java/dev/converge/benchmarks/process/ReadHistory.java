package dev.converge.benchmarks.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The floor of a whole {@code converge migrate} process on an up-to-date database: a JVM that opens the database,
 * reads every history row, and exits. {@code ReadHistory DB}
 */
public final class ReadHistory {
    private ReadHistory() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, name, checksum, how, applied_at, execution_ms,"
                     + " schema_version FROM schema_migrations")) {
            while (rs.next()) {
                rs.getString(3);
                rows++;
            }
        }
        System.out.println(rows + " history rows");
    }
}
