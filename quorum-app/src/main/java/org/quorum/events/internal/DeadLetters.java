package org.quorum.events.internal;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Events that can never be published, kept with the reason so that an operator can act on them. */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcTemplate jdbc;
    private final Counter counter;

    DeadLetters(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.counter = Counter.builder("quorum.events.dead.letters")
                .description("Events moved to the dead-letter table").register(registry);
    }

    void record(UUID eventId, String topic, String key, Long sequence, String type, String data, String reason) {
        jdbc.update("""
                insert into quorum_event_dead_letter (event_id, topic, record_key, sequence, event_type, data, reason)
                values (?, ?, ?, ?, ?, ?, ?)""", eventId, topic, key, sequence, type, data, reason);
        counter.increment();
        log.error("Event {} ({}, key {}) dead-lettered: {}", eventId, type, key, reason);
    }

    /** Moves an outbox row to the dead-letter table in one statement, so it leaves the relay's way. */
    void moveFromOutbox(long outboxId, String reason) {
        int moved = jdbc.update("""
                with unpended as (delete from quorum_event_pending where id = ?),
                     moved as (delete from quorum_event_outbox where id = ? returning *)
                insert into quorum_event_dead_letter (event_id, topic, record_key, sequence, event_type, data, reason)
                select event_id, topic, record_key, sequence, event_type, data, ? from moved""",
                outboxId, outboxId, reason);
        if (moved > 0) {
            counter.increment();
            log.error("Outbox row {} dead-lettered: {}", outboxId, reason);
        }
    }
}
