package dev.converge.scenarios.faults;

import dev.converge.Converge;
import dev.converge.scenarios.state.ContentHash;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteConfig;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application runs with {@code foreign_keys = ON}, on the connection it hands Converge and on its own connection,
 * open at the same time. A migration rebuilds a parent table whose children reference it {@code ON DELETE CASCADE}
 * (StarPunk 004 rebuilds notes, media references it; the rebuild set's 003 rebuilds authors under 3,000 posts). Not
 * one child row may go, {@code foreign_key_check} stays empty, and the connection Converge borrowed has
 * {@code foreign_keys} ON again (and its auto-commit mode as it was) when Converge gives it back.
 */
class ForeignKeysOnIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "borrowed connection in auto-commit: {0}")
    @ValueSource(booleans = {true, false})
    void starpunkRebuildOfNotesKeepsEveryMedia(boolean autoCommit) throws Exception {
        Path db = Fixtures.starpunkStates(1).prefix(dir.resolve("app.db"), 3);
        Fixtures.fill(db, 19, 100);
        runWithForeignKeysOn(db, Fixtures.starpunkMigrations(), "media", autoCommit);
        assertThat(ReferenceRun.schemaDiff(db, Fixtures.starpunkSchema())).isEmpty();
    }

    @ParameterizedTest(name = "borrowed connection in auto-commit: {0}")
    @ValueSource(booleans = {true, false})
    void rebuildOfAuthorsKeepsEveryPost(boolean autoCommit) throws Exception {
        Path db = Fixtures.resourceState(dir.resolve("app.db"), "rebuild", 2);
        runWithForeignKeysOn(db, Fixtures.rebuildMigrations(), "posts", autoCommit);
        assertThat(ReferenceRun.schemaDiff(db, Fixtures.rebuildSchema())).isEmpty();
    }

    private void runWithForeignKeysOn(Path db, Path migrations, String child, boolean autoCommit) throws Exception {
        String childRows;
        long count;
        List<String> columns;
        try (Connection c = Fixtures.open(db)) {
            columns = Snapshot.rows(c, "SELECT name FROM pragma_table_info('" + child + "')");
            childRows = ContentHash.table(c, child, columns);
            count = Long.parseLong(Snapshot.rows(c, "SELECT count(*) FROM " + child).get(0));
        }
        assertThat(count).as("the child table %s holds rows", child).isPositive();

        SQLiteConfig fk = new SQLiteConfig();
        fk.enforceForeignKeys(true);
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db, fk.toProperties());
             Connection borrowed = DriverManager.getConnection("jdbc:sqlite:" + db, fk.toProperties())) {
            borrowed.setAutoCommit(autoCommit);
            assertThat(Snapshot.rows(app, "PRAGMA foreign_keys")).containsExactly("1");

            Converge.configure().dataSource(new OneConnection(borrowed)).migrations(migrations).load().migrate();

            if (!autoCommit) {
                borrowed.commit(); // end the transaction the driver opened, so that the pragma below takes effect
            }
            assertThat(borrowed.getAutoCommit()).as("auto-commit as it was").isEqualTo(autoCommit);
            assertThat(Snapshot.rows(borrowed, "PRAGMA foreign_keys")).as("foreign_keys ON again").containsExactly("1");
            assertThat(Snapshot.rows(app, "SELECT count(*) FROM " + child)).as("the application sees every %s row", child)
                    .containsExactly(Long.toString(count));
            assertThat(Snapshot.rows(app, "SELECT * FROM pragma_foreign_key_check")).isEmpty();
        }
        try (Connection c = Fixtures.open(db)) {
            // a rebuild may add columns (the rebuild set's 004 does): compare the columns the rows had
            assertThat(ContentHash.table(c, child, columns)).as("%s rows unchanged", child).isEqualTo(childRows);
        }
        Snapshot end = Snapshot.of(db);
        assertThat(end.healthy()).as("%s %s", end.integrity(), end.foreignKeyViolations()).isTrue();
    }

    /**
     * A data source that lends one real connection and takes it back on close, as a pool does: whatever Converge
     * changed on it and did not restore, the application would inherit.
     */
    private static final class OneConnection implements DataSource {
        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null; // back to the pool
                        }
                        if (method.getName().equals("isClosed")) {
                            return false;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
