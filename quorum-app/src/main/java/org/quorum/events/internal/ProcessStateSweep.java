package org.quorum.events.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the state records of instances whose history is gone. Camunda's history cleanup removes ended instances in
 * bulk, without an event per instance; this sweep finds the states of ended instances that no longer have a
 * history row, writes a tombstone for each to the outbox and forgets the state, in one transaction per chunk.
 * Safe on several nodes at once: a node skips the states another one is sweeping.
 */
class ProcessStateSweep {

    private static final Logger log = LoggerFactory.getLogger(ProcessStateSweep.class);
    private static final int CHUNK = 500;
    private static final String GONE = """
            select state::text from quorum_process_state s
            where ended and not exists (select 1 from act_hi_procinst p where p.id_ = s.process_instance_id)
            order by process_instance_id limit ? for update skip locked""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionalOutbox outbox;
    private final StateRecords records;
    private final OutboxSignal signal;

    ProcessStateSweep(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionalOutbox outbox,
                      StateRecords records, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.records = records;
        this.signal = signal;
    }

    @Scheduled(initialDelayString = "${quorum.events.state.sweep-interval:5m}",
            fixedDelayString = "${quorum.events.state.sweep-interval:5m}")
    void sweep() {
        int total = 0;
        int swept;
        do {
            swept = transactions.execute(status -> sweepChunk());
            total += swept;
        } while (swept == CHUNK);
        if (total > 0) {
            signal.eventsCommitted();
            log.info("Wrote tombstones for {} process instances whose history was removed", total);
        }
    }

    private int sweepChunk() {
        List<ProcessState> gone = jdbc.query(GONE, (rs, n) -> records.fromJson(rs.getString(1)), CHUNK);
        if (gone.isEmpty()) {
            return 0;
        }
        outbox.write(gone.stream().map(records::tombstone).toList());
        jdbc.update("delete from quorum_process_state where process_instance_id = any(?)",
                (Object) gone.stream().map(ProcessState::processInstanceId).toArray(String[]::new));
        return gone.size();
    }
}
