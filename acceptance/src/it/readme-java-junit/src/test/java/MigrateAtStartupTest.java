import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the README's Java snippet as written: it migrates app.db in the working folder from db/migrations. */
class MigrateAtStartupTest {
    @Test
    void theReadmesMainMigratesTheDatabase() throws Exception {
        Files.deleteIfExists(Path.of("app.db"));

        MigrateAtStartup.main(new String[0]);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:app.db");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM schema_migrations")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }
}
