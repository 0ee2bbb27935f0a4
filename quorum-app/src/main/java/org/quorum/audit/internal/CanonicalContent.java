package org.quorum.audit.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.util.PGobject;
import org.quorum.infrastructure.jdbc.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The canonical content of an audit entry, read from Camunda's history tables: a JSON object with the entry's
 * kind and the stable columns of its row, in a fixed order, times as epoch milliseconds. The same code reads it
 * when the entry is chained (just before the engine's transaction commits) and when the chain is verified, so
 * the two can only differ if the row changed.
 */
@Component
class CanonicalContent {

    private static final RowMapper<Map<String, Object>> COLUMNS = CanonicalContent::columns;
    private static final ObjectMapper JSON_COLUMNS = new ObjectMapper();

    /** Its own mapper: the application's may be reconfigured, and that must not change every hash. */
    private final ObjectMapper json = new ObjectMapper();
    private final JdbcTemplate jdbc;

    CanonicalContent(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * By the rules of chain {@code version}. Empty when the history row no longer exists (or, for an end entry, no
     * longer says it ended).
     */
    Optional<Map<String, Object>> read(EntryKind kind, int version, String key) {
        List<Map<String, Object>> rows = jdbc.query(kind.rowQuery(version), COLUMNS, key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", kind.code());
        content.putAll(rows.get(0));
        if (kind == EntryKind.DECISION_EVALUATED) {
            content.put("inputs", jdbc.query(EntryKind.DECISION_INPUTS, COLUMNS, key));
            content.put("outputs", jdbc.query(EntryKind.DECISION_OUTPUTS, COLUMNS, key));
        }
        return Optional.of(content);
    }

    /**
     * The entries of one kind with one query per {@value KeyList#MOST} keys (the entry's current row query for a
     * list of keys, {@link KeyList}), by key; a key whose row does not exist is missing. Gives each entry the same
     * content as {@link #read} of the current version: the same columns in the same order. The chain recorder reads
     * a transaction's entries this way, one query per kind instead of one per entry.
     */
    Map<String, Map<String, Object>> readAll(EntryKind kind, Collection<String> keys) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        if (kind == EntryKind.DECISION_EVALUATED) {
            keys.forEach(key -> read(kind, ChainVersion.CURRENT, key).ifPresent(content -> byKey.put(key, content)));
            return byKey;
        }
        for (KeyList part : KeyList.parts(List.copyOf(keys))) {
            jdbc.query(kind.rowsQuery(part), (RowCallbackHandler) rs -> {
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("kind", kind.code());
                content.putAll(columns(rs, 0));
                byKey.put(rs.getString("id_"), content);
            }, part.parameters());
        }
        return byKey;
    }

    String serialise(Map<String, Object> content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry content cannot be serialised", e);
        }
    }

    private static Map<String, Object> columns(ResultSet rs, int rowNum) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(meta.getColumnLabel(i), value instanceof Timestamp time ? time.getTime()
                    : value instanceof PGobject object && "json".equals(object.getType()) ? parsed(object) : value);
        }
        return row;
    }

    /** A JSON column's values (key order kept), so that only they are hashed, not the server's layout of them. */
    private static Object parsed(PGobject json) throws SQLException {
        try {
            return JSON_COLUMNS.readValue(json.getValue(), Object.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("PostgreSQL returned JSON that cannot be parsed", e);
        }
    }
}
