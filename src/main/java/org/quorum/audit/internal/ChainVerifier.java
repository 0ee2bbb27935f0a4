package org.quorum.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quorum.audit.ChainVerification;
import org.quorum.audit.ChainVerification.Mismatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes an instance's chain from the history rows as they are now and reports the first entry that no
 * longer matches. Reads the chain in pages, so a long chain does not have to fit in memory.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final CanonicalContent content;

    ChainVerifier(JdbcTemplate jdbc, CanonicalContent content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    public ChainVerification verify(String processInstanceId) {
        String previous = ChainHash.GENESIS;
        long position = 0;
        List<StoredEntry> page;
        do {
            page = jdbc.query("""
                    select position, entry_kind, entry_key, hash from quorum_audit_chain
                    where process_instance_id = ? and position > ? order by position limit ?""",
                    (rs, n) -> new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    processInstanceId, position, PAGE);
            for (StoredEntry stored : page) {
                if (stored.position() != position + 1) {
                    return broken(processInstanceId, position, previous, new Mismatch(position + 1, null, null,
                            "Chain entry missing: the chain table itself was edited", null, null, null));
                }
                Optional<Map<String, Object>> current = content.read(EntryKind.ofCode(stored.kind()), stored.key());
                String chainedOnto = previous;
                String recomputed = current.map(c -> ChainHash.next(chainedOnto, content.serialise(c))).orElse(null);
                if (!stored.hash().equals(recomputed)) {
                    String reason = current.isEmpty()
                            ? "The history row of this entry no longer exists (or no longer says it ended)"
                            : "The history row of this entry differs from what it held when the entry was recorded";
                    return broken(processInstanceId, position, previous, new Mismatch(stored.position(),
                            stored.kind(), stored.key(), reason, stored.hash(), recomputed, current.orElse(null)));
                }
                previous = stored.hash();
                position = stored.position();
            }
        } while (page.size() == PAGE);

        List<Map<String, Object>> head = jdbc.queryForList(
                "select last_position, last_hash from quorum_audit_chain_head where process_instance_id = ?",
                processInstanceId);
        long headPosition = head.isEmpty() ? 0 : ((Number) head.get(0).get("last_position")).longValue();
        String headHash = head.isEmpty() ? ChainHash.GENESIS : ((String) head.get(0).get("last_hash")).trim();
        if (headPosition != position || !headHash.equals(previous)) {
            return broken(processInstanceId, position, previous, new Mismatch(position + 1, null, null,
                    "The chain ends at entry " + position + " but its head says " + headPosition
                            + ": entries were removed from the chain table", headHash, previous, null));
        }
        return new ChainVerification(processInstanceId, true, position, previous, null);
    }

    private static ChainVerification broken(String id, long checked, String lastGood, Mismatch mismatch) {
        return new ChainVerification(id, false, checked, lastGood, mismatch);
    }

    private record StoredEntry(long position, String kind, String key, String hash) {
    }
}
