package dev.converge.apply;

import dev.converge.detect.ObjectHistory;
import dev.converge.detect.Reference;
import dev.converge.sqlite.KnownObjects;
import dev.converge.sqlite.SqliteErrors;
import dev.converge.schema.ObjectId;
import dev.converge.schema.ObjectType;
import dev.converge.schema.SchemaObject;
import dev.converge.schema.SchemaParser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live definitions of a few named objects, in one read of the catalogue: {@code sqlite_schema} has no index on
 * names, so each lookup by name is a scan, and a step verifies every object it touched.
 */
final class CatalogueRows {
    /** Catalogue rows whose name is one of a list (the list is spliced as placeholders, never as names). */
    private static final String ROWS_NAMED = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name COLLATE NOCASE IN (%s)";
    private static final int CHUNK = 500;

    private CatalogueRows() {
    }

    /** Each of {@code ids} that stands, parsed; an id missing from the map does not exist (or has no text). */
    static Map<ObjectId, SchemaObject> read(Connection c, Collection<ObjectId> ids) {
        return read(c, ids, null);
    }

    /**
     * As {@link #read(Connection, Collection)}, taking a definition from {@code ref}'s timeline (may be null) for a
     * row that is exactly the one it was parsed from, instead of parsing the row again.
     */
    static Map<ObjectId, SchemaObject> read(Connection c, Collection<ObjectId> ids, Reference ref) {
        Map<ObjectId, SchemaObject> out = new HashMap<>();
        Set<ObjectId> wanted = Set.copyOf(ids);
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(ids.stream().map(ObjectId::key).toList()));
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            String sql = String.format(ROWS_NAMED, String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        collect(rs, wanted, out, ref);
                    }
                }
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, "verifying " + chunk);
            }
        }
        return out;
    }

    private static void collect(ResultSet rs, Set<ObjectId> wanted, Map<ObjectId, SchemaObject> out, Reference ref)
            throws SQLException {
        String type = rs.getString(1);
        String name = rs.getString(2);
        String text = rs.getString(4);
        ObjectId id = ObjectType.find(type).map(t -> ObjectId.of(t, name)).orElse(null);
        if (id != null && text != null && wanted.contains(id) && !out.containsKey(id)) {
            out.put(id, parse(ref, id, type, name, rs.getString(3), text));
        }
    }

    /** The row parsed, or the definition of {@code ref}'s timeline parsed from exactly this row. */
    static SchemaObject parse(Reference ref, ObjectId id, String type, String name, String table, String text) {
        ObjectHistory h = ref == null ? null : ref.objects().get(id);
        if (h != null) {
            for (int i = h.size() - 1; i >= 0; i--) {
                SchemaObject d = h.definition(i);
                if (d != null && KnownObjects.parsedFrom(d, id.type(), name, table, text)) {
                    return d;
                }
            }
        }
        return SchemaParser.parse(type, name, table, text);
    }
}
