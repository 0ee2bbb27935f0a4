package org.quorum.audit.internal;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes the audit chains of instances whose history rows were written by bulk SQL rather than by the engine
 * (the history stage of the benchmark clones finished instances, see {@code org.quorum.history.HistoryCloner}):
 * each entry's hash from its history row as it is now, read by the product's own {@link CanonicalContent} and
 * chained by {@link ChainHash}, exactly as {@link ChainRecorder} chains an entry and {@link ChainVerifier} checks
 * it. The chain rows must exist (copied from the template's, positions and kinds kept); only the hashes and the
 * heads change. Test code: the product never rewrites a chain.
 */
public final class ChainRehash {

    private final JdbcTemplate jdbc;
    private final CanonicalContent content;

    public ChainRehash(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.content = new CanonicalContent(jdbc);
    }

    /** Rewrites the hashes of the chains of {@code instanceIds}; returns the number of entries rehashed. */
    public long rehash(List<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return 0;
        }
        List<Entry> entries = jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    select process_instance_id, position, entry_kind, entry_key, version from quorum_audit_chain
                    where process_instance_id = any(?) order by process_instance_id, position""");
            statement.setArray(1, con.createArrayOf("varchar", instanceIds.toArray()));
            return statement;
        }, (rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));

        Map<EntryKind, Set<String>> currentKeys = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.version() == ChainVersion.CURRENT) {
                currentKeys.computeIfAbsent(kind(entry), k -> new LinkedHashSet<>()).add(entry.key());
            }
        }
        Map<EntryKind, Map<String, Map<String, Object>>> rows = new HashMap<>();
        currentKeys.forEach((kind, keys) -> rows.put(kind, content.readAll(kind, keys)));

        List<String> ids = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Map<String, Integer> lastOf = new HashMap<>();
        String instance = null;
        String previous = ChainHash.GENESIS;
        for (Entry entry : entries) {
            if (!entry.instance().equals(instance)) {
                instance = entry.instance();
                previous = ChainHash.GENESIS;
            }
            EntryKind kind = kind(entry);
            Optional<Map<String, Object>> row = entry.version() == ChainVersion.CURRENT
                    ? Optional.ofNullable(rows.get(kind).get(entry.key()))
                    : content.read(kind, entry.version(), entry.key());
            Map<String, Object> current = row.orElseThrow(() -> new IllegalStateException("No history row for "
                    + entry + ": the clone lacks a row its template's chain covers"));
            previous = ChainHash.next(previous, content.serialise(current));
            ids.add(entry.instance());
            positions.add(entry.position());
            hashes.add(previous);
            lastOf.put(entry.instance(), ids.size() - 1);
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    update quorum_audit_chain a set hash = u.hash
                    from unnest(?::varchar[], ?::bigint[], ?::varchar[]) as u(id, position, hash)
                    where a.process_instance_id = u.id and a.position = u.position""");
            statement.setArray(1, array(con, "varchar", ids));
            statement.setArray(2, array(con, "bigint", positions));
            statement.setArray(3, array(con, "varchar", hashes));
            return statement;
        });
        List<String> headIds = new ArrayList<>(lastOf.keySet());
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    update quorum_audit_chain_head h set last_position = u.position, last_hash = u.hash
                    from unnest(?::varchar[], ?::bigint[], ?::varchar[]) as u(id, position, hash)
                    where h.process_instance_id = u.id""");
            statement.setArray(1, array(con, "varchar", headIds));
            statement.setArray(2, array(con, "bigint", headIds.stream().map(id -> positions.get(lastOf.get(id)))
                    .toList()));
            statement.setArray(3, array(con, "varchar", headIds.stream().map(id -> hashes.get(lastOf.get(id)))
                    .toList()));
            return statement;
        });
        return entries.size();
    }

    private static EntryKind kind(Entry entry) {
        return EntryKind.of(entry.kind(), entry.version()).orElseThrow(() -> new IllegalStateException(
                "Chain version " + entry.version() + " has no kind " + entry.kind()));
    }

    private static Array array(java.sql.Connection con, String type, List<?> values) throws java.sql.SQLException {
        return con.createArrayOf(type, values.toArray());
    }

    private record Entry(String instance, long position, String kind, String key, int version) {
    }
}
