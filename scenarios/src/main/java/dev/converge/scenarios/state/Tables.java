package dev.converge.scenarios.state;

import dev.converge.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The ordinary tables of a database: not views, virtual or shadow tables, nor SQLite's own {@code sqlite_*}. */
final class Tables {
    private Tables() {
    }

    /** Reads the name of every ordinary table of the main schema, ordered by name. */
    private static final String ORDINARY = "SELECT name FROM pragma_table_list"
            + " WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

    /** The ordinary tables, less those named in {@code excluded} (compared as SQLite compares names). */
    static List<String> ordinary(Connection c, Collection<String> excluded) throws SQLException {
        Set<String> skip = excluded.stream().map(Identifiers::key).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ORDINARY)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!skip.contains(Identifiers.key(name))) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
