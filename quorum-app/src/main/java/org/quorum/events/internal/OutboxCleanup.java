package org.quorum.events.internal;

import java.sql.Timestamp;
import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.camunda.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes sent outbox rows older than the retention, in chunks. Safe on several nodes at once. */
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final EventsProperties.Relay settings;
    private final String stateTopic;

    OutboxCleanup(JdbcTemplate jdbc, EventsProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.relay();
        this.stateTopic = properties.topics().state();
    }

    @Scheduled(initialDelayString = "${quorum.events.relay.cleanup-interval:1h}",
            fixedDelayString = "${quorum.events.relay.cleanup-interval:1h}")
    void deleteSentRows() {
        Timestamp cutoff = Timestamp.from(EngineClock.now().minus(settings.retention()));
        int total = 0;
        int deleted;
        do {
            // sent_at finds the deliveries through its BRIN index; each goes with its outbox row, in one statement.
            deleted = jdbc.update("""
                    with sent as (
                        delete from quorum_event_delivery where id in (
                            select id from quorum_event_delivery where sent_at < ? limit\s""" + CHUNK + """
                        ) returning id)
                    delete from quorum_event_outbox o using sent where o.id = sent.id""", cutoff);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted {} sent events older than {}", total, settings.retention());
        }
        deleteFinishedSequences(cutoff);
    }

    /**
     * A key's sequence counter is needed while its root instance can still produce events. Once the instance
     * has left the runtime tables and the counter has not moved for the retention, no event can follow, so
     * the row goes; otherwise the table would grow by one row per instance forever. An instance's counter of the
     * state topic stays while its state does: its tombstone follows when its history is removed.
     */
    void deleteFinishedSequences(Timestamp cutoff) {
        int deleted = jdbc.update("""
                delete from quorum_event_sequence s
                where s.updated_at < ?
                  and not exists (select 1 from act_ru_execution e where e.id_ = s.record_key)
                  and not exists (select 1 from quorum_event_pending p join quorum_event_outbox o on o.id = p.id
                                  where o.record_key = s.record_key and o.topic = s.topic)
                  and not (s.topic = ? and exists (select 1 from quorum_process_state p
                                                   where p.process_instance_id = s.record_key))""",
                cutoff, stateTopic);
        if (deleted > 0) {
            log.info("Deleted {} sequence counters of instances finished more than {} ago", deleted,
                    settings.retention());
        }
    }
}
