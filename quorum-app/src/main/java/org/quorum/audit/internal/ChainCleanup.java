package org.quorum.audit.internal;

import java.sql.Timestamp;

import org.quorum.infrastructure.camunda.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the chains of instances whose history Camunda's history cleanup has removed once its time came: the
 * chain covers that history and goes with it, and so do the instance's rows in the actor index
 * ({@link ActorIndex}). A chain goes only when both hold: the removal time recorded for its
 * instance (when it ended, see {@link ChainRecorder}) has passed on the engine's clock, and the history row is
 * gone. History removed earlier (by an administrator, or by hand in the database) leaves the chain in place, and
 * verify says "history removed outside retention". Works in chunks; on several nodes at once the row locks make
 * each chunk go to one node ({@code skip locked}).
 */
@Component
public class ChainCleanup {

    private static final Logger log = LoggerFactory.getLogger(ChainCleanup.class);
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ChainCleanup(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "${quorum.audit.chain-cleanup-interval:1h}",
            fixedDelayString = "${quorum.audit.chain-cleanup-interval:1h}")
    public void deleteChainsOfRemovedHistory() {
        Timestamp now = Timestamp.from(EngineClock.now());
        int total = 0;
        int deleted;
        do {
            deleted = transaction.execute(status -> {
                var orphans = jdbc.queryForList("""
                        select h.process_instance_id from quorum_audit_chain_head h
                        where h.removal_time <= ?
                          and not exists (select 1 from act_hi_procinst p where p.id_ = h.process_instance_id)
                        limit ? for update skip locked""", String.class, now, CHUNK);
                for (String id : orphans) {
                    jdbc.update("delete from quorum_audit_chain where process_instance_id = ?", id);
                    jdbc.update("delete from quorum_audit_chain_head where process_instance_id = ?", id);
                    jdbc.update("delete from quorum_audit_actor where process_instance_id = ?", id);
                }
                return orphans.size();
            });
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted the audit chains of {} process instances whose history was removed after its removal "
                    + "time", total);
        }
    }
}
