package org.quorum.audit;

import java.util.Map;

/**
 * The outcome of recomputing an instance's hash chain from the current history rows.
 *
 * @param entriesChecked entries recomputed before the first mismatch (all of them when intact)
 * @param headHash       the chain's last hash as stored; worth noting down outside Quorum (see docs/audit.md)
 * @param firstMismatch  null when intact
 */
public record ChainVerification(String processInstanceId, boolean intact, long entriesChecked, String headHash,
                                Mismatch firstMismatch) {

    /**
     * The first entry whose recomputed hash differs from the stored one.
     *
     * @param currentContent the entry's content as the history tables hold it now (null if the row is gone)
     */
    public record Mismatch(long position, String kind, String key, String reason, String storedHash,
                           String recomputedHash, Map<String, Object> currentContent) {
    }
}
