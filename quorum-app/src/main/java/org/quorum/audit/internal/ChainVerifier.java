package org.quorum.audit.internal;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quorum.audit.ChainVerification;
import org.quorum.audit.ChainVerification.Mismatch;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes an instance's chain from the history rows as they are now and reports the first entry that no
 * longer matches. Each entry is recomputed by the rules of the chain version it was written with. Reads the
 * chain in pages, so a long chain does not have to fit in memory.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 500;
    static final String REMOVED_OUTSIDE_RETENTION = "History removed outside retention";

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
                    select position, entry_kind, entry_key, hash, version from quorum_audit_chain
                    where process_instance_id = ? and position > ? order by position limit ?""",
                    (rs, n) -> new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)),
                    processInstanceId, position, PAGE);
            for (StoredEntry stored : page) {
                if (stored.position() != position + 1) {
                    return broken(processInstanceId, position, previous, new Mismatch(position + 1, null, null,
                            "Chain entry missing: the chain table itself was edited", null, null, null));
                }
                Optional<EntryKind> kind = EntryKind.of(stored.kind(), stored.version());
                if (kind.isEmpty()) {
                    return broken(processInstanceId, position, previous, new Mismatch(stored.position(),
                            stored.kind(), stored.key(), "Chain version " + stored.version() + " has no entries of "
                            + "kind " + stored.kind() + ": the chain table itself was edited", stored.hash(), null,
                            null));
                }
                Optional<Map<String, Object>> current = content.read(kind.get(), stored.version(), stored.key());
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

    /**
     * For an instance whose history row is gone but whose chain is still kept: the chain outlives history removed
     * before the removal time recorded when the instance ended (or removed while none was recorded), so that such
     * a removal shows. Empty when there is no chain, when the history still exists, or when the history went
     * after its removal time (Camunda's history cleanup; the chain goes at the next {@link ChainCleanup}).
     */
    public Optional<ChainVerification> historyRemoved(String processInstanceId) {
        List<Map<String, Object>> head = jdbc.queryForList("""
                select h.removal_time, exists (select 1 from act_hi_procinst p where p.id_ = h.process_instance_id)
                       as history
                from quorum_audit_chain_head h where h.process_instance_id = ?""", processInstanceId);
        if (head.isEmpty() || (Boolean) head.get(0).get("history")) {
            return Optional.empty();
        }
        Timestamp removalTime = (Timestamp) head.get(0).get("removal_time");
        Date now = EngineClock.today();
        if (removalTime != null && !removalTime.after(now)) {
            return Optional.empty();
        }
        List<StoredEntry> first = jdbc.query("""
                select position, entry_kind, entry_key, hash, version from quorum_audit_chain
                where process_instance_id = ? order by position limit 1""",
                (rs, n) -> new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)), processInstanceId);
        String reason = REMOVED_OUTSIDE_RETENTION + ": the instance's history is gone, but "
                + (removalTime == null
                ? "no removal time was recorded for it (the instance had not ended, or its process keeps history "
                        + "without a time to live)"
                : "its removal time " + removalTime.toInstant() + " has not come");
        StoredEntry entry = first.isEmpty() ? null : first.get(0);
        return Optional.of(broken(processInstanceId, 0, ChainHash.GENESIS, new Mismatch(
                entry == null ? 1 : entry.position(), entry == null ? null : entry.kind(),
                entry == null ? processInstanceId : entry.key(), reason, entry == null ? null : entry.hash(), null,
                null)));
    }

    private static ChainVerification broken(String id, long checked, String lastGood, Mismatch mismatch) {
        return new ChainVerification(id, false, checked, lastGood, mismatch);
    }

    private record StoredEntry(long position, String kind, String key, String hash, int version) {
    }
}
